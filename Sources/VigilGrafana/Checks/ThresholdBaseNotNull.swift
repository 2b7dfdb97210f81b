import VigilCore

/// A first threshold step with a number instead of `null`.
public struct ThresholdBaseNotNull: Check {
    public static let rule = RuleDescription(
        id: "grafana/threshold-base-not-null", severity: .warning,
        summary: "The first (base) threshold step has a `value` other than `null`.",
        rationale: "The base step applies from minus infinity: Grafana ignores its value and uses it for everything below the next step. A base written as `0` or `50` suggests values below it are uncoloured, which they are not. Write `\"value\": null` and add a step if a boundary is meant.",
        triggering: [Example.dashboard(Example.panel("up", more: "").replacingOccurrences(of: #""unit": "reqps"}"#, with: #""unit": "reqps", "thresholds": {"mode": "absolute", "steps": [{"color": "green", "value": 0}, {"color": "red", "value": 80}]}}"#))],
        nonTriggering: [Example.dashboard(Example.panel("up", more: "").replacingOccurrences(of: #""unit": "reqps"}"#, with: #""unit": "reqps", "thresholds": {"mode": "absolute", "steps": [{"color": "green", "value": null}, {"color": "red", "value": 80}]}}"#))])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for d in context.dashboards {
            for p in d.allPanels {
                for list in ThresholdStepList.lists(of: p, file: d.file) {
                    guard let base = list.steps.first, !base.isNull else { continue }
                    report.add("panel \"\(p.title ?? "")\": the base threshold step in \(list.place) has value \(base.written); the base applies from minus infinity", in: list.file, at: base.range,
                               hint: #"write "value": null"#)
                }
            }
        }
    }
}
