import VigilCore
import VigilPromQL

/// A counter shown raw instead of through `rate`/`increase` (dashboard-linter's
/// `target-counter-agg-rule`).
public struct CounterWithoutRate: Check {
    public static let rule = RuleDescription(
        id: "grafana/counter-without-rate", severity: .warning,
        summary: "A panel query plots a counter (`_total`, `_count`, `_sum`, `_bucket`) without `rate` or `increase`.",
        rationale: "A counter's raw value only says how much happened since the process started; it drops to zero on every restart. Plot `rate(x[$__rate_interval])` or `increase(…)`. Counting series (`count(x_total)`), `absent`, `timestamp` and the like are not reported.",
        triggering: [Example.dashboard(Example.panel("sum(http_requests_total)"))],
        nonTriggering: [Example.dashboard(Example.panel("sum(rate(http_requests_total[$__rate_interval]))")),
                        Example.dashboard(Example.panel("count(http_requests_total)", unit: "short"))])

    public init() {}

    static let counterSuffixes = ["_total", "_count", "_bucket", "_sum"]
    static let harmlessAggregations: Set<AggregationOp> = [.count, .group, .countValues]

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for d in context.dashboards {
            for q in d.queries {
                guard q.panel != nil, let expr = q.expr else { continue }
                _ = PromQLWalker().walk(expr) { e, ancestors in
                    guard case .vectorSelector(let vs) = e.kind else { return .descend }
                    guard let name = vs.metricName, CounterWithoutRate.counterSuffixes.contains(where: { name.hasSuffix($0) }) else { return .skipChildren }
                    for a in ancestors {
                        switch a.kind {
                        case .call, .subquery, .matrixSelector: return .skipChildren
                        case .aggregate(let agg) where CounterWithoutRate.harmlessAggregations.contains(agg.op): return .skipChildren
                        case .binary(let b) where b.op.isComparison || b.op.isSetOperator: return .skipChildren
                        default: continue
                        }
                    }
                    report.add("counter \(name) is plotted as a raw value; it resets on every restart", query: q, range: e.range,
                               hint: "wrap it: rate(\(name)[$__rate_interval])")
                    return .skipChildren
                }
            }
        }
    }
}
