import VigilCore

/// A Prometheus panel whose data source is hard-coded or left to the default instead of the
/// dashboard's data source variable (dashboard-linter's `panel-datasource-rule`).
public struct PanelDatasourceNotVariable: Check {
    public static let rule = RuleDescription(
        id: "grafana/panel-datasource", severity: .warning,
        summary: "A panel does not use the dashboard's data source variable.",
        rationale: "A panel bound to a fixed data source uid (or to the default data source) ignores the data source the viewer picked, so one panel silently shows another environment. Set the panel's and the targets' `datasource` to `{\"type\": \"prometheus\", \"uid\": \"${datasource}\"}`. Only reported when the dashboard has a data source variable.",
        triggering: [Example.dashboard(#"{"id": 1, "type": "timeseries", "title": "p", "datasource": {"type": "prometheus", "uid": "P1809F7CD0C75ACF3"}, "gridPos": {"x": 0, "y": 0, "w": 12, "h": 8}, "targets": [{"expr": "up", "refId": "A"}]}"#)],
        nonTriggering: [Example.dashboard(Example.panel("up")),
                        Example.dashboard(#"{"id": 1, "type": "timeseries", "title": "p", "datasource": "$datasource", "gridPos": {"x": 0, "y": 0, "w": 12, "h": 8}, "targets": [{"expr": "up", "refId": "A"}]}"#)])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for d in context.dashboards {
            let dsVariables = Set(d.dashboard.variables.filter { $0.type == "datasource" }.compactMap(\.name))
            guard !dsVariables.isEmpty else { continue }
            var seen = Set<Int>()
            for q in d.queries {
                guard let panel = q.panel, let target = q.target else { continue }
                let ref = target.datasource?.reference == nil ? panel.datasource : target.datasource
                if let name = ref?.variableName, dsVariables.contains(name) { continue }
                if ref?.legacyName == "-- Mixed --" || ref?.uid == "-- Mixed --" { continue }
                let key = panel.origin?.node?.range.start.offset ?? 0
                guard seen.insert(key).inserted else { continue }
                let shown = ref?.reference.map { "data source \"\($0)\"" } ?? "the default data source"
                let where_ = panel.datasource != nil ? "datasource" : "title"
                report.add("panel \"\(panel.title ?? "")\" uses \(shown) instead of the $\(dsVariables.sorted()[0]) variable", panel: panel, key: where_,
                           hint: "set \"datasource\": {\"type\": \"prometheus\", \"uid\": \"${\(dsVariables.sorted()[0])}\"}")
            }
        }
    }
}
