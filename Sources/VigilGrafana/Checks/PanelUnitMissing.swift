import VigilCore

/// A numeric panel without a unit (dashboard-linter's `panel-units-rule`, missing part).
public struct PanelUnitMissing: Check {
    public static let rule = RuleDescription(
        id: "grafana/panel-unit-missing", severity: .info,
        summary: "A numeric panel (`timeseries`, `stat`, `gauge`, `bargauge`…) has no unit.",
        rationale: "Without a unit Grafana shows bare numbers (\"short\"): 0.25 could be seconds, a ratio or requests per second, and bytes are not scaled to KiB/MiB. Set `fieldConfig.defaults.unit` (`s`, `bytes`, `percentunit`, `reqps`…). Unlike dashboard-linter, a unit set by an override counts, and panels that map values to text are not asked for one.",
        triggering: [Example.dashboard(Example.panel("sum(rate(http_requests_total[$__rate_interval]))", unit: ""))],
        nonTriggering: [Example.dashboard(Example.panel("sum(rate(http_requests_total[$__rate_interval]))")),
                        Example.dashboard(#"{"id": 1, "type": "stat", "title": "Up", "description": "d", "datasource": "$datasource", "gridPos": {"x": 0, "y": 0, "w": 6, "h": 4}, "fieldConfig": {"defaults": {"mappings": [{"type": "value", "options": {"1": {"text": "UP"}}}]}}, "targets": [{"expr": "up", "refId": "A"}]}"#)])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for d in context.dashboards {
            for p in d.allPanels where PanelTypes.showsData(p) {
                guard let t = p.type, PanelTypes.numeric.contains(t), !(p.targets ?? []).isEmpty else { continue }
                let defaults = p.fieldConfig?.defaults
                if let u = defaults?.unit, !u.isEmpty { continue }
                if !(defaults?.mappings ?? []).isEmpty { continue }
                let overridden = (p.fieldConfig?.overrides ?? []).contains { o in (o.properties ?? []).contains { $0.id == "unit" } }
                if overridden { continue }
                report.add("panel \"\(p.title ?? "")\" has no unit; values are shown as bare numbers", panel: p, key: p.fieldConfig == nil ? "title" : "fieldConfig",
                           hint: "set fieldConfig.defaults.unit (s, bytes, percentunit, reqps…)")
            }
        }
    }
}
