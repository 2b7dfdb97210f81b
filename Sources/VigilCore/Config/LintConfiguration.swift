/// What a rule is set to in `.vigil.yaml`.
public enum RuleSetting: String, Sendable, Codable, CaseIterable, StrictEnum {
    case off, info, warning, error
}

/// The `.vigil.yaml` configuration: rule severities, path excludes and settings.
///
/// ```yaml
/// rules:
///   promql/self-ratio: error
///   grafana/panel-title: off
/// exclude: ["vendor/**", "**/*.generated.yaml"]
/// overrides:                      # per-path rule settings, later entries win
///   - paths: ["legacy/**"]
///     rules: {schema/unknown-field: warning}
/// settings:
///   scrape-interval: 30s
/// ```
public struct LintConfiguration: Sendable, Codable {
    public var rules: [String: RuleSetting]?
    public var exclude: [String]?
    public var overrides: [Override]?
    public var settings: [String: String]?
    public var origin: Provenance?

    /// Rule settings for the files matching some globs.
    public struct Override: Sendable, Codable {
        public var paths: [String]
        public var rules: [String: RuleSetting]

        public init(paths: [String], rules: [String: RuleSetting]) {
            self.paths = paths
            self.rules = rules
        }
    }

    public init(rules: [String: RuleSetting]? = nil, exclude: [String]? = nil, overrides: [Override]? = nil, settings: [String: String]? = nil) {
        self.rules = rules
        self.exclude = exclude
        self.overrides = overrides
        self.settings = settings
    }

    public static let fileNames = [".vigil.yaml", ".vigil.yml"]

    /// Loads a configuration file, returning problems as diagnostics.
    public static func load(_ file: SourceFile) -> (LintConfiguration, [Diagnostic]) {
        let loaded = YAMLLoader.load(file)
        guard let doc = loaded.documents.first else { return (LintConfiguration(), loaded.diagnostics) }
        let (value, diags) = StrictDecoder(file: file).decode(LintConfiguration.self, from: doc.root)
        return (value ?? LintConfiguration(), loaded.diagnostics + diags)
    }

    /// Applies rule settings to a diagnostic: nil when the rule is off.
    public func apply(_ d: Diagnostic) -> Diagnostic? {
        var setting = rules?[d.rule]
        for o in overrides ?? [] where o.rules[d.rule] != nil {
            let path = d.file.hasPrefix("./") ? String(d.file.dropFirst(2)) : d.file
            if o.paths.contains(where: { Glob.matches($0, path) }) { setting = o.rules[d.rule] }
        }
        guard let setting else { return d }
        var out = d
        switch setting {
        case .off: return nil
        case .info: out.severity = .info
        case .warning: out.severity = .warning
        case .error: out.severity = .error
        }
        return out
    }

    /// Whether a path is excluded by the `exclude` globs.
    public func excludes(_ path: String) -> Bool {
        guard let exclude else { return false }
        let normalized = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
        return exclude.contains { Glob.matches($0, normalized) }
    }
}

/// `.vigil.yaml` files are themselves linted: unknown fields and unknown rule ids are findings.
public struct LintConfigurationKind: FileKind {
    public init() {}
    public var name: String { "vigil-config" }

    public func matches(_ document: Document) -> Bool {
        // Asked of every document of a run: the last component without splitting the path.
        let path = document.file.path
        let base = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { path[path.utf8.index(after: $0)...] } ?? path[...]
        return LintConfiguration.fileNames.contains { $0 == base }
    }

    public func decode(_ document: Document, embedded: EmbeddedDecoder) -> DecodeOutput {
        let (value, diags) = StrictDecoder(file: document.file).decode(LintConfiguration.self, from: document.root)
        var out = DecodeOutput(diagnostics: diags)
        if let value { out.artifacts.append(LintConfigurationArtifact(file: document.file, configuration: value)) }
        return out
    }
}

/// A decoded `.vigil.yaml`.
public struct LintConfigurationArtifact: Artifact {
    public let file: SourceFile
    public let configuration: LintConfiguration
}
