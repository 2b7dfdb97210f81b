import VigilCore

/// A data panel without a title (dashboard-linter's `panel-title-description-rule`, title part).
public struct PanelTitleMissing: Check {
    public static let rule = RuleDescription(
        id: "grafana/panel-title", severity: .warning,
        summary: "A panel that shows query results has no title.",
        rationale: "The title is what a viewer reads first and what links, alerts and the panel search show; an untitled graph has to be decoded from its axes. Text panels and rows are not asked for one.",
        triggering: [Example.dashboard(#"{"id": 1, "type": "timeseries", "title": "", "description": "d", "datasource": "$datasource", "gridPos": {"x": 0, "y": 0, "w": 12, "h": 8}, "fieldConfig": {"defaults": {"unit": "reqps"}}, "targets": [{"expr": "up", "refId": "A"}]}"#)],
        nonTriggering: [Example.dashboard(Example.panel("up")),
                        Example.dashboard(#"{"id": 1, "type": "text", "gridPos": {"x": 0, "y": 0, "w": 12, "h": 3}, "options": {"mode": "markdown", "content": "Runbook: …"}}"#)])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for d in context.dashboards {
            for p in d.allPanels where PanelTypes.showsData(p) {
                guard (p.title ?? "").trimmingCharacters(in: .whitespaces).isEmpty else { continue }
                report.add("\(p.type ?? "panel") panel\(p.id.map { " \($0)" } ?? "") has no title", panel: p, key: p.title == nil ? "type" : "title",
                           hint: "say what the panel shows, e.g. \"Request rate\"")
            }
        }
    }
}

import Foundation
