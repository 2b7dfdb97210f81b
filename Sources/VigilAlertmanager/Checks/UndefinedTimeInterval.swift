import VigilCore

/// A route names a time interval that is not defined, or two time intervals share a name.
public struct UndefinedTimeInterval: Check {
    public static let rule = RuleDescription(
        id: "alertmanager/undefined-time-interval", severity: .error,
        summary: "A route uses a time interval that is not defined, or a time interval name is used twice.",
        rationale: "`mute_time_intervals` and `active_time_intervals` refer to entries of `time_intervals` (or the deprecated `mute_time_intervals`) by name; Alertmanager rejects unknown and duplicate names.",
        triggering: [
            RuleExample("route:\n  receiver: team\n  routes:\n    - matchers: ['team=\"a\"']\n      mute_time_intervals: [weekends]\nreceivers:\n  - name: team\n"),
            RuleExample("route:\n  receiver: team\nreceivers:\n  - name: team\ntime_intervals:\n  - name: nights\n    time_intervals: [{times: [{start_time: '00:00', end_time: '06:00'}]}]\n  - name: nights\n    time_intervals: []\n"),
        ],
        nonTriggering: [RuleExample("route:\n  receiver: team\n  routes:\n    - matchers: ['team=\"a\"']\n      mute_time_intervals: [weekends]\nreceivers:\n  - name: team\ntime_intervals:\n  - name: weekends\n    time_intervals: [{weekdays: [saturday, sunday]}]\n")])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for a in context.all(AlertmanagerConfigArtifact.self) {
            var seen: Set<String> = []
            for (list, label) in [(a.config.muteTimeIntervals, "mute time interval"), (a.config.timeIntervals, "time interval")] {
                for ti in list ?? [] {
                    guard let name = ti.name else { continue }
                    if !seen.insert(name).inserted {
                        report.add("\(label) \"\(name)\" is not unique", at: ti.origin, key: "name", hint: "give each time interval its own name")
                    }
                }
            }
            let names = a.config.timeIntervalNames
            for visit in a.config.allRoutes {
                for key in ["mute_time_intervals", "active_time_intervals"] {
                    let used = key == "mute_time_intervals" ? visit.route.muteTimeIntervals : visit.route.activeTimeIntervals
                    for (i, name) in (used ?? []).enumerated() where !seen.contains(name) {
                        let hint = Suggestion.closest(to: name, in: names).map { "did you mean \"\($0)\"?" } ?? "define it under `time_intervals:`"
                        report.add("undefined time interval \"\(name)\" used in route", in: a.file,
                                   at: visit.route.origin?.range(ofItem: key, i) ?? visit.route.origin?.range, hint: hint)
                    }
                }
            }
        }
    }
}
