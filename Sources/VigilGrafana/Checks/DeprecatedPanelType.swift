import VigilCore

/// A panel of a deprecated type (the Angular `graph`, `singlestat`, `table-old` and plugin
/// panels), with the replacement named.
public struct DeprecatedPanelType: Check {
    public static let rule = RuleDescription(
        id: "grafana/deprecated-panel", severity: .warning,
        summary: "A panel uses a deprecated type (`graph`, `singlestat`, `table-old`, Angular plugins such as `grafana-piechart-panel`).",
        rationale: "Angular panels are deprecated since Grafana 9 and no longer load since Grafana 12 (11 with Angular support off): the panel shows an error, or an automatic migration rewrites it on load, so the dashboard in the file is not the one displayed. Convert them to the built-in replacement: `graph` → `timeseries`, `singlestat` → `stat`, `table-old` → `table`, `grafana-piechart-panel` → `piechart`, `grafana-worldmap-panel` → `geomap`.",
        triggering: [Example.dashboard(Example.panel("sum(rate(http_requests_total[$__rate_interval]))", type: "graph")),
                     Example.dashboard(Example.panel("sum(rate(http_requests_total[$__rate_interval]))", type: "grafana-piechart-panel", unit: "short"))],
        nonTriggering: [Example.dashboard(Example.panel("sum(rate(http_requests_total[$__rate_interval]))", type: "timeseries"))])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for d in context.dashboards {
            for p in d.allPanels {
                guard let t = p.type, let replacement = LegacyPanels.replacements[t] else { continue }
                report.add("panel \"\(p.title ?? "")\" is a deprecated \(t) panel; use \(replacement)", panel: p, key: "type",
                           hint: "set \"type\": \"\(replacement)\" and move its settings to fieldConfig/options (Grafana's panel editor converts it when you switch the type)")
            }
        }
    }
}
