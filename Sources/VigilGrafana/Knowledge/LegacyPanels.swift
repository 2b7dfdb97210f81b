/// Panel types Grafana deprecated (Angular plugins removed in Grafana 11/12) and the fields of
/// the old panel models that current panel types ignore.
public enum LegacyPanels {
    /// Deprecated panel type → the built-in panel that replaces it.
    public static let replacements: [String: String] = [
        "graph": "timeseries",
        "singlestat": "stat",
        "grafana-singlestat-panel": "stat",
        "table-old": "table",
        "grafana-piechart-panel": "piechart",
        "grafana-worldmap-panel": "geomap",
        "natel-discrete-panel": "state-timeline",
        "flant-statusmap-panel": "status-history",
        "digrich-bubblechart-panel": "barchart",
    ]

    /// Fields of the `graph` model (Grafana ≤ 7) that `timeseries` and the other current
    /// panels replaced by `fieldConfig` and `options`.
    static let graphFields: [String: String] = [
        "yaxes": "fieldConfig.defaults (unit, min, max) and custom.axis*",
        "yAxes": "fieldConfig.defaults (unit, min, max) and custom.axis*",
        "y_formats": "fieldConfig.defaults.unit",
        "xaxis": "the panel type (timeseries, barchart, histogram)",
        "seriesOverrides": "fieldConfig.overrides",
        "aliasColors": "fieldConfig.overrides with a color property",
        "nullPointMode": "fieldConfig.defaults.custom.spanNulls",
        "lines": "fieldConfig.defaults.custom.drawStyle",
        "bars": "fieldConfig.defaults.custom.drawStyle",
        "points": "fieldConfig.defaults.custom.showPoints",
        "linewidth": "fieldConfig.defaults.custom.lineWidth",
        "fill": "fieldConfig.defaults.custom.fillOpacity",
        "steppedLine": "fieldConfig.defaults.custom.lineInterpolation",
        "stack": "fieldConfig.defaults.custom.stacking",
    ]

    /// Fields of the `singlestat` model that `stat` and `gauge` replaced.
    static let singlestatFields: [String: String] = [
        "valueName": "options.reduceOptions.calcs",
        "format": "fieldConfig.defaults.unit",
        "colorBackground": "options.colorMode",
        "colorValue": "options.colorMode",
        "colors": "fieldConfig.defaults.thresholds",
        "sparkline": "options.graphMode",
        "gauge": "the gauge panel",
        "valueMaps": "fieldConfig.defaults.mappings",
        "rangeMaps": "fieldConfig.defaults.mappings",
        "nullText": "fieldConfig.defaults.noValue",
        "postfix": "fieldConfig.defaults.unit (suffix:…)",
        "prefix": "fieldConfig.defaults.unit (prefix:…)",
    ]

    /// Fields of the pre-7.0 `table` model (migrated to `table-old`, then to the new table).
    static let tableFields: [String: String] = [
        "styles": "fieldConfig.overrides",
        "columns": "transformations (organize)",
        "transform": "transformations",
    ]

    /// Fields of the pre-9.0 `heatmap` model.
    static let heatmapFields: [String: String] = [
        "cards": "options.cellGap and options.cellRadius",
        "dataFormat": "options.calculate",
        "xBucketSize": "options.calculation.xBuckets",
        "yBucketSize": "options.calculation.yBuckets",
        "xBucketNumber": "options.calculation.xBuckets",
        "yBucketNumber": "options.calculation.yBuckets",
        "highlightCards": "options.cellGap",
    ]

    /// Current panel types whose old incarnation had other fields.
    static let current: Set<String> = [
        "timeseries", "stat", "gauge", "bargauge", "table", "piechart", "heatmap", "barchart", "histogram", "state-timeline",
        "status-history", "xychart", "trend", "text", "logs", "geomap", "nodeGraph", "traces", "candlestick", "canvas", "news", "dashlist", "alertlist",
    ]

    /// The legacy fields a panel of type `type` carries, with what replaced each, in `keys` order.
    static func legacyFields(type: String, keys: [String]) -> [(String, String)] {
        var table: [String: String] = ["y_formats": graphFields["y_formats"] ?? ""]
        if current.contains(type) {
            table.merge(graphFields) { a, _ in a }
            if type == "stat" || type == "gauge" || type == "bargauge" { table.merge(singlestatFields) { a, _ in a } }
            if type == "table" { table.merge(tableFields) { a, _ in a } }
            if type == "heatmap" { table.merge(heatmapFields) { a, _ in a } }
        }
        var seen = Set<String>()
        return keys.compactMap { k in table[k].flatMap { seen.insert(k).inserted ? (k, $0) : nil } }
    }
}
