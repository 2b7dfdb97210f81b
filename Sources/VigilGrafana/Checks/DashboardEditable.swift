import VigilCore

/// A dashboard that can be edited in the UI (dashboard-linter's `uneditable-dashboard-rule`,
/// which asks for `editable: false`).
public struct DashboardEditable: Check {
    public static let rule = RuleDescription(
        id: "grafana/dashboard-editable", severity: .info,
        summary: "A dashboard kept as code is editable in the Grafana UI (`editable` is `true` or missing).",
        rationale: "When the file is the source of truth, edits made in the UI are lost on the next provisioning or import, or silently drift from the repository. Set `\"editable\": false` (Grafana's default is `true`) and change the file instead.",
        triggering: [RuleExample(#"{"title": "A", "editable": true, "panels": [{"type": "text", "title": "About", "gridPos": {"x": 0, "y": 0, "w": 12, "h": 3}}]}"# + "\n", path: "dashboard.json"),
                     RuleExample(#"{"title": "A", "panels": [{"type": "text", "title": "About", "gridPos": {"x": 0, "y": 0, "w": 12, "h": 3}}]}"# + "\n", path: "dashboard.json")],
        nonTriggering: [Example.dashboard(Example.panel("up"))])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for d in context.dashboards where d.dashboard.editable != false {
            let written = d.dashboard.editable != nil
            report.add("dashboard \"\(d.dashboard.title ?? "")\" is editable in the UI\(written ? "" : " (no \"editable\", Grafana's default is true)")",
                       at: d.dashboard.origin, key: written ? "editable" : "title",
                       hint: #"set "editable": false and change the dashboard in its file"#)
        }
    }
}
