import Testing
import VigilAlertmanager
import VigilCore

/// prometheus-operator `AlertmanagerConfig` resources.
@Suite struct ResourceTests {
    static func lint(_ spec: String) async -> [Diagnostic] {
        let text = "apiVersion: monitoring.coreos.com/v1alpha1\nkind: AlertmanagerConfig\nmetadata:\n  name: team\n  namespace: shop\nspec:\n" + spec
        return await Support.linter.lint(text: text, path: "amc.yaml").diagnostics
    }

    @Test func validResourceHasNoFindings() async {
        let d = await Self.lint("""
          route:
            receiver: slack
            groupBy: [alertname]
            groupWait: 30s
            routes:
              - matchers: [{name: severity, value: critical, matchType: '='}, {name: service, value: 'api|web', matchType: '=~'}]
                receiver: pager
                continue: true
          receivers:
            - name: slack
              slackConfigs: [{apiURL: {name: slack, key: url}, channel: '#shop'}]
            - name: pager
              pagerdutyConfigs: [{routingKey: {name: pd, key: key}}]
          inhibitRules:
            - sourceMatch: [{name: severity, value: critical}]
              targetMatch: [{name: severity, value: warning}]
              equal: [service]
        """)
        #expect(d.isEmpty, "\(d.map(\.message))")
    }

    @Test func operatorRejections() async {
        let d = await Self.lint("""
          route:
            groupWait: soon
            routes:
              - matchers: [{name: severity, value: '(crit', matchType: '=~'}]
                receiver: pagr
              - matchers: [{name: team, value: x, matchType: '=='}]
                recevier: slack
          receivers:
            - name: slack
            - name: slack
        """)
        let messages = d.map(\.message)
        #expect(messages.contains("spec.route must name a receiver"))
        #expect(d.contains { $0.message == #"spec.route.routes[0]: receiver "pagr" not found in spec.receivers"# && $0.hint == "define it under spec.receivers" })
        #expect(messages.contains { $0.contains("invalid matcher severity: error parsing regexp") })
        #expect(messages.contains { $0.contains(#"not a valid duration string: "soon""#) })
        #expect(messages.contains { $0.contains(#"invalid value "==""#) })
        #expect(d.contains { $0.rule == "schema/unknown-field" && $0.hint == #"did you mean "receiver"?"# })
        #expect(messages.contains(#"receiver "slack" is defined more than once"#))
        #expect(d.allSatisfy { $0.range != nil })
    }

    @Test func notTakenForAnAlertmanagerConfigFile() async {
        let d = await Self.lint("  route:\n    receiver: x\n  receivers:\n    - name: x\n")
        #expect(!d.contains { $0.rule == "alertmanager/root-route" || $0.rule == "schema/unknown-field" })
    }

    @Test func groupByOnALabelNoKnownAlertCarries() async {
        let resource = "apiVersion: monitoring.coreos.com/v1alpha1\nkind: AlertmanagerConfig\nmetadata: {name: team, namespace: shop}\nspec:\n  route:\n    receiver: slack\n    groupBy: [alertname, servce]\n    routes:\n      - receiver: slack\n        groupBy: [service, cluster]\n  receivers:\n    - name: slack\n"
        let rules = "groups:\n  - name: g\n    rules:\n      - alert: ApiDown\n        expr: sum by (service) (up) == 0\n        labels: {severity: critical}\n"
        let withRules = await Support.linter.lint(files: [SourceFile(path: "amc.yaml", text: resource), SourceFile(path: "rules.yml", text: rules)])
        let found = withRules.diagnostics.filter { $0.rule == GroupByUnknownLabel.rule.id }
        #expect(found.map(\.message) == [#"groupBy label "servce" is carried by none of the 1 known alerts"#,
                                          #"groupBy label "cluster" is carried by none of the 1 known alerts"#])
        #expect(found.first?.range?.start.line == 7 && found.first?.range?.start.column == 26)
        #expect(found.first?.hint == #"did you mean "service"?"#)
        // Without rules nothing is known about the labels.
        let alone = await Support.linter.lint(files: [SourceFile(path: "amc.yaml", text: resource)])
        #expect(!alone.diagnostics.contains { $0.rule == GroupByUnknownLabel.rule.id })
    }

    /// The operator drops a resource whose receiver has a field one level too high (a
    /// `botToken` beside `telegramConfigs` instead of inside it): Vigil names the field.
    @Test func misplacedIntegrationFieldIsUnknown() async {
        let d = await Self.lint("""
          route:
            receiver: telegram
          receivers:
            - name: telegram
              telegramConfigs:
              - chatID: -123456789
              botToken:
                name: telegram
                key: token
              slackConfig:
                - channel: '#x'
        """)
        let unknown = d.filter { $0.rule == "schema/unknown-field" }
        #expect(unknown.map(\.message) == [#"spec.receivers[0]: unknown field "botToken" in ResourceReceiver"#,
                                            #"spec.receivers[0]: unknown field "slackConfig" in ResourceReceiver"#])
        #expect(unknown.first?.range?.start.line == 13)
        #expect(unknown.last?.hint == #"did you mean "slackConfigs"?"#)
    }

    /// A credential written where the operator expects `{name, key}` of a Secret is rejected,
    /// and never printed.
    @Test func inlineCredentialsInsteadOfSecretReferences() async {
        let text = "apiVersion: monitoring.coreos.com/v1alpha1\nkind: AlertmanagerConfig\nmetadata:\n  name: team\n  namespace: shop\nspec:\n" + """
          route:
            receiver: slack
          receivers:
            - name: slack
              slackConfigs:
                - apiURL: https://hooks.slack.com/services/T0/B0/S3CR3Tslack
                  channel: '#shop'
              opsgenieConfigs:
                - apiKey: {name: opsgenie, key: key}
                  apiURL: https://api.eu.opsgenie.com
              webhookConfigs:
                - url: http://hooks.shop.svc/alert
                  httpConfig:
                    basicAuth: {username: {name: hook, key: user}, password: S3CR3T-basic}
        """
        let result = await Support.linter.lint(files: [SourceFile(path: "amc.yaml", text: text)])
        let found = result.diagnostics.filter { $0.rule == ResourceRouting.rule.id }
        #expect(found.map(\.message) == [
            "spec.receivers[0].slackConfigs[0].apiURL must reference a key of a Secret, not hold the value (<redacted>)",
            "spec.receivers[0].webhookConfigs[0].httpConfig.basicAuth.password must reference a key of a Secret, not hold the value (<redacted>)",
        ])
        #expect(found.first?.range?.start.line == 12)
        let printed = TextReporter(color: false).render(result)
        #expect(printed.contains(" 12 |         - apiURL: <redacted>\n"))
        #expect(!printed.contains("S3CR3T"))
    }
}
