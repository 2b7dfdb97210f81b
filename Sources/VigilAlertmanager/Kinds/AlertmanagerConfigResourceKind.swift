import VigilCore

/// An `AlertmanagerConfig` resource that lint loaded.
public struct AlertmanagerConfigResourceArtifact: Artifact {
    public let file: SourceFile
    public let resource: AlertmanagerConfigResource
}

/// Recognises prometheus-operator `AlertmanagerConfig` resources.
public struct AlertmanagerConfigResourceKind: FileKind {
    public init() {}
    public var name: String { "alertmanager-config-resource" }

    public func matches(_ document: Document) -> Bool {
        document.root["kind"]?.scalarText == "AlertmanagerConfig"
            && (document.root["apiVersion"]?.scalarText ?? "").hasPrefix("monitoring.coreos.com/")
    }

    public func decode(_ document: Document, embedded: EmbeddedDecoder) -> DecodeOutput {
        let (value, diags) = StrictDecoder(file: document.file).decode(AlertmanagerConfigResource.self, from: document.root)
        var out = DecodeOutput(diagnostics: diags)
        if let value { out.artifacts.append(AlertmanagerConfigResourceArtifact(file: document.file, resource: value)) }
        out.secrets = ResourceSecretFields.inlineValues(in: document.root["spec"])
            .map { SecretSpan(file: document.file, range: $0.node.range, text: $0.node.scalarText) }
        return out
    }
}
