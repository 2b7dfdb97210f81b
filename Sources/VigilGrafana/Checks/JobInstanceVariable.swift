import VigilCore
import VigilPromQL

/// A `job` or `instance` variable that panel queries filter by but that is not set up the way
/// a shared dashboard needs (dashboard-linter's `template-job-rule` / `template-instance-rule`,
/// asked only of dashboards whose queries use the variable).
public struct JobInstanceVariable: Check {
    public static let rule = RuleDescription(
        id: "grafana/job-instance-variable", severity: .warning,
        summary: "A `job`/`instance` variable used by the queries has an \"All\" without `allValue: \".+\"`, ignores the data source variable, or is multi-valued but matched with `=`.",
        rationale: "With `includeAll` and no `allValue`, \"All\" becomes a regex listing every value seen when the variable loaded: long queries, and a job that appears later is missing until reload; `.+` matches them all. A variable querying a fixed data source lists the jobs of another Prometheus than the panels show. A multi-value selection is sent as `(a|b)`, which only `=~` matches. Unlike dashboard-linter, dashboards whose queries do not filter by `job` or `instance` are not asked to have the variables, and the label text is not checked.",
        triggering: [Example.dashboard(Example.panel("sum(rate(http_requests_total{job=~\"$job\"}[$__rate_interval]))"),
                                       variables: Example.datasource + #", {"name": "job", "type": "query", "datasource": "$datasource", "query": "label_values(up, job)", "refresh": 2, "multi": true, "includeAll": true}"#),
                     Example.dashboard(Example.panel("sum(rate(http_requests_total{instance=\"$instance\"}[$__rate_interval]))"),
                                       variables: Example.datasource + #", {"name": "instance", "type": "query", "datasource": "$datasource", "query": "label_values(up, instance)", "refresh": 2, "multi": true}"#)],
        nonTriggering: [Example.dashboard(Example.panel("sum(rate(http_requests_total{job=~\"$job\"}[$__rate_interval]))"),
                                          variables: Example.datasource + #", {"name": "job", "type": "query", "datasource": "$datasource", "query": "label_values(up, job)", "refresh": 2, "multi": true, "includeAll": true, "allValue": ".+"}"#),
                        Example.dashboard(Example.panel("sum(rate(http_requests_total[$__rate_interval]))"),
                                          variables: Example.datasource + #", {"name": "job", "type": "query", "query": "label_values(up, job)", "refresh": 2, "includeAll": true}"#)])

    public init() {}

    static let names = ["job", "instance"]

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for d in context.dashboards {
            let dsVariables = Set(d.dashboard.variables.filter { $0.type == "datasource" }.compactMap(\.name))
            for name in JobInstanceVariable.names {
                guard let v = d.dashboard.variables.first(where: { $0.name == name }) else { continue }
                let users = d.queries.filter { q in q.panel != nil && q.substitution.references.contains { $0.name == name } }
                guard !users.isEmpty else { continue }
                if v.includeAll == true, (v.allValue ?? "").isEmpty {
                    report.add("variable $\(name) offers \"All\" without an allValue: All becomes a regex of every value seen at load time",
                               at: v.origin, key: "includeAll", hint: #"set "allValue": ".+""#)
                }
                if v.type == "query", !dsVariables.isEmpty, !(v.datasource?.variableName.map(dsVariables.contains) ?? false) {
                    let shown = v.datasource?.reference.map { "data source \"\($0)\"" } ?? "the default data source"
                    report.add("variable $\(name) lists values from \(shown), not from the $\(dsVariables.sorted()[0]) the panels use",
                               at: v.origin, key: v.datasource == nil ? "name" : "datasource",
                               hint: "set \"datasource\": {\"type\": \"prometheus\", \"uid\": \"${\(dsVariables.sorted()[0])}\"}")
                }
                guard v.multi == true || v.includeAll == true else { continue }
                for q in users {
                    guard let expr = q.expr else { continue }
                    let equal = expr.selectors().flatMap(\.matchers).first { m in
                        (m.op == .equal || m.op == .notEqual) && q.variables(in: m.range).contains { $0.name == name }
                    }
                    guard let m = equal else { continue }
                    let op = m.op == .equal ? "=~" : "!~"
                    report.add("$\(name) can hold several values (sent as a regex) but is matched with \(m.op == .equal ? "=" : "!=")", query: q, range: m.range,
                               hint: "write \(m.name)\(op)\"$\(name)\"")
                }
            }
        }
    }
}
