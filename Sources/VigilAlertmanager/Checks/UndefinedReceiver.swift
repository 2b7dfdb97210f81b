import VigilCore

/// A route names a receiver that `receivers:` does not define.
public struct UndefinedReceiver: Check {
    public static let rule = RuleDescription(
        id: "alertmanager/undefined-receiver", severity: .error,
        summary: "A route sends alerts to a receiver that is not defined.",
        rationale: "Alertmanager refuses the whole config (`undefined receiver \"x\" used in route`), so a typo in one route stops every notification from being reloaded.",
        triggering: [RuleExample("route:\n  receiver: team\n  routes:\n    - receiver: pager\n      matchers: ['severity=\"critical\"']\nreceivers:\n  - name: team\n")],
        nonTriggering: [RuleExample("route:\n  receiver: team\n  routes:\n    - receiver: pager\n      matchers: ['severity=\"critical\"']\nreceivers:\n  - name: team\n  - name: pager\n")])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for a in context.all(AlertmanagerConfigArtifact.self) {
            let names = Set(a.config.receiverNames)
            for visit in a.config.allRoutes {
                guard let r = visit.route.receiver, !r.isEmpty, !names.contains(r) else { continue }
                let hint = Suggestion.closest(to: r, in: a.config.receiverNames).map { "did you mean \"\($0)\"?" }
                    ?? "define it under `receivers:` (defined: \(a.config.receiverNames.joined(separator: ", ")))"
                report.add("undefined receiver \"\(r)\" used in route", at: visit.route.origin, key: "receiver", hint: hint)
            }
        }
    }
}
