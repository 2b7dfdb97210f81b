import VigilCore

/// The parts of a `filebeat.yml` the checks need: inputs with their custom fields, and where
/// events go.
public struct FilebeatConfig: Sendable, Hashable {
    /// One `filebeat.inputs` entry.
    public struct Input: Sendable, Hashable {
        public var type: String?
        public var paths: [String]
        public var fields: [String]
        public var fieldsUnderRoot: Bool

        public init(type: String?, paths: [String] = [], fields: [String] = [], fieldsUnderRoot: Bool = false) {
            self.type = type
            self.paths = paths
            self.fields = fields
            self.fieldsUnderRoot = fieldsUnderRoot
        }
    }

    public var inputs: [Input]
    /// Top-level `fields` and `fields_under_root` (apply to every event).
    public var globalFields: [String]
    public var globalFieldsUnderRoot: Bool
    /// `output.logstash.hosts`.
    public var logstashHosts: [String]
    /// `output.elasticsearch.hosts`.
    public var elasticsearchHosts: [String]
    /// Where `output.logstash` was written, for wiring findings.
    public var logstashOutputRange: SourceRange?

    /// Every custom field name.
    public var fieldNames: [String] { globalFields + inputs.flatMap(\.fields) }
    /// Whether any custom field is put at the event root.
    public var fieldsUnderRoot: Bool { globalFieldsUnderRoot || inputs.contains { $0.fieldsUnderRoot && !$0.fields.isEmpty } }
}

/// A Filebeat config `vigil lint` decoded.
public struct FilebeatConfigArtifact: Artifact {
    public let file: SourceFile
    public let config: FilebeatConfig
}

/// Recognises `filebeat.yml` by its `filebeat.inputs`/`filebeat.autodiscover` keys (dotted or
/// nested), also inside ConfigMaps.
public struct FilebeatConfigKind: FileKind {
    public init() {}
    public var name: String { "filebeat-config" }

    public func matches(_ document: Document) -> Bool {
        guard let m = document.root.mapping else { return false }
        return m.pairs.contains { p in
            guard let k = p.key.scalarText else { return false }
            return k == "filebeat.inputs" || k == "filebeat.autodiscover" || k == "filebeat.config" || (k == "filebeat" && p.value.mapping != nil)
        }
    }

    /// A dotted or nested key (`output.logstash.hosts` or `output: {logstash: {hosts}}`).
    static func lookup(_ node: Node, _ path: [String]) -> Node? {
        guard !path.isEmpty else { return node }
        guard let m = node.mapping else { return nil }
        for n in stride(from: path.count, through: 1, by: -1) {
            let key = path.prefix(n).joined(separator: ".")
            if let v = m[key], let found = lookup(v, Array(path.dropFirst(n))) { return found }
        }
        return nil
    }

    static func strings(_ node: Node?) -> [String] {
        guard let node else { return [] }
        if let s = node.sequence { return s.compactMap(\.scalarText) }
        return node.scalarText.map { [$0] } ?? []
    }

    static func bool(_ node: Node?) -> Bool { node?.scalarText?.lowercased() == "true" }

    static func keys(_ node: Node?) -> [String] { node?.mapping?.pairs.compactMap(\.key.scalarText) ?? [] }

    public func decode(_ document: Document, embedded: EmbeddedDecoder) -> DecodeOutput {
        let root = document.root
        let inputs = (Self.lookup(root, ["filebeat", "inputs"])?.sequence ?? []).map { n in
            FilebeatConfig.Input(type: n["type"]?.scalarText, paths: Self.strings(n["paths"]), fields: Self.keys(n["fields"]),
                                 fieldsUnderRoot: Self.bool(n["fields_under_root"]))
        }
        let config = FilebeatConfig(inputs: inputs, globalFields: Self.keys(root["fields"]), globalFieldsUnderRoot: Self.bool(root["fields_under_root"]),
                                    logstashHosts: Self.strings(Self.lookup(root, ["output", "logstash", "hosts"])),
                                    elasticsearchHosts: Self.strings(Self.lookup(root, ["output", "elasticsearch", "hosts"])),
                                    logstashOutputRange: Self.lookup(root, ["output", "logstash", "hosts"])?.range)
        return DecodeOutput(artifacts: [FilebeatConfigArtifact(file: document.file, config: config)])
    }
}
