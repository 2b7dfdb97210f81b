import VigilCore

/// `for` shorter than the group's evaluation interval.
public struct ForShorterThanInterval: RuleCheck {
    public static let rule = RuleDescription(
        id: "rules/for-shorter-than-interval", severity: .warning,
        summary: "An alert's `for` is shorter than its group's evaluation interval.",
        rationale: "Alerts are only evaluated once per interval, so `for: 30s` in a group evaluated every 1m waits a full minute anyway: the written duration is misleading. Make `for` at least the interval (or a multiple of it).",
        triggering: [Example.alert("up == 0", for: "30s", interval: "1m")],
        nonTriggering: [Example.alert("up == 0", for: "2m", interval: "1m"), Example.alert("up == 0", for: "30s")])

    public init() {}

    public func run(_ rules: ArraySlice<RuleInContext>, _ context: LintContext, _ report: inout CheckReport) {
        for r in rules where r.rule.isAlert {
            guard let f = r.rule.forDuration, f > .zero, let interval = context.evaluationInterval(of: r.group), f < interval else { continue }
            report.add("for: \(f) is shorter than the evaluation interval \(interval) of group \"\(r.group.name)\": the alert waits at least \(interval) anyway",
                       in: r.file.file, node: r.rule.node["for"], hint: "use for: \(interval) or longer")
        }
    }
}
