import VigilCore
import VigilPromQL

/// A counter compared with a threshold as it is, without rate() or increase().
public struct RawCounterComparison: RuleCheck {
    public static let rule = RuleDescription(
        id: "promql/raw-counter-comparison", severity: .warning,
        summary: "A counter is compared with a threshold directly, without rate() or increase().",
        rationale: "A counter only grows (until the process restarts), so `errors_total > 100` becomes true once and stays true: the alert fires forever, or resolves at every restart. Compare how fast it grows instead.",
        triggering: [Example.alert("http_requests_errors_total > 100")],
        nonTriggering: [Example.alert("increase(http_requests_errors_total[1h]) > 100"), Example.alert("queue_size > 100")])

    public init() {}

    public func run(_ rules: ArraySlice<RuleInContext>, _ context: LintContext, _ report: inout CheckReport) {
        let metrics = context.metrics
        for r in rules {
            guard r.rule.parsed != nil else { continue }
            for t in r.rule.thresholds {
                guard case .vectorSelector(let vs) = t.subject.unparenthesized.kind, let name = vs.metricName,
                      ExprFacts.isCounter(name, metrics: metrics) == true, !name.hasSuffix("_bucket") else { continue }
                report.add("compares the counter \(name) with \(PromQLPrinter.formatNumber(NumberLiteral(t.value))) directly: a counter only grows, so this stays true until the process restarts",
                           rule: r.rule, exprRange: t.subject.range,
                           hint: "compare rate(\(name)[5m]) or increase(\(name)[1h]) instead")
            }
        }
    }
}
