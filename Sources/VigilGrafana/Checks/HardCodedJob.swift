import VigilCore
import VigilPromQL

/// Queries filtering by a literal `job`/`instance` in a dashboard without such a variable
/// (dashboard-linter's `template-job-rule` / `template-instance-rule`, without asking every
/// dashboard for the variables).
public struct HardCodedJob: Check {
    public static let rule = RuleDescription(
        id: "grafana/hard-coded-job", severity: .info,
        summary: "Queries filter by a literal `job=\"…\"` and the dashboard has no `job` variable.",
        rationale: "A job name written into each query ties the dashboard to one deployment; the same dashboard cannot show staging, and renaming the job breaks every panel. Add a `job` query variable (`label_values(up, job)`) and use `job=~\"$job\"`.",
        triggering: [Example.dashboard(Example.panel("sum(rate(http_requests_total{job=\"api\"}[$__rate_interval]))"))],
        nonTriggering: [Example.dashboard(Example.panel("sum(rate(http_requests_total{job=~\"$job\"}[$__rate_interval]))"),
                                          variables: Example.datasource + #", {"name": "job", "type": "query", "query": "label_values(up, job)", "refresh": 2}"#)])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for d in context.dashboards {
            let names = Set(d.dashboard.variables.compactMap(\.name))
            guard !names.contains("job") else { continue }
            for q in d.queries {
                guard q.panel != nil, let expr = q.expr else { continue }
                let literal = expr.selectors().flatMap(\.matchers).first { m in
                    m.name == "job" && (m.op == .equal || m.op == .regexMatch) && q.variables(in: m.range).isEmpty
                }
                guard let m = literal else { continue }
                report.add("query is tied to job \"\(m.value)\"; the dashboard has no job variable", query: q, range: m.range,
                           hint: "add a job variable (label_values(up, job)) and write job=~\"$job\"")
                break
            }
        }
    }
}
