import VigilCore

/// Notification timings out of order (group_wait ≤ group_interval ≤ repeat_interval) or so
/// short that unresolved alerts page people over and over.
public struct Timing: Check {
    public static let rule = RuleDescription(
        id: "alertmanager/timing", severity: .warning,
        summary: "`group_wait`, `group_interval`, `repeat_interval` out of order, or short enough to re-notify every few minutes.",
        rationale: "`group_wait` delays the first notification, `group_interval` batches changes, `repeat_interval` re-sends unchanged alerts. A repeat_interval of minutes pages the on-call engineer again and again for the same problem — the alert fatigue the alerting guide warns about; the default is 4h. A group_interval under a minute sends a message per flapping alert.",
        triggering: [
            RuleExample("route:\n  receiver: team\n  group_wait: 10m\n  group_interval: 5m\nreceivers:\n  - name: team\n"),
            RuleExample("route:\n  receiver: team\n  repeat_interval: 5m\nreceivers:\n  - name: team\n"),
        ],
        nonTriggering: [RuleExample("route:\n  receiver: team\n  group_wait: 30s\n  group_interval: 5m\n  repeat_interval: 4h\nreceivers:\n  - name: team\n")])

    public init() {}

    /// Below this, a repeat interval is treated as paging repeatedly.
    public static let minimumRepeat = Duration.hours(1)
    /// Below this, a group interval sends a message per change.
    public static let minimumGroupInterval = Duration.minutes(1)

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for a in context.all(AlertmanagerConfigArtifact.self) {
            guard let tree = RoutingNode(config: a.config) else { continue }
            var stack = [tree]
            while let n = stack.popLast() {
                stack.append(contentsOf: n.children)
                guard let origin = n.origin else { continue }
                let setsWait = origin.has("group_wait"), setsGroup = origin.has("group_interval"), setsRepeat = origin.has("repeat_interval")
                guard setsWait || setsGroup || setsRepeat else { continue }
                if (setsWait || setsGroup), n.groupWait > n.groupInterval {
                    report.add("group_wait (\(n.groupWait)) is longer than group_interval (\(n.groupInterval))", at: origin,
                               key: setsWait ? "group_wait" : "group_interval",
                               hint: "keep group_wait ≤ group_interval, e.g. group_wait: 30s, group_interval: 5m")
                }
                if (setsGroup || setsRepeat), n.groupInterval > n.repeatInterval {
                    report.add("group_interval (\(n.groupInterval)) is longer than repeat_interval (\(n.repeatInterval)); repeats can only happen on group_interval ticks", at: origin,
                               key: setsRepeat ? "repeat_interval" : "group_interval",
                               hint: "keep group_interval ≤ repeat_interval, e.g. group_interval: 5m, repeat_interval: 4h")
                }
                if setsRepeat, n.repeatInterval > .zero, n.repeatInterval < Timing.minimumRepeat {
                    report.add("repeat_interval \(n.repeatInterval) re-sends every unresolved alert every \(n.repeatInterval); this pages people repeatedly for the same problem",
                               at: origin, key: "repeat_interval", hint: "use at least 1h (Alertmanager's default is 4h)")
                }
                if setsGroup, n.groupInterval > .zero, n.groupInterval < Timing.minimumGroupInterval {
                    report.add("group_interval \(n.groupInterval) sends a new notification for nearly every change in the group",
                               at: origin, key: "group_interval", hint: "use at least 1m (Alertmanager's default is 5m)")
                }
            }
        }
    }
}
