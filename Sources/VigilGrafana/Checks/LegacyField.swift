import VigilCore

/// Fields of old panel models (`yaxes`, `y_formats`, `xaxis`, singlestat's `valueName`…) left
/// on current panel types, and the pre-5.0 `rows` layout.
public struct LegacyField: Check {
    public static let rule = RuleDescription(
        id: "grafana/legacy-field", severity: .info,
        summary: "A panel carries fields of an old panel model (`yAxes`/`yaxes`, `y_formats`, `xaxis`, `seriesOverrides`, a table's `styles`…) that its type ignores or migrates, or the dashboard uses the pre-5.0 `rows` layout.",
        rationale: "A `timeseries` panel ignores `yaxes` and `seriesOverrides`; a `stat` panel ignores singlestat's `valueName` and `colors`. A `table` with `styles` or a `heatmap` with `cards` is rewritten by a migration on every load. Either way whoever edits these fields in the file changes nothing, or something else than the file says. Remove them and set the replacement (`fieldConfig.defaults.unit`, `fieldConfig.overrides`…). The `rows` layout (schemaVersion < 16) is converted to `panels` with `gridPos` on every load. Fields of a deprecated panel type itself are left to `grafana/deprecated-panel`.",
        triggering: [Example.dashboard(Example.panel("sum(rate(http_requests_total[$__rate_interval]))", more: #", "yaxes": [{"format": "reqps"}, {"format": "short"}], "seriesOverrides": []"#)),
                     RuleExample(#"{"title": "Old", "editable": false, "rows": [{"title": "r", "panels": [{"type": "text", "title": "t", "span": 12}]}]}"# + "\n", path: "dashboard.json")],
        nonTriggering: [Example.dashboard(Example.panel("sum(rate(http_requests_total[$__rate_interval]))")),
                        Example.dashboard(Example.panel("sum(rate(http_requests_total[$__rate_interval]))", type: "graph", more: #", "yaxes": [{"format": "reqps"}, {"format": "short"}]"#))])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for d in context.dashboards {
            if let rows = d.dashboard.rows, !rows.isEmpty {
                report.add("dashboard uses the pre-5.0 \"rows\" layout; Grafana converts it to \"panels\" with gridPos on every load", at: d.dashboard.origin, key: "rows",
                           hint: "save it from a current Grafana (or rebuild it) so panels carry gridPos")
            }
            for p in d.allPanels {
                guard let t = p.type else { continue }
                var keys = (p.extra?.pairs ?? []).compactMap { $0.key.scalarText }
                if p.yaxes != nil { keys.insert("yaxes", at: 0) }
                var found = LegacyPanels.legacyFields(type: t, keys: keys)
                if d.dashboard.panels != nil, d.dashboard.rows == nil, p.extraValue("span") != nil {
                    found.append(("span", "gridPos.w"))
                }
                guard let first = found.first else { continue }
                let list = found.map { "\($0.0) (→ \($0.1))" }.joined(separator: ", ")
                report.add("\(t) panel \"\(p.title ?? "")\" carries field\(found.count == 1 ? "" : "s") of an old panel model, ignored or migrated on load: \(list)", panel: p, key: first.0,
                           hint: "remove \(found.count == 1 ? "it" : "them") and set the replacement")
            }
        }
    }
}
