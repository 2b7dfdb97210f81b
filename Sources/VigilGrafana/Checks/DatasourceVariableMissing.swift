import VigilCore

/// A dashboard with Prometheus queries but no data source variable (dashboard-linter's
/// `template-datasource-rule`).
public struct DatasourceVariableMissing: Check {
    public static let rule = RuleDescription(
        id: "grafana/datasource-variable", severity: .warning,
        summary: "A dashboard queries Prometheus but has no data source template variable.",
        rationale: "Without a `datasource` variable the dashboard is bound to one data source (or the default one): it cannot be switched between environments or clusters and breaks when imported into a Grafana whose data source has another uid. Add a variable of type `datasource` with query `prometheus` and point panels at `${datasource}`.",
        triggering: [RuleExample(#"{"title": "A", "panels": [{"type": "timeseries", "title": "p", "targets": [{"expr": "up"}]}]}"# + "\n", path: "dashboard.json")],
        nonTriggering: [Example.dashboard(Example.panel("up")),
                        RuleExample(#"{"title": "Notes", "panels": [{"type": "text", "title": "About", "options": {"content": "hi"}}]}"# + "\n", path: "dashboard.json")])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for d in context.dashboards where d.queries.contains(where: { $0.panel != nil }) {
            let hasVariable = d.dashboard.variables.contains { v in
                v.type == "datasource" && (v.queryText == nil || v.queryText == "prometheus" || v.queryText?.isEmpty == true)
            }
            guard !hasVariable else { continue }
            let key = d.dashboard.templating == nil ? "title" : "templating"
            report.add("dashboard \"\(d.dashboard.title ?? "")\" has no Prometheus data source variable",
                       at: d.dashboard.origin, key: key,
                       hint: #"add {"name": "datasource", "type": "datasource", "query": "prometheus"} to templating.list and use ${datasource} in panels"#)
        }
    }
}
