import VigilCore

/// A unit id Grafana does not know (dashboard-linter's `panel-units-rule`, invalid part).
public struct UnknownUnit: Check {
    public static let rule = RuleDescription(
        id: "grafana/unknown-unit", severity: .warning,
        summary: "A panel's unit (field default, override, or legacy axis `format`) is not a Grafana unit id.",
        rationale: "Grafana shows an unknown unit id as a literal suffix and does no scaling: `seconds` prints `0.25 seconds` where `s` prints `250 ms`. Use an id of the unit picker (`s`, `ms`, `bytes`, `percentunit`, `reqps`…) or a custom unit (`suffix:req`, `prefix:$`, `si:B`, `count:`, `currency:€`, `time:HH:mm`, `bool:yes/no`), which dashboard-linter wrongly rejects.",
        triggering: [Example.dashboard(Example.panel("sum(rate(http_requests_total[$__rate_interval]))", unit: "seconds")),
                     Example.dashboard(Example.panel("up", more: #", "yaxes": [{"format": "megabytes"}, {"format": "short"}]"#))],
        nonTriggering: [Example.dashboard(Example.panel("sum(rate(http_requests_total[$__rate_interval]))", unit: "reqps")),
                        Example.dashboard(Example.panel("sum(rate(http_requests_total[$__rate_interval]))", unit: "suffix: req/s"))])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for d in context.dashboards {
            for p in d.allPanels where !p.isRow {
                func check(_ unit: String?, _ where_: String, at origin: Provenance?, key: String) {
                    guard let unit, !GrafanaUnits.isKnown(unit) else { return }
                    let suggestion = GrafanaUnits.suggestion(for: unit)
                    report.add("panel \"\(p.title ?? "")\": unknown unit \"\(unit)\" in \(where_)", at: origin, key: key,
                               hint: suggestion.map { "did you mean \"\($0)\"?" } ?? "use a Grafana unit id or a custom unit such as \"suffix:\(unit)\"")
                }
                check(p.fieldConfig?.defaults?.unit, "fieldConfig.defaults", at: p.fieldConfig?.defaults?.origin, key: "unit")
                for o in p.fieldConfig?.overrides ?? [] {
                    for prop in o.properties ?? [] where prop.id == "unit" {
                        check(prop.value?.node.scalarText, "an override", at: prop.origin, key: "value")
                    }
                }
                // Legacy panels: graph axes and singlestat's format.
                for axis in p.yaxes ?? [] {
                    guard let node = axis.node["format"], let unit = node.scalarText, !GrafanaUnits.isKnown(unit) else { continue }
                    report.add("panel \"\(p.title ?? "")\": unknown unit \"\(unit)\" in yaxes", in: d.file, at: node.range,
                               hint: GrafanaUnits.suggestion(for: unit).map { "did you mean \"\($0)\"?" } ?? "use a Grafana unit id")
                }
                if p.type == "singlestat", let node = p.extraValue("format"), let unit = node.scalarText {
                    check(unit, "format", at: p.origin, key: "format")
                }
            }
        }
    }
}
