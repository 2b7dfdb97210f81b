import VigilCore

/// Recognises a metric catalogue file: `kind: MetricCatalogue`.
public struct MetricCatalogueKind: FileKind {
    public init() {}
    public var name: String { "metric-catalogue" }

    public func matches(_ document: Document) -> Bool {
        document.root["kind"]?.scalarText == "MetricCatalogue"
    }

    public func decode(_ document: Document, embedded: EmbeddedDecoder) -> DecodeOutput {
        let (value, diags) = StrictDecoder(file: document.file).decode(MetricCatalogue.self, from: document.root)
        var out = DecodeOutput(diagnostics: diags)
        if let value { out.artifacts.append(MetricCatalogueArtifact(file: document.file, catalogue: value)) }
        return out
    }

    /// Loads a catalogue file (for `--catalogue` and `vigil cardinality`).
    public static func load(_ file: SourceFile) -> (MetricCatalogue?, [Diagnostic]) {
        let loaded = YAMLLoader.load(file)
        guard let doc = loaded.documents.first else {
            return (nil, loaded.diagnostics + [Diagnostic(rule: SchemaRule.missingField, severity: .error, message: "the file holds no metric catalogue", file: file.path)])
        }
        let (value, diags) = StrictDecoder(file: file).decode(MetricCatalogue.self, from: doc.root)
        return (value, loaded.diagnostics + diags)
    }
}

/// A decoded metric catalogue in a lint run.
public struct MetricCatalogueArtifact: Artifact {
    public let file: SourceFile
    public let catalogue: MetricCatalogue
}
