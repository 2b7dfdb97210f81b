import VigilCore

/// The top-level route is missing, has no receiver, or has matchers, time intervals or
/// `continue` (it is the fallback for every alert).
public struct RootRoute: Check {
    public static let rule = RuleDescription(
        id: "alertmanager/root-route", severity: .error,
        summary: "The root route is missing, has no default receiver, or has matchers, time intervals or `continue`.",
        rationale: "Every alert enters the tree at the root route, which must therefore match everything and name the receiver for alerts no child takes. Alertmanager refuses to load a config that breaks this.",
        triggering: [
            RuleExample("receivers:\n  - name: team\n"),
            RuleExample("route:\n  group_by: [alertname]\nreceivers:\n  - name: team\n"),
            RuleExample("route:\n  receiver: team\n  matchers: ['severity=\"critical\"']\nreceivers:\n  - name: team\n"),
            RuleExample("route:\n  receiver: team\n  continue: true\nreceivers:\n  - name: team\n"),
        ],
        nonTriggering: [RuleExample(Example.minimal)])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for a in context.all(AlertmanagerConfigArtifact.self) {
            guard let root = a.config.route else {
                // A route that failed to decode was reported by the decoder already.
                if let node = a.root.mapping?["route"], node.resolvedScalar != .null { continue }
                report.add("no route provided in config", in: a.file, at: a.root.mapping?.pair(for: "route")?.key.range ?? a.root.range,
                           hint: "add a top-level `route:` with a default `receiver:`")
                continue
            }
            if !root.receiver.isSet {
                report.add("root route must specify a default receiver", at: root.origin,
                           hint: "add `receiver: <name>` to the top-level route; alerts no child route takes go there")
            }
            for key in ["match", "match_re", "matchers"] where root.origin?.has(key) ?? false {
                let empty: Bool
                switch key {
                case "match": empty = root.match?.isEmpty ?? true
                case "match_re": empty = root.matchRE?.isEmpty ?? true
                default: empty = (root.matchers ?? []).allSatisfy { $0.matchers.isEmpty }
                }
                if !empty {
                    report.add("root route must not have any matchers", in: a.file, at: root.origin?.range(ofKey: key),
                               hint: "move the matchers into a child route under `routes:`")
                }
            }
            if !(root.muteTimeIntervals ?? []).isEmpty {
                report.add("root route must not have any mute time intervals", at: root.origin, key: "mute_time_intervals",
                           hint: "set `mute_time_intervals` on a child route")
            }
            if !(root.activeTimeIntervals ?? []).isEmpty {
                report.add("root route must not have any active time intervals", at: root.origin, key: "active_time_intervals",
                           hint: "set `active_time_intervals` on a child route")
            }
            if root.continue == true {
                report.add("cannot have continue in root route", at: root.origin, key: "continue", hint: "remove `continue: true` from the root route")
            }
        }
    }
}
