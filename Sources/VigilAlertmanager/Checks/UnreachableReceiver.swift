import VigilCore

/// A receiver that no known alert can reach: every route to it has a matcher that the rules'
/// labels certainly fail.
public struct UnreachableReceiver: Check {
    public static let rule = RuleDescription(
        id: "alertmanager/unreachable-receiver", severity: .warning,
        summary: "No alert of the known rules can reach a receiver: every route to it requires labels the rules never set.",
        rationale: "A pager receiver behind `severity=\"critical\"` when the rules only emit `severity: page` never pages anyone. Reported only when the rules' own labels decide it.",
        triggering: [RuleExample("route:\n  receiver: default\n  routes:\n    - matchers: ['severity=\"critical\"']\n      receiver: pager\nreceivers:\n  - name: default\n  - name: pager\n---\ngroups:\n  - name: g\n    rules:\n      - alert: DiskFull\n        expr: disk_free < 0.1\n        labels: {severity: warning}\n")],
        nonTriggering: [RuleExample("route:\n  receiver: default\n  routes:\n    - matchers: ['severity=\"critical\"']\n      receiver: pager\nreceivers:\n  - name: default\n  - name: pager\n---\ngroups:\n  - name: g\n    rules:\n      - alert: DiskFull\n        expr: disk_free < 0.1\n        labels: {severity: critical}\n")])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        // Without an Alertmanager config there is nothing to route; knownAlerts walks every rule.
        let configs = context.all(AlertmanagerConfigArtifact.self)
        guard !configs.isEmpty, let alerts = context.knownAlerts else { return }
        for a in configs {
            guard let tree = RoutingNode(config: a.config) else { continue }
            // Routes per receiver, with the matchers on the path from the root.
            var paths: [String: [[LabelMatcher]]] = [:]
            var stack: [(RoutingNode, [LabelMatcher])] = [(tree, [])]
            while let (n, above) = stack.popLast() {
                let all = above + n.matchers
                paths[n.receiver, default: []].append(all)
                for c in n.children { stack.append((c, all)) }
            }
            for r in a.config.receivers ?? [] {
                guard let name = r.name, let routes = paths[name], name != tree.receiver else { continue }
                let reachable = routes.contains { matchers in alerts.contains { alert in !matchers.contains { alert.certainlyFails($0) } } }
                if !reachable {
                    report.add("no known alert can reach receiver \"\(name)\": every route to it requires labels the rules never set (\(routes.map(LabelMatcher.render).joined(separator: "; ")))",
                               at: r.origin, key: "name", hint: "align the rules' labels with the routes' matchers, or remove the receiver")
                }
            }
        }
    }
}
