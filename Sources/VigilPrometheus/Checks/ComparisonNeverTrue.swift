import VigilCore
import VigilPromQL

/// Comparisons that the value range of their subject decides: never true.
public struct ComparisonNeverTrue: RuleCheck {
    public static let rule = RuleDescription(
        id: "promql/comparison-never-true", severity: .warning,
        summary: "A comparison can never be true (`up == 2`, `rate(x[5m]) < 0`, a share of a total `> 1`).",
        rationale: "The subject's values are bounded: `up` is 0 or 1, rates, counts and increases are never negative, absent() is 1, a share of a total is between 0 and 1. A threshold outside those values makes an alert that can never fire — usually a percentage compared as a ratio (or the reverse), or a wrong operator.",
        triggering: [Example.alert("up == 2"), Example.alert("rate(http_requests_total[5m]) < 0"),
                     Example.alert("sum(rate(http_requests_total{code=~\"5..\"}[5m])) / sum(rate(http_requests_total[5m])) > 1")],
        nonTriggering: [Example.alert("up == 0"), Example.alert("sum(rate(http_requests_total{code=~\"5..\"}[5m])) / sum(rate(http_requests_total[5m])) > 0.05")])

    public init() {}

    public func run(_ rules: ArraySlice<RuleInContext>, _ context: LintContext, _ report: inout CheckReport) {
        ComparisonBounds.run(rules, &report, verdict: .neverTrue)
    }
}

/// Comparisons that the value range of their subject decides: always true.
public struct ComparisonAlwaysTrue: RuleCheck {
    public static let rule = RuleDescription(
        id: "promql/comparison-always-true", severity: .warning,
        summary: "A comparison is always true (`rate(x[5m]) >= 0`, `up != 2`, `up <= 1`).",
        rationale: "The subject's values are bounded (up is 0 or 1, rates are never negative), so the comparison filters nothing: an alert that fires whenever the series exist.",
        triggering: [Example.alert("rate(http_requests_total[5m]) >= 0"), Example.alert("up <= 1")],
        nonTriggering: [Example.alert("rate(http_requests_total[5m]) > 0"), Example.alert("up < 1")])

    public init() {}

    public func run(_ rules: ArraySlice<RuleInContext>, _ context: LintContext, _ report: inout CheckReport) {
        ComparisonBounds.run(rules, &report, verdict: .alwaysTrue)
    }
}

enum ComparisonBounds {
    /// Reports the comparisons of `rules` whose subject's value range gives them `wanted`.
    /// Both checks work the ranges out for themselves: on a slice of rules that is cheaper
    /// than one check waiting for the other's results over all rules.
    static func run(_ rules: ArraySlice<RuleInContext>, _ report: inout CheckReport, verdict wanted: ComparisonVerdict) {
        for r in rules where r.rule.parsed != nil {
            for t in r.rule.thresholds {
                guard let bounds = ValueBounds.of(t.subject), ComparisonVerdict.of(t, bounds: bounds) == wanted else { continue }
                let subject = PromQLPrinter.compact(t.subject)
                let shown = subject.count > 60 ? String(subject.prefix(57)) + "…" : subject
                let what = wanted == .neverTrue ? "can never be true" : "is always true"
                report.add("this comparison \(what): \(shown) is \(bounds.description)", rule: r.rule, exprRange: t.comparison.range,
                           hint: wanted == .neverTrue ? "check the threshold's unit (a ratio is 0–1, a percentage 0–100) and the operator" : "use a threshold inside the value range, or drop the comparison")
            }
        }
    }
}
