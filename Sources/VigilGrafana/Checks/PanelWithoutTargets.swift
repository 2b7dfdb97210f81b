import VigilCore

/// A data panel with no queries (dashboard-linter's `panel-no-targets-rule`).
public struct PanelWithoutTargets: Check {
    public static let rule = RuleDescription(
        id: "grafana/panel-no-targets", severity: .warning,
        summary: "A panel that shows query results has no queries (`targets`).",
        rationale: "The panel renders \"No data\" forever: usually a query deleted by mistake or a panel left half-built. Add a target or remove the panel. Text panels, rows and library panels (whose queries live in the library) are not reported.",
        triggering: [Example.dashboard(#"{"id": 1, "type": "timeseries", "title": "Requests", "description": "d", "datasource": "$datasource", "gridPos": {"x": 0, "y": 0, "w": 12, "h": 8}, "fieldConfig": {"defaults": {"unit": "reqps"}}, "targets": []}"#)],
        nonTriggering: [Example.dashboard(Example.panel("up")),
                        Example.dashboard(#"{"id": 1, "type": "timeseries", "title": "Shared", "gridPos": {"x": 0, "y": 0, "w": 12, "h": 8}, "libraryPanel": {"uid": "abc", "name": "Shared"}}"#)])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for d in context.dashboards {
            for p in d.allPanels where PanelTypes.showsData(p) && (p.targets ?? []).isEmpty {
                report.add("panel \"\(p.title ?? "")\" has no queries and shows no data", panel: p, key: p.targets == nil ? "title" : "targets",
                           hint: "add a target with an expr, or remove the panel")
            }
        }
    }
}
