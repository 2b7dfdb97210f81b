/// The file kinds, rules and checks a lint run knows. Each module contributes one; the
/// command line merges them all.
public struct LintRegistry: Sendable {
    public var kinds: [any FileKind]
    public var textKinds: [any TextFileKind]
    /// Rules reported outside checks (by loaders and decoders), for `vigil rules`.
    public var rules: [RuleDescription]
    public var checks: [any Check.Type]
    /// Derive knowledge for checks from what a run loaded (a metric catalogue among the linted
    /// files becomes knowledge every check can use), given the knowledge supplied so far.
    public var knowledgeDerivers: [KnowledgeDeriver]

    /// Turns the artifacts of a run (and the knowledge given) into more knowledge.
    public typealias KnowledgeDeriver = @Sendable (_ artifacts: [any Artifact], _ given: [any Sendable]) -> [any Sendable]

    public init(kinds: [any FileKind] = [], textKinds: [any TextFileKind] = [], rules: [RuleDescription] = [],
                checks: [any Check.Type] = [], knowledgeDerivers: [KnowledgeDeriver] = []) {
        self.kinds = kinds
        self.textKinds = textKinds
        self.rules = rules
        self.checks = checks
        self.knowledgeDerivers = knowledgeDerivers
    }

    /// This registry followed by `other` (kinds of `self` are tried first).
    public func merging(_ other: LintRegistry) -> LintRegistry {
        LintRegistry(kinds: kinds + other.kinds, textKinds: textKinds + other.textKinds,
                     rules: rules + other.rules, checks: checks + other.checks,
                     knowledgeDerivers: knowledgeDerivers + other.knowledgeDerivers)
    }

    /// Every rule description, sorted by id.
    public var allRules: [RuleDescription] {
        (rules + checks.map { $0.rule }).sorted { $0.id < $1.id }
    }

    public func rule(id: String) -> RuleDescription? {
        allRules.first { $0.id == id }
    }

    /// Loads and decodes one file with every kind.
    public func decode(file: SourceFile, name: String? = nil, limits: LoadLimits = .default) -> DecodeOutput {
        decode(file: file, name: name ?? file.path, depth: 0, embeddedOnly: false, limits: limits)
    }

    func decode(file: SourceFile, name: String, depth: Int, embeddedOnly: Bool, limits: LoadLimits = .default) -> DecodeOutput {
        switch load(file: file, name: name, limits: limits) {
        case .decoded(let out):
            return out
        case .documents(let documents, var out):
            out.append(decode(documents[...], depth: depth))
            return out
        }
    }

    /// Like `decode(file:)`, with the documents of a long multi-document stream decoded by
    /// several tasks (a 5 MB stream of Kubernetes objects is one file, but thousands of
    /// independent documents). The output is in document order, as `decode(file:)`'s.
    public func decodeConcurrently(file: SourceFile, name: String? = nil, limits: LoadLimits = .default) async -> DecodeOutput {
        await decodeConcurrently(file: file, name: name, limits: limits, deferringCredentials: false)
    }

    /// `decodeConcurrently`; with `deferringCredentials`, the scan for credentials in the
    /// documents is left to the caller (`DecodeOutput.unscannedDocuments`), which needs it only
    /// for files that have findings to print.
    func decodeConcurrently(file: SourceFile, name: String?, limits: LoadLimits, deferringCredentials: Bool) async -> DecodeOutput {
        switch load(file: file, name: name ?? file.path, limits: limits) {
        case .decoded(let out):
            return out
        case .documents(let documents, var out):
            if deferringCredentials {
                out.unscannedDocuments = documents
                out.append(await decodeInRuns(documents) { slice in
                    var part = DecodeOutput()
                    for document in slice { part.append(self.decodeKind(of: document, depth: 0)) }
                    return part
                })
                return out
            }
            if documents.count <= LintRegistry.documentsPerTask, file.bytes.count >= LintRegistry.scanBesideBytes {
                // A large file of few documents (a rule file): the secret scan, a walk of every
                // node, runs beside the decoding instead of before it.
                async let credentials = documents.map { SecretSpan.credentials(in: $0) }
                let decoded = documents.map { decodeKind(of: $0, depth: 0) }
                for (found, part) in zip(await credentials, decoded) {
                    out.secrets += found
                    out.append(part)
                }
                return out
            }
            out.append(await decodeInRuns(documents) { self.decode($0, depth: 0) })
            return out
        }
    }

    /// `decodeRun` over the documents, in runs of `documentsPerTask` on several tasks when there
    /// are more, joined in document order.
    private func decodeInRuns(_ documents: [Document], _ decodeRun: @escaping @Sendable (ArraySlice<Document>) -> DecodeOutput) async -> DecodeOutput {
        let chunk = LintRegistry.documentsPerTask
        guard documents.count > chunk else { return decodeRun(documents[...]) }
        let starts = Array(stride(from: 0, to: documents.count, by: chunk))
        let parts = await withTaskGroup(of: (Int, DecodeOutput).self) { group in
            for (i, start) in starts.enumerated() {
                let slice = documents[start..<min(start + chunk, documents.count)]
                group.addTask { (i, decodeRun(slice)) }
            }
            var parts = [DecodeOutput](repeating: DecodeOutput(), count: starts.count)
            for await (i, part) in group { parts[i] = part }
            return parts
        }
        var out = DecodeOutput()
        for part in parts { out.append(part) }
        return out
    }

    /// How many documents of one stream a decoding task takes.
    static let documentsPerTask = 64

    /// Files at least this large have their secrets scanned beside the decoding.
    static let scanBesideBytes = 256 << 10

    /// A file read as far as its documents, or decoded already (text kinds, binary files).
    private enum Loaded {
        case decoded(DecodeOutput)
        case documents([Document], DecodeOutput)
    }

    private func load(file: SourceFile, name: String, limits: LoadLimits) -> Loaded {
        if file.bytes.prefix(8192).contains(0) {
            return .decoded(DecodeOutput(diagnostics: [Diagnostic(rule: CoreRules.io.id, severity: .error,
                                                                  message: "binary file (contains NUL bytes); not linted", file: file.path)]))
        }
        for kind in textKinds where kind.matches(path: name, file: file) {
            return .decoded(kind.decode(file))
        }
        let loaded = YAMLLoader.load(file, limits: limits)
        var out = DecodeOutput(diagnostics: loaded.diagnostics)
        // No kind sees a file that does not parse; hide what looks like a secret in it.
        if loaded.diagnostics.contains(where: { $0.rule == CoreRules.syntax.id }) { out.secrets = SecretSpan.guessed(in: file) }
        return .documents(loaded.documents, out)
    }

    /// Decodes documents with the first kind that matches each.
    private func decode(_ documents: ArraySlice<Document>, depth: Int) -> DecodeOutput {
        var out = DecodeOutput()
        for document in documents {
            out.secrets += SecretSpan.credentials(in: document)
            out.append(decodeKind(of: document, depth: depth))
        }
        return out
    }

    /// A document decoded by the first kind that matches it (nothing when none does).
    private func decodeKind(of document: Document, depth: Int) -> DecodeOutput {
        guard let kind = kinds.first(where: { $0.matches(document) }) else { return DecodeOutput() }
        return kind.decode(document, embedded: EmbeddedDecoder(registry: self, depth: depth))
    }
}
