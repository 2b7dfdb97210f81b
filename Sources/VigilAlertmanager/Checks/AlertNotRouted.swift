import VigilCore

/// An alert the known rules fire that no route takes: only the root route's default
/// receiver gets it.
public struct AlertNotRouted: Check {
    public static let rule = RuleDescription(
        id: "alertmanager/alert-not-routed", severity: .warning,
        summary: "An alert that the known rules fire is delivered only by the root route's default receiver: no route matches its labels.",
        rationale: "The root receiver is the catch-all; an alert ending there usually means its severity or team label does not match what the routes expect (`severity: page` against `severity=\"critical\"`). Reported only when the rule's own labels decide it, so unknown series labels cannot change the outcome.",
        triggering: [RuleExample("route:\n  receiver: default\n  routes:\n    - matchers: ['severity=\"critical\"']\n      receiver: pager\nreceivers:\n  - name: default\n  - name: pager\n---\ngroups:\n  - name: g\n    rules:\n      - alert: DiskFull\n        expr: disk_free < 0.1\n        labels: {severity: page}\n")],
        nonTriggering: [RuleExample("route:\n  receiver: default\n  routes:\n    - matchers: ['severity=\"critical\"']\n      receiver: pager\nreceivers:\n  - name: default\n  - name: pager\n---\ngroups:\n  - name: g\n    rules:\n      - alert: DiskFull\n        expr: disk_free < 0.1\n        labels: {severity: critical}\n")])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        // Without an Alertmanager config there is nothing to route; knownAlerts walks every rule.
        let configs = context.all(AlertmanagerConfigArtifact.self)
        guard !configs.isEmpty, let alerts = context.knownAlerts else { return }
        for a in configs {
            guard let tree = RoutingNode(config: a.config), !tree.children.isEmpty else { continue }
            for alert in alerts {
                guard tree.children.allSatisfy({ child in child.matchers.contains { alert.certainlyFails($0) } }) else { continue }
                let shown = alert.labels.sorted { $0.key < $1.key }.map { "\($0.key)=\"\($0.value)\"" }.joined(separator: ", ")
                let message = "alert \(alert.name) {\(shown)} matches no route in \(a.file.path); only the root receiver \"\(tree.receiver)\" gets it"
                let hint = "check its labels against the routes' matchers (`vigil routes test \(a.file.path) alertname=\(alert.name)\(alert.labels.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined())`)"
                if let file = alert.file {
                    report.add(message, in: file, at: alert.range, hint: hint)
                } else {
                    report.add(message, at: a.config.route?.origin, hint: hint)
                }
            }
        }
    }
}
