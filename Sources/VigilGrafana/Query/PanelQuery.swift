import VigilCore
import VigilPromQL

/// One Prometheus query of a panel (or of a variable or annotation), parsed after Grafana
/// variables were substituted, with positions in the file.
public struct PanelQuery: Sendable {
    /// Where the query is.
    public enum Owner: Sendable {
        case panel(Panel)
        case variable(Variable)
        case annotation(Annotation)
    }

    public let owner: Owner
    /// The target, for panel queries.
    public let target: Target?
    /// The query as written (with variables).
    public let text: String
    /// The scalar holding the query in the file, when it came from a file.
    public let node: Node?
    /// The file the query is in.
    public let file: SourceFile
    /// The text with variables replaced, and how to map offsets back.
    public let substitution: QuerySubstitution
    /// The parse of the substituted text.
    public let result: ParseResult

    /// The tree when the query parsed and type-checked.
    public var expr: Expr? { result.isValid ? result.expr : nil }

    /// The owning panel, if any.
    public var panel: Panel? {
        if case .panel(let p) = owner { return p }
        return nil
    }

    init(owner: Owner, target: Target?, text: String, node: Node?, file: SourceFile) {
        self.owner = owner
        self.target = target
        self.text = text
        self.node = node
        self.file = file
        var sub = QuerySubstitution(text)
        var result = PromQL.parse(sub.text, options: ParseOptions(experimentalFunctions: true))
        if !result.isValid {
            // `topk($n, …)`, `> $threshold`: try numbers where a bare variable stands.
            let alt = QuerySubstitution(text, numbersOutside: true)
            let altResult = PromQL.parse(alt.text, options: ParseOptions(experimentalFunctions: true))
            if altResult.isValid {
                sub = alt
                result = altResult
            }
        }
        self.substitution = sub
        self.result = result
    }

    /// The embedded file of the query text (positions resolve to the outer file), and the
    /// range there of a byte range of the substituted text.
    public func location(of range: Range<Int>) -> (file: SourceFile, range: SourceRange?) {
        let original = substitution.originalRange(range)
        guard let node, node.range != Node.noRange else { return (file, nil) }
        let inner = SourceFile(embeddedIn: file, scalar: node)
        return (inner, SourceRange(start: inner.position(atOffset: original.lowerBound), end: inner.position(atOffset: original.upperBound)))
    }

    /// The location of the whole query.
    public var wholeLocation: (file: SourceFile, range: SourceRange?) {
        guard let node else { return (file, nil) }
        return (file, node.range)
    }

    /// Whether this looks like LogQL or another language that happens to sit in `expr`.
    var looksLikeLogQL: Bool {
        !result.isValid && ["|=", "|~", "| json", "| logfmt", "| line_format", "| pattern", "| unpack"].contains { text.contains($0) }
    }
}

extension DashboardArtifact {
    /// The data source plugin type a reference resolves to, when the dashboard says.
    public func datasourceType(_ ref: DatasourceRef?) -> String? {
        DashboardArtifact.resolver(dashboard)(ref)
    }

    static func resolver(_ dashboard: Dashboard) -> @Sendable (DatasourceRef?) -> String? {
        { ref in resolve(ref, dashboard) }
    }

    static func resolve(_ ref: DatasourceRef?, _ dashboard: Dashboard) -> String? {
        guard let ref else { return nil }
        if let name = ref.variableName {
            if let v = dashboard.variables.first(where: { $0.name == name }), v.type == "datasource" {
                return v.queryText
            }
            return ref.type.flatMap { $0.hasPrefix("$") ? nil : $0 }
        }
        if let t = ref.type { return t }
        if let n = ref.legacyName?.lowercased() {
            if n.hasPrefix("-- ") { return n.contains("mixed") ? nil : "grafana" }
            for known in ["loki", "elasticsearch", "influx", "graphite", "tempo", "jaeger", "mysql", "postgres", "cloudwatch", "testdata"] where n.contains(known) {
                return known
            }
        }
        return nil
    }

    static func collectQueries(_ dashboard: Dashboard, file: SourceFile, artifact: (DatasourceRef?) -> String?) -> [PanelQuery] {
        var out: [PanelQuery] = []
        for panel in dashboard.allPanels where !panel.isRow {
            for target in panel.targets ?? [] {
                guard let expr = target.expr, !expr.allSatisfy(\.isWhitespace), target.hide != true else { continue }
                let type = artifact(target.datasource) ?? artifact(panel.datasource)
                if let type, type != "prometheus" { continue }
                let node = target.origin?.node?["expr"]
                let q = PanelQuery(owner: .panel(panel), target: target, text: expr, node: node, file: file)
                if q.looksLikeLogQL { continue }
                out.append(q)
            }
        }
        for v in dashboard.variables where v.type == "query" {
            guard let text = v.queryText, let node = v.queryTextNode else { continue }
            if let type = artifact(v.datasource), type != "prometheus" { continue }
            guard let inner = LabelValuesQuery(text) else { continue }
            out.append(PanelQuery(owner: .variable(v), target: nil, text: inner.promql ?? "", node: nil, file: file)
                .relocated(node: node, within: text, at: inner.promqlRange))
        }
        for a in dashboard.annotations?.list ?? [] {
            guard let expr = a.expr, !expr.isEmpty, a.enable != false else { continue }
            if let type = artifact(a.datasource), type != "prometheus" { continue }
            out.append(PanelQuery(owner: .annotation(a), target: nil, text: expr, node: a.origin?.node?["expr"], file: file))
        }
        return out.filter { !$0.text.isEmpty }
    }
}

extension PanelQuery {
    /// A query that is a part (`range`) of the text of `node` (the PromQL inside
    /// `label_values(…)`): offsets shift by the part's start.
    func relocated(node: Node, within whole: String, at range: Range<Int>?) -> PanelQuery {
        guard let range else { return self }
        let prefix = String(repeating: " ", count: range.lowerBound)
        let padded = PanelQuery(owner: owner, target: target, text: prefix + text, node: node, file: file)
        return padded
    }
}
