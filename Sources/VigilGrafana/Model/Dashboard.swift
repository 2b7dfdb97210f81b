import VigilCore

/// A Grafana dashboard in the classic JSON model (the one every Grafana since 5 imports).
///
/// Vigil writes `schemaVersion` 39 (Grafana 10.3–11.x): every current panel type exists there,
/// and Grafana migrates older dashboards forward on load but keeps a dashboard of a newer
/// schema as it is, so 39 imports unchanged into Grafana 10.3 up to 13 without a migration
/// rewriting it on first save. Fields Vigil does not model are kept in `extra`.
public struct Dashboard: Sendable, Codable {
    public var id: FlexScalar?
    public var uid: String?
    public var title: String?
    public var description: String?
    public var tags: [String]?
    /// `browser`, `utc` or an IANA zone.
    public var timezone: String?
    public var editable: Bool?
    /// 0 default, 1 shared crosshair, 2 shared tooltip.
    public var graphTooltip: Int?
    public var time: TimeRange?
    /// `"30s"`, or `false` / `""` for off.
    public var refresh: FlexScalar?
    public var schemaVersion: Int?
    public var version: Int?
    public var templating: Templating?
    public var annotations: Annotations?
    public var links: [DashboardLink]?
    public var panels: [Panel]?
    /// Pre-5.0 layout (schemaVersion < 16): rows holding panels with `span` widths.
    public var rows: [LegacyRow]?
    public var origin: Provenance?
    public var extra: ExtraFields?

    /// The schema version Vigil writes (see the type's documentation).
    public static let defaultSchemaVersion = 39

    public init(title: String, uid: String? = nil) {
        self.title = title
        self.uid = uid
    }

    /// Every panel, rows' children included, in document order (legacy rows' panels too).
    public var allPanels: [Panel] {
        var out: [Panel] = []
        func add(_ ps: [Panel], depth: Int) {
            guard depth < 8 else { return }
            for p in ps {
                out.append(p)
                if let children = p.panels { add(children, depth: depth + 1) }
            }
        }
        add(panels ?? [], depth: 0)
        for row in rows ?? [] { add(row.panels ?? [], depth: 0) }
        return out
    }

    /// The template variables.
    public var variables: [Variable] { templating?.list ?? [] }
}

/// The dashboard's default time range (`now-6h` … `now`).
public struct TimeRange: Sendable, Codable {
    public var from: String?
    public var to: String?
    public var origin: Provenance?
    public var extra: ExtraFields?

    public init(from: String = "now-6h", to: String = "now") {
        self.from = from
        self.to = to
    }
}

/// `templating: {list: [...]}`.
public struct Templating: Sendable, Codable {
    public var list: [Variable]?
    public var origin: Provenance?
    public var extra: ExtraFields?

    public init(list: [Variable]) { self.list = list }
}

/// `annotations: {list: [...]}`.
public struct Annotations: Sendable, Codable {
    public var list: [Annotation]?
    public var origin: Provenance?
    public var extra: ExtraFields?

    public init(list: [Annotation]) { self.list = list }
}

/// An annotation query (the built-in "Annotations & Alerts" one or a PromQL one).
public struct Annotation: Sendable, Codable {
    public var name: String?
    public var datasource: DatasourceRef?
    public var enable: Bool?
    public var hide: Bool?
    public var iconColor: String?
    public var expr: String?
    public var builtIn: FlexScalar?
    public var type: String?
    public var titleFormat: String?
    public var textFormat: String?
    public var tagKeys: String?
    public var step: String?
    public var origin: Provenance?
    public var extra: ExtraFields?

    public init(name: String, expr: String, iconColor: String = "rgba(255, 96, 96, 1)") {
        self.name = name
        self.expr = expr
        self.iconColor = iconColor
        self.enable = true
        self.datasource = .variable
    }

    /// Grafana's built-in "Annotations & Alerts" entry.
    public static var builtInAnnotations: Annotation {
        var a = Annotation(name: "Annotations & Alerts", expr: "")
        a.expr = nil
        a.builtIn = .number(1)
        a.datasource = DatasourceRef(type: "grafana", uid: "-- Grafana --")
        a.iconColor = "rgba(0, 211, 255, 1)"
        a.hide = true
        a.type = "dashboard"
        return a
    }
}

/// A link in the dashboard's header.
public struct DashboardLink: Sendable, Codable {
    public var title: String?
    /// `link` or `dashboards`.
    public var type: String?
    public var url: String?
    public var tags: [String]?
    public var asDropdown: Bool?
    public var includeVars: Bool?
    public var keepTime: Bool?
    public var targetBlank: Bool?
    public var origin: Provenance?
    public var extra: ExtraFields?

    public init(title: String, url: String) {
        self.title = title
        self.type = "link"
        self.url = url
    }
}

/// A row of the pre-5.0 layout (`rows: [{panels: [...], height: "250px"}]`).
public struct LegacyRow: Sendable, Codable {
    public var title: String?
    public var panels: [Panel]?
    public var collapse: Bool?
    public var origin: Provenance?
    public var extra: ExtraFields?
}

/// The HTTP API import body: `{"dashboard": {...}, "folderUid": "...", "overwrite": true}`.
public struct DashboardImport: Sendable, Codable {
    public var dashboard: Dashboard?
    public var folderUid: String?
    public var folderId: FlexScalar?
    public var overwrite: Bool?
    public var message: String?
    public var origin: Provenance?
    public var extra: ExtraFields?

    public init(dashboard: Dashboard, folderUid: String? = nil, overwrite: Bool = true, message: String? = nil) {
        self.dashboard = dashboard
        self.folderUid = folderUid
        self.overwrite = overwrite
        self.message = message
    }
}
