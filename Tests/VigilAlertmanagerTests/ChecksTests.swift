import Testing
import VigilAlertmanager
import VigilCore

/// Behaviour of the checks beyond their rule examples: exact hints, positions, edge cases.
@Suite struct ChecksTests {
    static func findings(_ text: String, rule: String) async -> [Diagnostic] {
        await Support.linter.lint(text: text, path: "alertmanager.yml").diagnostics.filter { $0.rule == rule }
    }

    @Test func deprecatedMatchHintIsTheExactRewrite() async throws {
        let text = """
        route:
          receiver: team
          routes:
            - match:
                severity: critical
                team: "it's-ops"
              match_re:
                service: api|web
              matchers: ['env="prod"']
              receiver: team
        receivers:
          - name: team
        """
        let d = await Self.findings(text, rule: "alertmanager/deprecated-match")
        #expect(d.count == 1)
        #expect(d.first?.range?.start.line == 4)
        #expect(d.first?.hint == #"replace them with `matchers: ['env="prod"', 'severity="critical"', 'team="it''s-ops"', 'service=~"api|web"']`"#)
        // The rewrite routes exactly like the original.
        let rewritten = """
        route:
          receiver: team
          routes:
            - matchers: ['env="prod"', 'severity="critical"', 'team="it''s-ops"', 'service=~"api|web"']
              receiver: team
        receivers:
          - name: team
        """
        let ca = try #require(await AlertmanagerCheck.check(text: text, path: "a.yml").configs.first)
        let cb = try #require(await AlertmanagerCheck.check(text: rewritten, path: "b.yml").configs.first)
        let a = try #require(RoutingNode(config: ca))
        let b = try #require(RoutingNode(config: cb))
        for service in ["api", "web", "apiweb", ""] {
            for env in ["prod", "dev"] {
                let labels = ["severity": "critical", "team": "it's-ops", "service": service, "env": env]
                #expect(a.receivers(for: labels) == b.receivers(for: labels))
                #expect(a.match(labels).map(\.path) == b.match(labels).map(\.path))
            }
        }
    }

    @Test func deprecatedInhibitMatchHint() async {
        let text = "route:\n  receiver: team\nreceivers:\n  - name: team\n" + "inhibit_rules:\n  - source_match: {severity: critical}\n    target_match_re: {severity: 'warning|info'}\n    equal: [alertname]\n"
        let hints = await Self.findings(text, rule: "alertmanager/deprecated-match").compactMap(\.hint)
        #expect(hints == [#"replace them with `source_matchers: ['severity="critical"']`"#, #"replace them with `target_matchers: ['severity=~"warning|info"']`"#])
    }

    struct Shadow: Sendable, CustomTestStringConvertible {
        let earlier: String
        let later: String
        let shadowed: Bool
        var testDescription: String { "\(earlier) before \(later)" }
    }

    static let shadows: [Shadow] = [
        Shadow(earlier: #"['team="db"']"#, later: #"['team="db"', 'severity="critical"']"#, shadowed: true),
        Shadow(earlier: #"['team=~"db|web"']"#, later: #"['team="db"']"#, shadowed: true),
        Shadow(earlier: #"['team=~"db|web"']"#, later: #"['team=~"db|web"']"#, shadowed: true),
        Shadow(earlier: #"['team=~"db|web"']"#, later: #"['team=~"db"']"#, shadowed: true),
        Shadow(earlier: #"['team!="web"']"#, later: #"['team="db"']"#, shadowed: true),
        Shadow(earlier: #"['team=~".*"']"#, later: #"['severity="critical"']"#, shadowed: true),
        Shadow(earlier: #"['team!=""']"#, later: #"['team="db"']"#, shadowed: true),
        Shadow(earlier: #"['team!="db"']"#, later: #"['team="db"']"#, shadowed: false),
        Shadow(earlier: #"['team="db"', 'severity="critical"']"#, later: #"['team="db"']"#, shadowed: false),
        Shadow(earlier: #"['team="db"']"#, later: #"['team=~"db|web"']"#, shadowed: false),
        Shadow(earlier: #"['team=~"d.*"']"#, later: #"['team=~"db.*"']"#, shadowed: false),
        Shadow(earlier: #"['team=""']"#, later: #"['severity="critical"']"#, shadowed: false),
    ]

    @Test(arguments: shadows)
    func unreachableRoute(s: Shadow) async {
        let text = """
        route:
          receiver: team
          routes:
            - matchers: \(s.earlier)
              receiver: team
            - matchers: \(s.later)
              receiver: other
        receivers:
          - name: team
          - name: other
        """
        let d = await Self.findings(text, rule: "alertmanager/unreachable-route")
        #expect(d.isEmpty != s.shadowed, "\(d.map(\.message))")
        if s.shadowed { #expect(d.first?.range?.start.line == 6) }
    }

    @Test func timingReportsAtTheFieldAndInheritance() async {
        let text = """
        route:
          receiver: team
          group_interval: 10m
          routes:
            - matchers: ['a="b"']
              receiver: team
              repeat_interval: 5m
        receivers:
          - name: team
        """
        let d = await Self.findings(text, rule: "alertmanager/timing")
        // 5m repeat < inherited 10m group interval, and 5m pages repeatedly: both at line 7.
        #expect(d.count == 2)
        #expect(d.allSatisfy { $0.range?.start.line == 7 })
        #expect(d.contains { $0.message.contains("group_interval (10m) is longer than repeat_interval (5m)") })
    }

    @Test func unusedReceiverIgnoresReceiversUsedDeepInTheTree() async {
        let text = """
        route:
          receiver: a
          routes:
            - matchers: [x=y]
              routes:
                - matchers: [z=w]
                  receiver: b
        receivers:
          - name: a
          - name: b
          - name: c
        """
        let d = await Self.findings(text, rule: "alertmanager/unused-receiver")
        #expect(d.map(\.message) == [#"receiver "c" is not used by any route"#])
        #expect(d.first?.range?.start.line == 11)
    }

    static let secretConfig = """
    global:
      smtp_auth_password: hunter2-smtp-SECRET
      slack_api_url: https://hooks.slack.com/services/T0AAA/B0BBB/SECRETslack123456789
      opsgenie_api_key: SECRET-opsgenie-0123456789
    route:
      receiver: team
    receivers:
      - name: team
        pagerduty_configs:
          - routing_key: SECRETpd0123456789abcdef
        webhook_configs:
          - url: https://hooks.corp.internal/alerts?token=SECRETwebhook42
            http_config:
              bearer_token: SECRET-bearer-token
              basic_auth: {username: am, password: SECRET-basic}
        telegram_configs:
          - bot_token: YOUR_BOT_TOKEN
            chat_id: 1
        email_configs:
          - to: ops@corp.internal
            from: am@corp.internal
            smarthost: smtp.corp.internal:587
            auth_password: SECRET-email
    """

    @Test func secretsAreNeverPrinted() async {
        let result = await Support.linter.lint(text: Self.secretConfig, path: "alertmanager.yml")
        let plaintext = result.diagnostics.filter { $0.rule == "alertmanager/plaintext-secret" }
        #expect(plaintext.count == 8)
        #expect(plaintext.allSatisfy { $0.message.contains("<redacted>") })
        let placeholder = result.diagnostics.filter { $0.rule == "alertmanager/placeholder" }
        #expect(placeholder.map(\.message) == ["receivers[0].telegram_configs[0].bot_token looks like a placeholder (<redacted>)"])
        for d in result.diagnostics {
            let text = [d.message, d.hint ?? ""] + d.notes.map(\.message)
            #expect(!text.joined().contains("SECRET") && !text.joined().contains("hunter2") && !text.joined().contains("YOUR_BOT"), "\(d.rule): \(d.message)")
        }
    }

    @Test func redactedSourceKeepsLinesAndHidesValues() {
        let file = SourceFile(path: "a.yml", text: Self.secretConfig)
        let redacted = AlertmanagerRedaction.redact(file)
        let text = String(decoding: redacted.bytes, as: UTF8.self)
        #expect(!text.contains("SECRET") && !text.contains("hunter2"))
        #expect(redacted.lineCount == file.lineCount)
        #expect(redacted.lineText(2) == "  smtp_auth_password: <redacted>")
        #expect(redacted.lineText(20) == file.lineText(20))
    }

    @Test func secretValuesPrintRedacted() throws {
        let s = Secret("hunter2")
        #expect("\(s)" == "<redacted>")
        #expect(String(reflecting: s) == "<redacted>")
        let u = try SecretURL(validating: "https://hooks.slack.com/services/T0/B0/xyz")
        #expect("\(u)" == "https://hooks.slack.com/<redacted>")
    }

    @Test func kindRecognisesAlertmanagerConfigsOnly() async {
        let prometheus = "global:\n  scrape_interval: 15s\nscrape_configs:\n  - job_name: x\n"
        let prom = await Support.linter.lint(text: prometheus, path: "prometheus.yml")
        #expect(!prom.diagnostics.contains { $0.rule.hasPrefix("alertmanager/") || $0.rule == "schema/unknown-field" })
        let am = await Support.linter.lint(text: "route:\n  receiver: nobody\nreceivers:\n  - name: team\n", path: "am.yml")
        #expect(am.diagnostics.contains { $0.rule == "alertmanager/undefined-receiver" })
        let json = await Support.linter.lint(text: #"{"route": {"receiver": "x"}, "receivers": [{"name": "team"}]}"#, path: "am.json")
        #expect(json.diagnostics.contains { $0.rule == "alertmanager/undefined-receiver" && $0.range?.start.line == 1 })
    }
}
