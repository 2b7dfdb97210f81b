import VigilCore
import VigilPromQL

/// `histogram_quantile(...) > T` with T at or beyond the largest finite bucket.
public struct QuantileBeyondBuckets: RuleCheck {
    public static let rule = RuleDescription(
        id: "thresholds/quantile-beyond-buckets", severity: .error,
        summary: "A quantile is compared with a threshold the histogram's buckets cannot reach.",
        rationale: "histogram_quantile never returns more than the largest finite bucket bound (observations beyond it land in +Inf and are reported as that bound). `> T` with T at or above it can never fire. Add a bucket above T or lower the threshold.",
        triggering: [CatalogueExample.rules("      - {alert: Slow, expr: 'histogram_quantile(0.95, sum by (le) (rate(app_request_duration_seconds_bucket[5m]))) > 10', for: 5m}\n")],
        nonTriggering: [CatalogueExample.rules("      - {alert: Slow, expr: 'histogram_quantile(0.95, sum by (le) (rate(app_request_duration_seconds_bucket[5m]))) > 2', for: 5m}\n")])

    public init() {}

    public func run(_ rules: ArraySlice<RuleInContext>, _ context: LintContext, _ report: inout CheckReport) {
        guard let index = context.catalogueIndex else { return }
        for r in rules {
            for t in r.rule.thresholds where t.normalizedOp == .gtr || t.normalizedOp == .gte {
                guard let buckets = Self.buckets(quantileOf: t.subject, index: index), let top = buckets.max() else { continue }
                let strict = t.normalizedOp == .gtr
                if t.value > top || (strict && t.value >= top) {
                    report.add("the quantile can never exceed the largest bucket bound \(NumberText.float(top)); `\(t.normalizedOp) \(NumberText.float(t.value))` never fires",
                               rule: r.rule, exprRange: t.comparison.range,
                               hint: "add a bucket above \(NumberText.float(t.value)), or lower the threshold below \(NumberText.float(top))")
                }
            }
        }
    }

    /// The catalogue's finite bucket bounds of the histogram `histogram_quantile(q, …)` reads.
    static func buckets(quantileOf subject: Expr, index: CatalogueIndex) -> [Double]? {
        guard case .call(let call) = subject.unparenthesized.kind, call.function.name == "histogram_quantile" else { return nil }
        return call.args.last.map { $0.selectors() }?.compactMap { use -> [Double]? in
            guard let n = use.metricName, n.hasSuffix("_bucket"), let d = index.definition(of: n) else { return nil }
            return d.buckets
        }.first
    }
}
