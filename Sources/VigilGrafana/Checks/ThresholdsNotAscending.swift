import VigilCore

/// Threshold steps whose values do not ascend.
public struct ThresholdsNotAscending: Check {
    public static let rule = RuleDescription(
        id: "grafana/thresholds-not-ascending", severity: .warning,
        summary: "Threshold steps after the base are not in strictly ascending order of `value`.",
        rationale: "Grafana sorts the steps by value on load, so colours land on other ranges than the file says (a `red` at 80 written before `orange` at 90 ends up meaning 80–90 red, above 90 orange); two steps with the same value hide one of them, and a `null` after the base sorts to the front. Write the steps from the lowest value up.",
        triggering: [Example.dashboard(Example.panel("up", more: "").replacingOccurrences(of: #""unit": "reqps"}"#, with: #""unit": "reqps", "thresholds": {"mode": "absolute", "steps": [{"color": "green", "value": null}, {"color": "red", "value": 90}, {"color": "orange", "value": 80}]}}"#))],
        nonTriggering: [Example.dashboard(Example.panel("up", more: "").replacingOccurrences(of: #""unit": "reqps"}"#, with: #""unit": "reqps", "thresholds": {"mode": "absolute", "steps": [{"color": "green", "value": null}, {"color": "orange", "value": 80}, {"color": "red", "value": 90}]}}"#))])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for d in context.dashboards {
            for p in d.allPanels {
                for list in ThresholdStepList.lists(of: p, file: d.file) where list.steps.count > 1 {
                    var previous = list.steps[0].value
                    for step in list.steps.dropFirst() {
                        guard let v = step.value else {
                            if step.isNull {
                                report.add("panel \"\(p.title ?? "")\": a threshold step after the base has value null and sorts before it", in: list.file, at: step.range,
                                           hint: "give it a value, or remove it")
                            }
                            continue
                        }
                        if let prev = previous, v <= prev {
                            report.add("panel \"\(p.title ?? "")\": threshold \(step.written) in \(list.place) follows \(NumberText.float(prev)); Grafana re-sorts the steps", in: list.file, at: step.range,
                                       hint: v == prev ? "two steps at one value: remove one" : "order the steps from the lowest value up")
                        }
                        previous = v
                    }
                }
            }
        }
    }
}
