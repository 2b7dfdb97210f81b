import VigilCore

/// A reference to a data source: the object form `{"type": "prometheus", "uid": "${datasource}"}`
/// of Grafana 8.3+, or the legacy string form (`"Prometheus"`, `"$datasource"`, `"-- Grafana --"`).
///
/// Both decode; each is written back in the form it was read in.
public struct DatasourceRef: Sendable, Codable {
    /// The plugin id (`prometheus`, `loki`, `-- Mixed --`…), object form only.
    public var type: String?
    /// The data source uid or a variable reference (`${datasource}`), object form only.
    public var uid: String?
    /// The legacy string form: a data source name or a variable (`$datasource`).
    public var legacyName: String?
    public var origin: Provenance?
    public var extra: ExtraFields?

    /// An object reference.
    public init(type: String? = "prometheus", uid: String?) {
        self.type = type
        self.uid = uid
    }

    /// A legacy string reference.
    public init(legacyName: String) {
        self.legacyName = legacyName
    }

    /// The reference Vigil's builder uses: the dashboard's `datasource` variable.
    public static let variable = DatasourceRef(type: "prometheus", uid: "${datasource}")

    enum CodingKeys: String, CodingKey { case type, uid, origin, extra }

    public init(from decoder: any Decoder) throws {
        if let backed = decoder as? any NodeBackedDecoder, backed.currentNode.mapping == nil {
            legacyName = backed.currentNode.scalarText
            return
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        type = try c.decodeIfPresent(FlexScalar.self, forKey: .type)?.text
        uid = try c.decodeIfPresent(FlexScalar.self, forKey: .uid)?.text
        origin = try c.decodeIfPresent(Provenance.self, forKey: .origin)
        extra = try c.decodeIfPresent(ExtraFields.self, forKey: .extra)
    }

    public func encode(to encoder: any Encoder) throws {
        if let legacyName {
            var c = encoder.singleValueContainer()
            try c.encode(legacyName)
            return
        }
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(type, forKey: .type)
        try c.encodeIfPresent(uid, forKey: .uid)
    }

    /// The text that names the data source: the uid (object form) or the name (string form).
    public var reference: String? { legacyName ?? uid }

    /// Whether the reference goes through a dashboard variable (`$ds`, `${ds}`, `[[ds]]`).
    public var isVariable: Bool {
        guard let r = reference else { return false }
        return r.hasPrefix("$") || r.hasPrefix("[[")
    }

    /// The variable name when the reference is one.
    public var variableName: String? {
        guard let r = reference, isVariable else { return nil }
        return VariableSyntax.references(in: r).first?.name
    }

    /// Whether the reference can be a Prometheus data source (not Loki, not the Grafana
    /// built-in, not a `-- Dashboard --` reuse).
    public var mayBePrometheus: Bool {
        if let t = type { return t == "prometheus" || t.hasPrefix("$") }
        if let n = legacyName { return !n.hasPrefix("-- ") }
        return true
    }
}
