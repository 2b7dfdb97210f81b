import VigilCore

/// A data panel without a description (dashboard-linter's `panel-title-description-rule`,
/// description part).
public struct PanelDescriptionMissing: Check {
    public static let rule = RuleDescription(
        id: "grafana/panel-description", severity: .info,
        summary: "A panel that shows query results has no description.",
        rationale: "The description is the (i) tooltip next to the title: what the query measures, what a normal value is, what to do when it is not. On-call engineers who did not build the dashboard rely on it.",
        triggering: [Example.dashboard(#"{"id": 1, "type": "timeseries", "title": "Requests", "datasource": "$datasource", "gridPos": {"x": 0, "y": 0, "w": 12, "h": 8}, "fieldConfig": {"defaults": {"unit": "reqps"}}, "targets": [{"expr": "up", "refId": "A"}]}"#)],
        nonTriggering: [Example.dashboard(Example.panel("up"))])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for d in context.dashboards {
            for p in d.allPanels where PanelTypes.showsData(p) {
                guard (p.description ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { continue }
                report.add("panel \"\(p.title ?? "")\" has no description", panel: p, key: p.description == nil ? "title" : "description",
                           hint: "add a \"description\": what the query measures and what a healthy value is")
            }
        }
    }
}

import Foundation
