import VigilCore

/// A template variable (`query`, `datasource`, `custom`, `interval`, `constant`, `textbox`,
/// `adhoc`).
public struct Variable: Sendable, Codable {
    // Declaration order is the order Vigil writes a built variable in (a read one keeps its own).
    public var name: String?
    public var label: String?
    public var type: String?
    public var description: String?
    public var datasource: DatasourceRef?
    /// A string (`label_values(up, job)`), or an object (`{"query": "...", "refId": "..."}`)
    /// since Grafana 9; kept as written.
    public var query: RawNode?
    /// `datasource` variables: the plugin id (`prometheus`) in `query`; `custom`: values.
    public var definition: String?
    /// 0 never, 1 on dashboard load, 2 on time range change (older files: booleans).
    public var refresh: FlexScalar?
    public var regex: String?
    public var multi: Bool?
    public var includeAll: Bool?
    public var allValue: String?
    /// 0 shown, 1 label hidden, 2 variable hidden.
    public var hide: FlexScalar?
    public var sort: FlexScalar?
    public var current: VariableCurrent?
    public var options: [RawNode]?
    public var origin: Provenance?
    public var extra: ExtraFields?

    public init(name: String, type: String) {
        self.name = name
        self.type = type
    }

    /// The query text: the string form, or the object form's `query` field.
    public var queryText: String? {
        guard let node = query?.node else { return nil }
        if node.mapping != nil { return node["query"]?.scalarText }
        if case .null = node.resolvedScalar { return nil }
        return node.scalarText
    }

    /// The node holding the query text, for positions.
    public var queryTextNode: Node? {
        guard let node = query?.node else { return nil }
        if node.mapping != nil { return node["query"] }
        return node.scalar == nil ? nil : node
    }

    /// `datasource` variables: the data source type they select.
    public var datasourcePluginType: String? { type == "datasource" ? queryText : nil }

    /// The Prometheus data source variable Vigil's builder adds.
    public static var prometheusDatasource: Variable {
        var v = Variable(name: "datasource", type: "datasource")
        v.label = "Data source"
        v.query = RawNode(.string("prometheus"))
        v.refresh = .number(1)
        v.hide = .number(0)
        v.current = VariableCurrent()
        return v
    }

    /// A `label_values` query variable, multi-valued with All, refreshed on time range change.
    public static func labelValues(_ name: String, label: String? = nil, metric: String?, datasource: DatasourceRef = .variable) -> Variable {
        var v = Variable(name: name, type: "query")
        let q = metric.map { "label_values(\($0), \(label ?? name))" } ?? "label_values(\(label ?? name))"
        v.label = name
        v.datasource = datasource
        v.definition = q
        v.query = RawNode(.mapping([("query", .string(q)), ("refId", .string("PrometheusVariableQueryEditor-VariableQuery"))]))
        v.refresh = .number(2)
        v.multi = true
        v.includeAll = true
        v.allValue = ".+"
        v.sort = .number(1)
        v.hide = .number(0)
        v.current = VariableCurrent()
        v.regex = ""
        return v
    }
}

/// A variable's current selection: `text`/`value` are a string, or lists for multi-value.
public struct VariableCurrent: Sendable, Codable {
    public var selected: Bool?
    public var text: StringOrList?
    public var value: StringOrList?
    public var origin: Provenance?
    public var extra: ExtraFields?

    public init() {}
}
