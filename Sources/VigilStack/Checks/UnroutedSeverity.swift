import VigilCore

/// An alert severity that no route delivers except the root's default receiver.
public struct UnroutedSeverity: Check {
    public static let rule = RuleDescription(
        id: "stack/unrouted-severity", severity: .warning,
        summary: "Alerts of a severity reach only the root route's default receiver.",
        rationale: "Routes decide who is paged. A severity that no route matches falls through to the default receiver — often an unread mailbox — so a critical alert can go unnoticed. Route every severity the alerts use.",
        triggering: [RuleExample("""
        apiVersion: vigil/v1
        kind: Stack
        service: {name: shop, image: shop:1, ports: {http: 8080}}
        alerts:
          - {name: ShopDown, kind: target-down, thresholds: {critical: 0}}
        routing:
          defaultReceiver: mail
          receivers: [{name: mail, email: {to: ops@example.org}}, {name: pager, pagerduty: {routingKeyFile: /etc/secrets/pd}}]
          routes: [{match: {severity: warning}, receiver: pager}]
        """, path: "vigil.yaml")],
        nonTriggering: [RuleExample("""
        apiVersion: vigil/v1
        kind: Stack
        service: {name: shop, image: shop:1, ports: {http: 8080}}
        alerts:
          - {name: ShopDown, kind: target-down, thresholds: {critical: 0}}
        routing:
          defaultReceiver: mail
          receivers: [{name: mail, email: {to: ops@example.org}}, {name: pager, pagerduty: {routingKeyFile: /etc/secrets/pd}}]
          routes: [{match: {severity: critical}, receiver: pager}]
        """, path: "vigil.yaml")])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for a in context.all(StackArtifact.self) {
            let s = a.resolved.stack
            guard let routing = s.routing else { continue }
            let routed = Set((routing.routes ?? []).compactMap { $0.match["severity"] })
            var reported = Set<String>()
            for alert in s.alerts ?? [] where alert.enabled != false {
                for severity in alert.thresholds.keys where !routed.contains(severity) && reported.insert(severity).inserted {
                    let env = s.environment.map { " in \($0)" } ?? ""
                    report.add("alerts of severity \"\(severity)\"\(env) reach only the default receiver \"\(routing.defaultReceiver)\"",
                               at: routing.origin, key: "routes",
                               hint: "add a route: `- {match: {severity: \(severity)}, receiver: …}`")
                }
            }
        }
    }
}
