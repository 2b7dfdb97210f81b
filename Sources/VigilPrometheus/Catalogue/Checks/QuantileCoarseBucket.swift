import VigilCore
import VigilPromQL

/// `histogram_quantile(...) > T` where T falls inside a bucket so wide that the estimate is a guess.
public struct QuantileCoarseBucket: RuleCheck {
    public static let rule = RuleDescription(
        id: "thresholds/quantile-coarse-bucket", severity: .warning,
        summary: "A quantile threshold falls inside a histogram bucket whose upper bound is at least 4× its lower one.",
        rationale: "histogram_quantile interpolates linearly inside the bucket the quantile lands in; it knows only how many observations fell between the two bounds. With buckets (1, 5] a threshold of 2 compares a straight-line guess: the alert fires or stays quiet whatever the real latencies between 1 and 5 are. Put the threshold on a bucket bound, or add bounds around it.",
        triggering: [CatalogueExample.rules("      - {alert: Slow, expr: 'histogram_quantile(0.95, sum by (le) (rate(app_request_duration_seconds_bucket[5m]))) > 2', for: 5m}\n")],
        nonTriggering: [CatalogueExample.rules("      - {alert: Slow, expr: 'histogram_quantile(0.95, sum by (le) (rate(app_request_duration_seconds_bucket[5m]))) > 1', for: 5m}\n"),
                        CatalogueExample.rules("      - {alert: Slow, expr: 'histogram_quantile(0.95, sum by (le) (rate(app_request_duration_seconds_bucket[5m]))) > 0.7', for: 5m}\n")])

    /// Buckets whose upper bound is this many times the lower one (or more) are too coarse.
    static let coarseFactor = 4.0

    public init() {}

    public func run(_ rules: ArraySlice<RuleInContext>, _ context: LintContext, _ report: inout CheckReport) {
        guard let index = context.catalogueIndex else { return }
        for r in rules {
            for t in r.rule.thresholds where t.direction == .above || t.direction == .below {
                guard let buckets = QuantileBeyondBuckets.buckets(quantileOf: t.subject, index: index),
                      let (lower, upper) = Self.bucket(containing: t.value, in: buckets),
                      upper / lower >= Self.coarseFactor else { continue }
                let (lo, hi, v) = (NumberText.float(lower), NumberText.float(upper), NumberText.float(t.value))
                report.add("the threshold \(v) falls inside the bucket (\(lo), \(hi)]: the quantile there is a linear interpolation across a \(NumberText.float(upper / lower))× range, not a measurement",
                           rule: r.rule, exprRange: t.comparison.range,
                           hint: "put the threshold on a bucket bound (\(lo) or \(hi)), or add bucket bounds around \(v)")
            }
        }
    }

    /// The finite bucket strictly containing `value` (not on a bound), with a positive lower bound.
    static func bucket(containing value: Double, in bounds: [Double]) -> (Double, Double)? {
        let sorted = bounds.filter(\.isFinite).sorted()
        for (lower, upper) in zip(sorted, sorted.dropFirst()) where lower > 0 && value > lower && value < upper {
            return (lower, upper)
        }
        return nil
    }
}
