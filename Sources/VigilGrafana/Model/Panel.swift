import VigilCore

/// Where a panel sits in the dashboard's 24-column grid (`h` in grid rows of 30 px).
public struct GridPos: Sendable, Codable, Hashable {
    public var h: Int?
    public var w: Int?
    public var x: Int?
    public var y: Int?
    public var origin: Provenance?
    public var extra: ExtraFields?

    public init(x: Int, y: Int, w: Int, h: Int) {
        self.h = h
        self.w = w
        self.x = x
        self.y = y
    }

    /// Grafana's grid has 24 columns.
    public static let columns = 24
}

/// A panel of the classic dashboard model: a visualisation, a text panel or a row.
///
/// Only the fields Vigil checks or builds are typed; every other field (plugin options,
/// legacy `graph` settings, fields of unknown panel types) is kept in `extra` and written
/// back unchanged.
public struct Panel: Sendable, Codable {
    public var id: Int?
    /// The panel plugin id: `timeseries`, `stat`, `row`, `graph`, `grafana-piechart-panel`…
    public var type: String?
    public var title: String?
    public var description: String?
    public var gridPos: GridPos?
    public var datasource: DatasourceRef?
    public var targets: [Target]?
    public var fieldConfig: FieldConfig?
    public var options: PanelOptions?
    public var transparent: Bool?
    public var repeatDirection: String?
    public var maxPerRow: Int?
    public var interval: FlexScalar?
    public var timeFrom: FlexScalar?
    public var `repeat`: FlexScalar?
    public var links: [RawNode]?
    /// `row` panels: whether the row is collapsed (its panels are then inside `panels`).
    public var collapsed: Bool?
    /// `row` panels: the children of a collapsed row.
    public var panels: [Panel]?
    /// Legacy `graph` axes (replaced by `fieldConfig` in `timeseries`).
    public var yaxes: [RawNode]?
    /// Plugin version the panel was saved with.
    public var pluginVersion: String?
    public var origin: Provenance?
    public var extra: ExtraFields?

    public init(type: String, title: String? = nil) {
        self.type = type
        self.title = title
    }

    /// Whether this panel is a row header.
    public var isRow: Bool { type == "row" }

    /// The raw value of a field Vigil does not model (legacy or plugin fields).
    public func extraValue(_ key: String) -> Node? {
        extra?.pairs.last { $0.key.scalarText == key }?.value
    }
}

/// One query of a panel. Prometheus fields are typed; other data sources' fields are kept.
public struct Target: Sendable, Codable {
    public var refId: String?
    public var datasource: DatasourceRef?
    /// The PromQL expression (Prometheus targets).
    public var expr: String?
    public var legendFormat: String?
    /// Minimum step (`1m`, `$__interval`).
    public var interval: FlexScalar?
    public var instant: Bool?
    public var range: Bool?
    public var format: String?
    public var hide: Bool?
    public var exemplar: Bool?
    public var editorMode: String?
    public var intervalFactor: FlexScalar?
    public var origin: Provenance?
    public var extra: ExtraFields?

    public init(expr: String, legendFormat: String? = nil, refId: String? = nil) {
        self.expr = expr
        self.legendFormat = legendFormat
        self.refId = refId
    }
}

/// Display options of the common panel types (`timeseries`, `stat`, `gauge`, `bargauge`,
/// `table`, `piechart`, `text`, `logs`); fields of other plugins are kept in `extra`.
public struct PanelOptions: Sendable, Codable {
    public var legend: LegendOptions?
    public var tooltip: TooltipOptions?
    public var reduceOptions: ReduceOptions?
    /// `stat`, `gauge`, `bargauge`: `auto`, `horizontal`, `vertical`.
    public var orientation: String?
    /// `stat`: `value`, `background`, `background_solid`, `none`.
    public var colorMode: String?
    /// `stat`: `area`, `none`.
    public var graphMode: String?
    /// `stat`: `auto`, `value`, `value_and_name`, `name`, `none`.
    public var textMode: String?
    /// `gauge`, `bargauge`.
    public var showThresholdMarkers: Bool?
    public var showThresholdLabels: Bool?
    /// `bargauge`: `basic`, `gradient`, `lcd`.
    public var displayMode: String?
    /// `text`: `markdown`, `html`, `code`.
    public var mode: String?
    /// `text`: the content.
    public var content: String?
    /// `piechart`: `pie`, `donut`.
    public var pieType: String?
    /// `table`: whether the header row shows.
    public var showHeader: Bool?
    /// `logs`.
    public var showTime: Bool?
    public var wrapLogMessage: Bool?
    public var sortOrder: String?
    public var origin: Provenance?
    public var extra: ExtraFields?

    public init() {}
}

/// The legend of `timeseries`, `piechart`, `bargauge`…
public struct LegendOptions: Sendable, Codable {
    /// `list`, `table`, `hidden`.
    public var displayMode: String?
    /// `bottom`, `right`.
    public var placement: String?
    public var showLegend: Bool?
    /// Reducers shown in the legend: `mean`, `max`, `lastNotNull`…
    public var calcs: [String]?
    public var origin: Provenance?
    public var extra: ExtraFields?

    public init(showLegend: Bool? = true, displayMode: String? = "list", placement: String? = "bottom", calcs: [String]? = []) {
        self.showLegend = showLegend
        self.displayMode = displayMode
        self.placement = placement
        self.calcs = calcs
    }
}

/// The tooltip of `timeseries` and friends.
public struct TooltipOptions: Sendable, Codable {
    /// `single`, `multi`, `none`.
    public var mode: String?
    /// `none`, `asc`, `desc`.
    public var sort: String?
    public var origin: Provenance?
    public var extra: ExtraFields?

    public init(mode: String? = "multi", sort: String? = "none") {
        self.mode = mode
        self.sort = sort
    }
}

/// How `stat`, `gauge`, `bargauge` and `piechart` reduce a series to one value.
public struct ReduceOptions: Sendable, Codable {
    public var calcs: [String]?
    public var fields: String?
    public var values: Bool?
    public var origin: Provenance?
    public var extra: ExtraFields?

    public init(calcs: [String] = ["lastNotNull"], fields: String? = "", values: Bool? = false) {
        self.calcs = calcs
        self.fields = fields
        self.values = values
    }
}
