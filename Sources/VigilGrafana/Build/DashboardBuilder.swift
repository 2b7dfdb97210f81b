import VigilCore

/// Builds a dashboard in the spirit of the Grafana Foundation SDK: settings and panels as
/// method calls, `gridPos` computed by auto-layout (`GridLayout`), panel ids numbered in order,
/// and every Prometheus panel bound to a `${datasource}` variable the builder adds.
///
/// ```swift
/// let dashboard = DashboardBuilder("Checkout", uid: "checkout")
///     .tags(["shop"])
///     .panel(.stat("Up").query("sum(up{job=~\"$job\"})").unit("short"))
///     .panel(.timeseries("Requests").query("sum(rate(http_requests_total[$__rate_interval]))").unit("reqps"))
///     .row("Latency")
///     .panel(.timeseries("p99").query("histogram_quantile(0.99, …)").unit("s"))
///     .build()
/// ```
public struct DashboardBuilder: Sendable {
    /// One entry of the layout: a panel, or a row that groups the panels after it.
    enum Item: Sendable {
        case panel(PanelBuilder)
        case row(title: String, collapsed: Bool)
    }

    /// The dashboard settings (everything but panels).
    public private(set) var dashboard: Dashboard
    var items: [Item] = []
    /// The data source panels use unless they set their own; nil leaves them on the default.
    public private(set) var datasource: DatasourceRef? = .variable
    var addsDatasourceVariable = true
    var variables: [Variable] = []

    public init(_ title: String, uid: String? = nil) {
        var d = Dashboard(title: title, uid: uid)
        d.tags = []
        d.timezone = "browser"
        d.editable = false
        d.graphTooltip = 1
        d.time = TimeRange()
        d.refresh = .string("1m")
        d.schemaVersion = Dashboard.defaultSchemaVersion
        d.annotations = Annotations(list: [])
        self.dashboard = d
    }

    private func with(_ change: (inout DashboardBuilder) -> Void) -> DashboardBuilder {
        var copy = self
        change(&copy)
        return copy
    }

    public func description(_ text: String?) -> DashboardBuilder { with { $0.dashboard.description = text } }
    public func tags(_ tags: [String]) -> DashboardBuilder { with { $0.dashboard.tags = tags } }
    /// `browser`, `utc` or an IANA zone.
    public func timezone(_ zone: String) -> DashboardBuilder { with { $0.dashboard.timezone = zone } }
    /// Auto-refresh interval (`30s`, `1m`); nil turns it off.
    public func refresh(_ interval: String?) -> DashboardBuilder { with { $0.dashboard.refresh = .string(interval ?? "") } }
    /// The default time range, e.g. `now-24h` … `now`.
    public func time(from: String, to: String = "now") -> DashboardBuilder { with { $0.dashboard.time = TimeRange(from: from, to: to) } }
    /// Whether the UI may edit the dashboard (default `false`: the code is the source of truth).
    public func editable(_ editable: Bool) -> DashboardBuilder { with { $0.dashboard.editable = editable } }
    /// 0 default, 1 shared crosshair (the builder's default), 2 shared tooltip.
    public func graphTooltip(_ mode: Int) -> DashboardBuilder { with { $0.dashboard.graphTooltip = mode } }

    /// Adds a template variable after the data source variable (see `Variable.labelValues`).
    public func variable(_ v: Variable) -> DashboardBuilder { with { $0.variables.append(v) } }

    /// Binds panels to a fixed data source instead of the `${datasource}` variable (which is
    /// then not added).
    public func datasource(_ ref: DatasourceRef) -> DashboardBuilder {
        with { b in
            b.datasource = ref
            b.addsDatasourceVariable = false
        }
    }

    /// Adds an annotation query (deploys, incidents).
    public func annotation(_ a: Annotation) -> DashboardBuilder {
        with { b in
            var list = b.dashboard.annotations?.list ?? []
            list.append(a)
            b.dashboard.annotations = Annotations(list: list)
        }
    }

    /// Adds a panel at the next free place of the grid.
    public func panel(_ p: PanelBuilder) -> DashboardBuilder { with { $0.items.append(.panel(p)) } }

    /// Adds panels in order.
    public func panels(_ ps: [PanelBuilder]) -> DashboardBuilder { with { $0.items.append(contentsOf: ps.map { Item.panel($0) }) } }

    /// Starts a row on a new line: the panels added after it (until the next row) belong to it.
    /// A collapsed row holds them inside itself, as Grafana expects.
    public func row(_ title: String, collapsed: Bool = false) -> DashboardBuilder {
        with { $0.items.append(.row(title: title, collapsed: collapsed)) }
    }

    /// The dashboard model, laid out.
    public func build() -> Dashboard {
        var d = dashboard
        var list: [Variable] = addsDatasourceVariable ? [Variable.prometheusDatasource] : []
        list.append(contentsOf: variables)
        d.templating = Templating(list: list)
        d.panels = GridLayout.place(items, datasource: datasource)
        return d
    }
}
