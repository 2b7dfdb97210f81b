import VigilCore

/// Checks one file as an Alertmanager config, whatever its content looks like (the way
/// `amtool check-config` does), with every core and Alertmanager rule.
public enum AlertmanagerCheck {
    /// The result of checking one config: findings and the decoded configs.
    public struct Result: Sendable {
        public let diagnostics: [Diagnostic]
        public let configs: [AlertmanagerConfig]
        public let file: SourceFile
        /// Whether Alertmanager would refuse to load the file.
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    public static func check(text: String, path: String, configuration: LintConfiguration = LintConfiguration()) async -> Result {
        await check(file: SourceFile(path: path, text: text), configuration: configuration)
    }

    public static func check(file: SourceFile, configuration: LintConfiguration = LintConfiguration()) async -> Result {
        let linter = Linter(registry: AlertmanagerLint.forcedRegistry, configuration: configuration)
        let loaded = YAMLLoader.load(file)
        var extra: [Diagnostic] = []
        if loaded.documents.isEmpty && loaded.diagnostics.isEmpty {
            extra.append(Diagnostic(rule: RootRoute.rule.id, severity: .error, message: "no route provided in config", file: file.path,
                                    hint: "add a top-level `route:` with a default `receiver:`"))
        }
        let result = await linter.lint(files: [file], extraDiagnostics: extra)
        let configs = loaded.documents.compactMap { doc -> AlertmanagerConfig? in
            AlertmanagerConfigKind.decode(doc).artifacts.compactMap { ($0 as? AlertmanagerConfigArtifact)?.config }.first
        }
        return Result(diagnostics: result.diagnostics, configs: configs, file: file)
    }
}
