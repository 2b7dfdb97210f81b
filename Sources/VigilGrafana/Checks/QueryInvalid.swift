import VigilCore
import VigilPromQL

/// A panel, variable or annotation query that is not valid PromQL once Grafana's variables
/// are replaced (dashboard-linter's `target-promql-rule`).
public struct QueryInvalid: Check {
    public static let rule = RuleDescription(
        id: "grafana/query-invalid", severity: .error,
        summary: "A Prometheus query of a panel, variable or annotation is not valid PromQL.",
        rationale: "Prometheus rejects the query and the panel shows an error instead of data. Vigil checks the query after replacing Grafana variables by values of the right type (a duration inside `[…]`, a word inside quotes), so `rate(x[$__rate_interval])` and `{job=~\"$job\"}` are fine; the position points at the offending character of `expr`.",
        triggering: [Example.dashboard(Example.panel("sum(rate(http_requests_total[$__rate_interval])) by (")),
                     Example.dashboard(Example.panel("rate(http_requests_total{job=~\"$job\"})"), variables: Example.datasource + #", {"name": "job", "type": "query", "query": "label_values(up, job)", "refresh": 2}"#)],
        nonTriggering: [Example.dashboard(Example.panel("sum by (job) (rate(http_requests_total{job=~\"$job\"}[$__rate_interval]))"), variables: Example.datasource + #", {"name": "job", "type": "query", "query": "label_values(up, job)", "refresh": 2}"#),
                        Example.dashboard(Example.panel("topk($n, up)"), variables: Example.datasource + #", {"name": "n", "type": "custom", "query": "5,10"}"#)])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for d in context.dashboards {
            for q in d.queries where !q.result.isValid {
                for e in q.result.errors.prefix(3) {
                    let what: String
                    switch q.owner {
                    case .panel: what = "query"
                    case .variable(let v): what = "query of variable \"\(v.name ?? "")\""
                    case .annotation(let a): what = "query of annotation \"\(a.name ?? "")\""
                    }
                    report.add("invalid PromQL \(what): \(e.message)", query: q, range: e.range)
                }
            }
        }
    }
}
