import VigilCore

/// A receiver that no route sends alerts to.
public struct UnusedReceiver: Check {
    public static let rule = RuleDescription(
        id: "alertmanager/unused-receiver", severity: .warning,
        summary: "A receiver is defined but no route sends alerts to it.",
        rationale: "Often a route was renamed or removed and the team behind the receiver silently stopped getting alerts; otherwise it is dead configuration (and maybe a stale credential).",
        triggering: [RuleExample("route:\n  receiver: team\nreceivers:\n  - name: team\n  - name: old-pager\n")],
        nonTriggering: [RuleExample("route:\n  receiver: team\n  routes:\n    - matchers: ['severity=\"critical\"']\n      receiver: pager\nreceivers:\n  - name: team\n  - name: pager\n")])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for a in context.all(AlertmanagerConfigArtifact.self) where a.config.route != nil {
            let used = Set(a.config.allRoutes.compactMap(\.route.receiver))
            for r in a.config.receivers ?? [] {
                guard let name = r.name, !name.isEmpty, !used.contains(name) else { continue }
                report.add("receiver \"\(name)\" is not used by any route", at: r.origin, key: "name",
                           hint: "route alerts to it (`receiver: \(name)` on a route) or remove it")
            }
        }
    }
}
