import VigilCore
import VigilPromQL

/// `rate`, `irate`, `increase` and `resets` read counters.
public struct RateOnNonCounter: RuleCheck {
    public static let rule = RuleDescription(
        id: "promql/rate-on-non-counter", severity: .warning,
        summary: "rate(), irate(), increase() or resets() over a metric that is not a counter.",
        rationale: "These functions treat every decrease as a counter reset, so over a gauge they return nonsense (a queue that shrinks by one looks like a reset and a jump). Without a metric catalogue Vigil goes by the naming convention: counters end in _total, and histograms and summaries expose _count, _sum and _bucket counters. For a gauge use deriv() or delta(); to count how often it changed use changes().",
        triggering: [Example.alert("rate(queue_size[5m]) > 10"), Example.alert("increase(ceph_osd_up[1h]) > 1")],
        nonTriggering: [Example.alert("rate(http_requests_total[5m]) > 10"), Example.alert("deriv(queue_size[10m]) > 1"),
                        Example.alert("sum by (le) (rate(http_request_duration_seconds_bucket[5m])) > 1")])

    public init() {}

    public func run(_ rules: ArraySlice<RuleInContext>, _ context: LintContext, _ report: inout CheckReport) {
        let metrics = context.metrics
        for r in rules {
            guard r.rule.parsed != nil else { continue }
            for use in r.rule.selectors {
                guard let fn = use.enclosingFunction, ExprFacts.counterFunctions.contains(fn), use.range != nil,
                      let name = use.metricName, ExprFacts.isCounter(name, metrics: metrics) == false else { continue }
                report.add("\(fn)() over \(name), which is not a counter (counters end in _total; histograms and summaries expose _count, _sum and _bucket)",
                           rule: r.rule, exprRange: use.position,
                           hint: "for a gauge use deriv(\(name)[…]) or delta(…), to count changes use changes(\(name)[…]); if it is a counter, rename it with a _total suffix")
            }
        }
    }
}
