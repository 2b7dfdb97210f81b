import VigilCore

/// An Alertmanager configuration that lint loaded, with the file it came from.
public struct AlertmanagerConfigArtifact: Artifact {
    public let file: SourceFile
    public let config: AlertmanagerConfig
    /// The root node of the document (for positions of keys the model does not keep).
    public let root: Node

    public init(file: SourceFile, config: AlertmanagerConfig, root: Node) {
        self.file = file
        self.config = config
        self.root = root
    }
}

/// Recognises Alertmanager configuration documents: a mapping with `route` or `receivers`
/// at the top and none of the keys of the other formats that share `global`.
public struct AlertmanagerConfigKind: FileKind {
    /// When true, every document is taken as an Alertmanager config (`vigil routes`, tests
    /// comparing with `amtool check-config`, which does not guess either).
    public let forced: Bool

    public init(forced: Bool = false) { self.forced = forced }

    public var name: String { "alertmanager-config" }

    static let ownKeys: Set<String> = ["route", "receivers", "inhibit_rules", "time_intervals", "mute_time_intervals"]
    static let foreignKeys: Set<String> = ["scrape_configs", "rule_files", "groups", "apiVersion", "kind", "alerting", "remote_write", "remote_read", "storage"]

    public func matches(_ document: Document) -> Bool {
        if forced { return true }
        guard let m = document.root.mapping else { return false }
        var own = false
        for p in m.pairs {
            guard let k = p.key.scalarText else { continue }
            if AlertmanagerConfigKind.foreignKeys.contains(k) { return false }
            if AlertmanagerConfigKind.ownKeys.contains(k) { own = true }
        }
        return own
    }

    public func decode(_ document: Document, embedded: EmbeddedDecoder) -> DecodeOutput {
        AlertmanagerConfigKind.decode(document)
    }

    /// Decodes one document as an Alertmanager config.
    public static func decode(_ document: Document) -> DecodeOutput {
        var out = decodeConfig(document)
        out.secrets = AlertmanagerRedaction.secretSpans(in: document)
        return out
    }

    private static func decodeConfig(_ document: Document) -> DecodeOutput {
        let root = document.root
        if root.mapping == nil {
            if case .scalar = root.content, root.resolvedScalar == .null {
                // An empty document: the root-route check reports the missing route.
                return DecodeOutput(artifacts: [AlertmanagerConfigArtifact(file: document.file, config: AlertmanagerConfig(), root: root)])
            }
            return DecodeOutput(diagnostics: [Diagnostic(rule: SchemaRule.typeMismatch, severity: .error,
                                                         message: "an Alertmanager configuration must be a mapping, got a \(root.kindName)",
                                                         in: document.file, range: root.range)])
        }
        let (value, diags) = StrictDecoder(file: document.file).decode(AlertmanagerConfig.self, from: root)
        var out = DecodeOutput(diagnostics: diags)
        if let value {
            out.artifacts.append(AlertmanagerConfigArtifact(file: document.file, config: value, root: root))
        }
        return out
    }
}
