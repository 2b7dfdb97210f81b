import VigilCore

/// Builds one panel: the common options (unit, min, max, decimals, thresholds, legend,
/// stacking…) as methods, sizes with per-type defaults, no `gridPos` (the dashboard's
/// auto-layout computes it) and no `id` (numbered in order).
///
/// ```swift
/// PanelBuilder.timeseries("Request rate")
///     .query("sum by (status) (rate(http_requests_total[$__rate_interval]))", legend: "{{status}}")
///     .unit("reqps").stacking(.normal)
/// ```
public struct PanelBuilder: Sendable {
    /// The panel types the builder knows; any other type can be set with `configure`.
    public enum Kind: String, Sendable, CaseIterable {
        case timeseries, stat, gauge, bargauge, table, text

        /// Default width and height in grid units.
        public var defaultSize: (w: Int, h: Int) {
            switch self {
            case .timeseries: return (12, 8)
            case .stat: return (6, 4)
            case .gauge: return (6, 6)
            case .bargauge: return (12, 8)
            case .table: return (24, 8)
            case .text: return (24, 3)
            }
        }

        /// Whether the panel shows query results (and so gets a data source and thresholds).
        public var showsData: Bool { self != .text }
    }

    /// Series stacking of `timeseries` (and `bargauge` orientation-free stacking).
    public enum StackingMode: String, Sendable {
        case none, normal, percent
    }

    public let kind: Kind
    /// The panel as built so far (no `id`, no `gridPos`).
    public private(set) var panel: Panel
    /// Width and height in grid units; nil takes the kind's default.
    public private(set) var width: Int?
    public private(set) var height: Int?

    init(_ kind: Kind, title: String) {
        self.kind = kind
        var p = Panel(type: kind.rawValue, title: title)
        switch kind {
        case .timeseries:
            var o = PanelOptions()
            o.legend = LegendOptions(displayMode: "list", placement: "bottom", calcs: nil)
            o.tooltip = TooltipOptions(mode: "multi", sort: "desc")
            p.options = o
        case .stat:
            var o = PanelOptions()
            o.reduceOptions = ReduceOptions()
            o.colorMode = "value"
            o.graphMode = "area"
            p.options = o
        case .gauge:
            var o = PanelOptions()
            o.reduceOptions = ReduceOptions()
            p.options = o
        case .bargauge:
            var o = PanelOptions()
            o.reduceOptions = ReduceOptions()
            o.orientation = "horizontal"
            o.displayMode = "gradient"
            p.options = o
        case .table:
            var o = PanelOptions()
            o.showHeader = true
            p.options = o
        case .text:
            var o = PanelOptions()
            o.mode = "markdown"
            o.content = ""
            p.options = o
        }
        self.panel = p
    }

    /// A time series graph.
    public static func timeseries(_ title: String) -> PanelBuilder { PanelBuilder(.timeseries, title: title) }
    /// One big number (last value by default).
    public static func stat(_ title: String) -> PanelBuilder { PanelBuilder(.stat, title: title) }
    /// A radial gauge.
    public static func gauge(_ title: String) -> PanelBuilder { PanelBuilder(.gauge, title: title) }
    /// Horizontal bars, one per series.
    public static func barGauge(_ title: String) -> PanelBuilder { PanelBuilder(.bargauge, title: title) }
    /// A table of query results.
    public static func table(_ title: String) -> PanelBuilder { PanelBuilder(.table, title: title) }
    /// A Markdown text panel.
    public static func text(_ title: String, markdown: String) -> PanelBuilder {
        var b = PanelBuilder(.text, title: title)
        b.panel.options?.content = markdown
        return b
    }

    private func with(_ change: (inout PanelBuilder) -> Void) -> PanelBuilder {
        var copy = self
        change(&copy)
        return copy
    }

    private func defaults(_ change: @escaping (inout FieldDefaults) -> Void) -> PanelBuilder {
        with { b in
            var fc = b.panel.fieldConfig ?? FieldConfig()
            var d = fc.defaults ?? FieldDefaults()
            change(&d)
            fc.defaults = d
            b.panel.fieldConfig = fc
        }
    }

    /// The (i) tooltip text.
    public func description(_ text: String?) -> PanelBuilder { with { $0.panel.description = text } }

    /// Adds a Prometheus query; refIds are A, B, C… in order. `legend` defaults to Grafana's
    /// automatic legend.
    public func query(_ expr: String, legend: String = "__auto", instant: Bool = false) -> PanelBuilder {
        with { b in
            var targets = b.panel.targets ?? []
            let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
            let refId = targets.count < letters.count ? String(letters[targets.count]) : "Q\(targets.count)"
            var t = Target(expr: expr, legendFormat: legend, refId: refId)
            if instant {
                t.instant = true
                t.range = false
            } else {
                t.range = true
            }
            targets.append(t)
            b.panel.targets = targets
        }
    }

    /// The unit id (`s`, `bytes`, `percentunit`, `reqps`…) or a custom unit (`suffix:req`).
    public func unit(_ unit: String) -> PanelBuilder { defaults { $0.unit = unit } }
    public func min(_ value: Double) -> PanelBuilder { defaults { $0.min = .number(value) } }
    public func max(_ value: Double) -> PanelBuilder { defaults { $0.max = .number(value) } }
    public func decimals(_ value: Int) -> PanelBuilder { defaults { $0.decimals = .number(Double(value)) } }
    /// What to show when the query returns nothing.
    public func noValue(_ text: String) -> PanelBuilder { defaults { $0.noValue = .string(text) } }

    /// Thresholds: the base colour (from minus infinity) and ascending (value, colour) steps.
    public func thresholds(base: String, _ steps: [(Double, String)]) -> PanelBuilder {
        thresholds(Thresholds.steps(base: base, steps.sorted { $0.0 < $1.0 }))
    }

    /// Thresholds as a model value (for steps computed elsewhere).
    public func thresholds(_ thresholds: Thresholds) -> PanelBuilder { defaults { $0.thresholds = thresholds } }

    /// Draws the thresholds in a time series: `line`, `area`, `line+area`, `dashed`.
    public func thresholdsStyle(_ mode: String) -> PanelBuilder {
        defaults { d in
            var c = d.custom ?? FieldCustom()
            c.thresholdsStyle = RawNode(.mapping([("mode", .string(mode))]))
            d.custom = c
        }
    }

    /// Maps exact values to texts (and colours): `[("1", "UP", "green"), ("0", "DOWN", "red")]`.
    public func valueMappings(_ pairs: [(String, String, String?)]) -> PanelBuilder {
        defaults { $0.mappings = ($0.mappings ?? []) + [ValueMapping.values(pairs)] }
    }

    /// The legend of `timeseries` (and `bargauge`): hidden, or a list or table at the bottom or right with reducers.
    public func legend(show: Bool = true, displayMode: String = "list", placement: String = "bottom", calcs: [String]? = nil) -> PanelBuilder {
        with { b in
            var o = b.panel.options ?? PanelOptions()
            o.legend = LegendOptions(showLegend: show, displayMode: show ? displayMode : "hidden", placement: placement, calcs: calcs)
            b.panel.options = o
        }
    }

    /// Stacks the series (`timeseries`).
    public func stacking(_ mode: StackingMode) -> PanelBuilder {
        defaults { d in
            var c = d.custom ?? FieldCustom()
            c.stacking = Stacking(mode: mode.rawValue)
            d.custom = c
        }
    }

    /// Reducer of `stat`, `gauge`, `bargauge` (`lastNotNull`, `mean`, `max`…).
    public func reduce(_ calcs: [String]) -> PanelBuilder {
        with { b in
            var o = b.panel.options ?? PanelOptions()
            o.reduceOptions = ReduceOptions(calcs: calcs)
            b.panel.options = o
        }
    }

    /// Width in grid columns (1–24).
    public func width(_ w: Int) -> PanelBuilder { with { $0.width = Swift.max(1, Swift.min(GridPos.columns, w)) } }
    /// Height in grid rows (30 px each).
    public func height(_ h: Int) -> PanelBuilder { with { $0.height = Swift.max(1, h) } }

    /// A data source other than the dashboard's (for this panel and its queries).
    public func datasource(_ ref: DatasourceRef) -> PanelBuilder { with { $0.panel.datasource = ref } }

    /// Anything else: change the panel model directly.
    public func configure(_ change: (inout Panel) -> Void) -> PanelBuilder {
        var copy = self
        change(&copy.panel)
        return copy
    }

    /// The panel with its data source and default thresholds filled in, at `gridPos`.
    func build(id: Int, at gridPos: GridPos, datasource: DatasourceRef?) -> Panel {
        var p = panel
        p.id = id
        p.gridPos = gridPos
        guard kind.showsData else { return p }
        let ds = p.datasource ?? datasource
        p.datasource = ds
        p.targets = p.targets?.map { t in
            var t = t
            if t.datasource == nil { t.datasource = ds }
            return t
        }
        var fc = p.fieldConfig ?? FieldConfig()
        var d = fc.defaults ?? FieldDefaults()
        if d.thresholds == nil { d.thresholds = Thresholds(steps: [ThresholdStep(color: "green", value: nil)]) }
        fc.defaults = d
        p.fieldConfig = fc
        return p
    }
}
