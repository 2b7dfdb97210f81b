/// Something `vigil lint` loaded and decoded from a file: a typed model plus where it came from.
///
/// Each module defines its artifacts (a Prometheus config, a rule file, a Kubernetes object…);
/// checks ask the `LintContext` for the artifacts of the types they understand.
public protocol Artifact: Sendable {
    /// The file the artifact was decoded from (for embedded configs, the embedded text, whose
    /// positions resolve to the outer file).
    var file: SourceFile { get }
}

/// What decoding one document produced.
public struct DecodeOutput: Sendable {
    public var artifacts: [any Artifact] = []
    public var diagnostics: [Diagnostic] = []
    /// Where the document holds secrets, so printed source lines hide them.
    public var secrets: [SecretSpan] = []
    /// Documents whose credentials were not scanned for yet (the linter scans them only for
    /// files with findings).
    var unscannedDocuments: [Document] = []

    public init(artifacts: [any Artifact] = [], diagnostics: [Diagnostic] = []) {
        self.artifacts = artifacts
        self.diagnostics = diagnostics
    }

    public mutating func append(_ other: DecodeOutput) {
        artifacts.append(contentsOf: other.artifacts)
        diagnostics.append(contentsOf: other.diagnostics)
        secrets.append(contentsOf: other.secrets)
        unscannedDocuments.append(contentsOf: other.unscannedDocuments)
    }
}

/// A kind of YAML/JSON document lint recognises by content (Prometheus config, rule file,
/// Kubernetes object, dashboard…).
public protocol FileKind: Sendable {
    /// A short stable name, e.g. `prometheus-rules`.
    var name: String { get }
    /// Whether `document` is of this kind. Kinds are asked in registry order; the first match
    /// decodes the document. Must be cheap: look at a few keys.
    func matches(_ document: Document) -> Bool
    /// Decodes the document. `embedded` decodes text found inside it (a ConfigMap key) with the
    /// whole registry.
    func decode(_ document: Document, embedded: EmbeddedDecoder) -> DecodeOutput
}

/// A kind of file that is not YAML (a Logstash pipeline), recognised from its path and text.
public protocol TextFileKind: Sendable {
    var name: String { get }
    func matches(path: String, file: SourceFile) -> Bool
    func decode(_ file: SourceFile) -> DecodeOutput
}

/// Decodes text embedded in a document (a ConfigMap value) with every registered kind.
public struct EmbeddedDecoder: Sendable {
    let registry: LintRegistry
    let depth: Int

    /// Loads and decodes `scalar` of `file` as an embedded YAML/JSON file (or text kind, chosen
    /// by `name`, e.g. the ConfigMap key `pipeline.conf`). Positions resolve to `file`.
    public func decode(scalar: Node, of file: SourceFile, name: String) -> DecodeOutput {
        decode(scalar: scalar, of: file, name: name, confidential: false)
    }

    /// Like `decode(scalar:of:name:)`; `confidential` marks the text as kept secret (a
    /// Kubernetes Secret's value).
    public func decode(scalar: Node, of file: SourceFile, name: String, confidential: Bool) -> DecodeOutput {
        guard depth < 4 else { return DecodeOutput() }
        let inner = SourceFile(embeddedIn: file, scalar: scalar, confidential: confidential)
        return decode(file: inner, name: name)
    }

    /// Decodes `file`, text embedded in a document in some other way (decoded from base64),
    /// whose positions resolve through its `embedding`.
    public func decode(file: SourceFile, name: String) -> DecodeOutput {
        guard depth < 4 else { return DecodeOutput() }
        return registry.decode(file: file, name: name, depth: depth + 1, embeddedOnly: true)
    }
}

extension Artifact {
    /// The artifact's type, read through an existential without copying the artifact out.
    var artifactType: ObjectIdentifier { ObjectIdentifier(Self.self) }
}

extension Array where Element == any Artifact {
    /// The artifacts of exactly type `T`, in order. Only those are copied out: a cast of every
    /// artifact copies it first, and a run asks for each of a dozen types among thousands of
    /// artifacts.
    public func only<T: Artifact>(_ wanted: T.Type) -> [T] {
        // By the type each artifact reports in place: an iterator, a subscript and
        // `type(of:)` on the existential all hand out copies.
        withUnsafeBufferPointer { all in
            var out: [T] = []
            let id = ObjectIdentifier(wanted)
            for i in all.indices where all[i].artifactType == id {
                if let artifact = all[i] as? T { out.append(artifact) }
            }
            return out
        }
    }
}
