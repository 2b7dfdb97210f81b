import VigilCore
import VigilPromQL

/// A dashboard with `job`/`instance` variables whose query does not filter by them
/// (dashboard-linter's `target-job-rule` and `target-instance-rule`).
public struct QueryIgnoresVariable: Check {
    public static let rule = RuleDescription(
        id: "grafana/query-ignores-variable", severity: .warning,
        summary: "The dashboard has a `job` or `instance` variable but a panel query does not filter by it.",
        rationale: "Viewers pick a job or instance at the top and expect every panel to follow; a query without `job=~\"$job\"` keeps showing all of them. Unlike dashboard-linter, one selector using the variable is enough (joins with `_info` metrics need not repeat it), and dashboards without the variable are not asked to have it (see `grafana/hard-coded-job`).",
        triggering: [Example.dashboard(Example.panel("sum(rate(http_requests_total[$__rate_interval]))"),
                                       variables: Example.datasource + #", {"name": "job", "type": "query", "query": "label_values(up, job)", "refresh": 2}"#)],
        nonTriggering: [Example.dashboard(Example.panel("sum(rate(http_requests_total{job=~\"$job\"}[$__rate_interval]))"),
                                          variables: Example.datasource + #", {"name": "job", "type": "query", "query": "label_values(up, job)", "refresh": 2}"#)])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for d in context.dashboards {
            let names = Set(d.dashboard.variables.filter { $0.type == "query" || $0.type == "custom" }.compactMap(\.name))
            let watched = ["job", "instance"].filter { names.contains($0) }
            guard !watched.isEmpty else { continue }
            for q in d.queries {
                guard q.panel != nil, let expr = q.expr else { continue }
                let selectors = expr.selectors()
                guard !selectors.isEmpty else { continue }
                let used = Set(q.substitution.references.map(\.name))
                for v in watched where !used.contains(v) {
                    let filtersLiterally = selectors.contains { $0.matchers.contains { $0.name == v } }
                    guard !filtersLiterally else { continue }
                    report.add("query ignores the $\(v) variable: it shows every \(v) whatever is selected", query: q, range: selectors.first?.position,
                               hint: "add \(v)=~\"$\(v)\" to the selector")
                }
            }
        }
    }
}
