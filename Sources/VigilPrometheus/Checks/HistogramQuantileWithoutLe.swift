import VigilCore
import VigilPromQL

/// histogram_quantile over classic `_bucket` series needs the `le` label.
public struct HistogramQuantileWithoutLe: RuleCheck {
    public static let rule = RuleDescription(
        id: "promql/histogram-quantile-without-le", severity: .error,
        summary: "histogram_quantile() over _bucket series aggregated without keeping `le`.",
        rationale: "histogram_quantile() reads the bucket bounds from the `le` label; an aggregation that drops it (`sum by (job)`) leaves nothing to compute from and the result is empty, so the alert can never fire. Keep `le` in the grouping.",
        triggering: [Example.alert("histogram_quantile(0.95, sum by (job) (rate(http_request_duration_seconds_bucket[5m]))) > 1")],
        nonTriggering: [Example.alert("histogram_quantile(0.95, sum by (job, le) (rate(http_request_duration_seconds_bucket[5m]))) > 1"),
                        Example.alert("histogram_quantile(0.95, rate(http_request_duration_seconds_bucket[5m])) > 1")])

    public init() {}

    public func run(_ rules: ArraySlice<RuleInContext>, _ context: LintContext, _ report: inout CheckReport) {
        let metrics = context.metrics
        for r in rules {
            guard let e = r.rule.parsed, r.rule.functions.contains("histogram_quantile") else { continue }
            PromQLWalker().walk(e) { node, _ in
                guard case .call(let c) = node.kind, c.function.name == "histogram_quantile", c.args.count == 2 else { return .descend }
                let arg = c.args[1]
                let readsBuckets = arg.selectors().contains { $0.metricName?.hasSuffix("_bucket") ?? false }
                if readsBuckets, ExprFacts.outputLabels(of: arg, metrics: metrics).lacks("le") {
                    report.add("histogram_quantile() over _bucket series that lost the `le` label: the result is always empty",
                               rule: r.rule, exprRange: arg.range, hint: "keep le in the aggregation, e.g. sum by (le, job) (…)")
                }
                return .descend
            }
        }
    }
}
