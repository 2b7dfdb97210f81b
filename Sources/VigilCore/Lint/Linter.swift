import Foundation

/// The outcome of a lint run.
public struct LintResult: Sendable {
    /// Findings after configuration and `vigil:ignore` comments, in report order.
    public let diagnostics: [Diagnostic]
    /// The files that were linted, by path, for printing source lines: secrets the file
    /// kinds found read `<redacted>` (line numbers are unchanged).
    public let files: [String: SourceFile]
    /// How many files were linted.
    public var fileCount: Int { files.count }

    public func count(_ severity: Severity) -> Int { diagnostics.filter { $0.severity == severity }.count }
}

/// Runs a lint: finds the files, loads and decodes them concurrently, runs every check over
/// everything that loaded, then applies the configuration.
public struct Linter: Sendable {
    public let registry: LintRegistry
    public let configuration: LintConfiguration
    public let options: LintOptions
    public let limits: FileLimits
    /// Whether a run keeps what it loaded (the trees and models of every file) alive until the
    /// process exits instead of freeing it on return. The command line sets this, as clang's
    /// driver does with `-disable-free`: tearing down millions of nodes is a tenth of a large
    /// run's time, spent on one core just before the process exits anyway.
    public var keepsLoadedDataUntilExit = false

    public init(registry: LintRegistry, configuration: LintConfiguration = LintConfiguration(),
                options: LintOptions = LintOptions(), limits: FileLimits = FileLimits()) {
        self.registry = registry
        self.configuration = configuration
        self.options = options
        self.limits = limits
    }

    /// Lints files and directories (recursively; `-` is standard input).
    public func lint(paths: [String]) async -> LintResult {
        var ioDiagnostics: [Diagnostic] = []
        var targets: [String] = []
        for path in paths {
            let found = FileDiscovery.expand(path, configuration: configuration)
            targets.append(contentsOf: found.files)
            ioDiagnostics.append(contentsOf: found.diagnostics)
        }
        var files: [SourceFile] = []
        let read = await withTaskGroup(of: (Int, Result<SourceFile, FileReadError>).self) { group in
            for (i, path) in targets.enumerated() {
                group.addTask { (i, FileReader.read(path, limits: limits)) }
            }
            var results: [(Int, Result<SourceFile, FileReadError>)] = []
            for await r in group { results.append(r) }
            return results.sorted { $0.0 < $1.0 }.map(\.1)
        }
        for r in read {
            switch r {
            case .success(let f): files.append(f)
            case .failure(let e):
                ioDiagnostics.append(Diagnostic(rule: CoreRules.io.id, severity: .error, message: e.message, file: e.path))
            }
        }
        return await lint(files: files, extraDiagnostics: ioDiagnostics)
    }

    /// Lints files already in memory.
    public func lint(files: [SourceFile], extraDiagnostics: [Diagnostic] = []) async -> LintResult {
        let registry = self.registry
        let outputs = await withTaskGroup(of: (Int, DecodeOutput).self) { group in
            for (i, file) in files.enumerated() {
                group.addTask { (i, await registry.decodeConcurrently(file: file, name: nil, limits: .default, deferringCredentials: true)) }
            }
            var results = [DecodeOutput](repeating: DecodeOutput(), count: files.count)
            for await (i, out) in group { results[i] = out }
            return results
        }
        let (context, decoded) = makeContext(outputs, extraDiagnostics: extraDiagnostics)
        let schedule = CheckSchedule(registry.checks, context: context)
        let found = await withTaskGroup(of: [Diagnostic].self) { group in
            for check in schedule.whole {
                group.addTask { Self.run(check, context) }
            }
            for family in schedule.families {
                for range in family.slices {
                    group.addTask { family.checks.flatMap { Self.run($0, on: range, context) } }
                }
            }
            var all: [Diagnostic] = []
            for await d in group { all.append(contentsOf: d) }
            return all
        }
        if keepsLoadedDataUntilExit {
            LoadedDataKeeper.keep(context)
            LoadedDataKeeper.keep(outputs)
        }
        let diagnostics = decoded + found
        let secrets = await Self.secrets(of: outputs, shownBy: diagnostics)
        return finish(files: files, diagnostics: diagnostics, secrets: secrets)
    }

    /// The secrets the file kinds found, and the credentials in the documents of the files whose
    /// lines a report may print (those with a finding or a note): the scan walks every node,
    /// and most files of a clean run have nothing to print.
    static func secrets(of outputs: [DecodeOutput], shownBy diagnostics: [Diagnostic]) async -> [SecretSpan] {
        var shown = Set<String>()
        for d in diagnostics {
            shown.insert(d.file)
            for n in d.notes { if let f = n.file { shown.insert(f) } }
        }
        let pending = outputs.enumerated().filter { _, out in
            out.unscannedDocuments.contains { shown.contains($0.file.resolve(nil).file.path) }
        }
        let scanned = await withTaskGroup(of: (Int, [SecretSpan]).self) { group in
            for (i, out) in pending {
                group.addTask { (i, out.unscannedDocuments.flatMap { SecretSpan.credentials(in: $0) }) }
            }
            var byOutput: [Int: [SecretSpan]] = [:]
            for await (i, found) in group { byOutput[i] = found }
            return byOutput
        }
        var secrets: [SecretSpan] = []
        for (i, out) in outputs.enumerated() {
            secrets += scanned[i] ?? []
            secrets += out.secrets
        }
        return secrets
    }

    /// Lints files in memory on the calling thread (for nested runs, such as a stack's
    /// rendered output linted while the stack file is decoded).
    public func lintSynchronously(files: [SourceFile]) -> LintResult {
        let outputs = files.map { registry.decode(file: $0) }
        let (context, decoded) = makeContext(outputs, extraDiagnostics: [])
        let found = registry.checks.flatMap { Self.run($0, context) }
        return finish(files: files, diagnostics: decoded + found, secrets: outputs.flatMap(\.secrets))
    }

    private static func run(_ check: any Check.Type, _ context: LintContext) -> [Diagnostic] {
        var report = CheckReport(rule: check.rule)
        check.init().run(context, &report)
        return report.diagnostics
    }

    private static func run(_ check: (type: any Check.Type, slicing: CheckSlicing), on range: Range<Int>, _ context: LintContext) -> [Diagnostic] {
        var report = CheckReport(rule: check.type.rule)
        check.slicing.run(context, range, &report)
        return report.diagnostics
    }

    private func makeContext(_ outputs: [DecodeOutput], extraDiagnostics: [Diagnostic]) -> (LintContext, [Diagnostic]) {
        var artifacts: [any Artifact] = []
        var diagnostics = extraDiagnostics
        for out in outputs {
            artifacts.append(contentsOf: out.artifacts)
            diagnostics.append(contentsOf: out.diagnostics)
        }
        var settings = configuration.settings ?? [:]
        for (k, v) in options.settings { settings[k] = v }
        var knowledge = options.knowledge + [KnownRules(registry: registry)]
        for derive in registry.knowledgeDerivers { knowledge += derive(artifacts, knowledge) }
        return (LintContext(artifacts: artifacts, options: LintOptions(settings: settings, knowledge: knowledge)), diagnostics)
    }

    private func finish(files: [SourceFile], diagnostics: [Diagnostic], secrets: [SecretSpan]) -> LintResult {
        var byPath: [String: SourceFile] = [:]
        var secretsByPath: [String: [SecretSpan]] = [:]
        for s in secrets { secretsByPath[s.file.resolve(nil).file.path, default: []].append(s) }
        for f in files { byPath[f.path] = secretsByPath[f.path].map { f.redacting($0) } ?? f }
        let scrubbers = secretsByPath.mapValues { SecretScrubber($0) }
        let final = diagnostics.compactMap { found -> Diagnostic? in
            var d = found
            if let scrubber = scrubbers[d.file], !scrubber.isEmpty {
                // A message or hint that quotes a secret (a decoder's "got the string …") shows `<redacted>`.
                d.message = scrubber.scrub(d.message)
                d.hint = d.hint.map { scrubber.scrub($0) }
                d.notes = d.notes.map { n in DiagnosticNote(scrubber.scrub(n.message), file: n.file, range: n.range) }
            }
            if let line = d.range?.start.line, let f = byPath[d.file], f.isIgnored(rule: d.rule, line: line) { return nil }
            return configuration.apply(d)
        }
        return LintResult(diagnostics: Array(Set(final)).sorted(by: Diagnostic.reportOrder), files: byPath)
    }

    /// Lints one text in memory (rule examples, tests).
    public func lint(text: String, path: String) async -> LintResult {
        await lint(files: [SourceFile(path: path, text: text)])
    }
}

/// Bounds on the files a run reads.
public struct FileLimits: Sendable {
    /// Larger files are refused with a diagnostic.
    public var maxFileSize: Int

    public init(maxFileSize: Int = 64 << 20) {
        self.maxFileSize = maxFileSize
    }
}

/// Why a file could not be read: missing, a directory, unreadable, or over the size limit.
public struct FileReadError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let message: String
    public var description: String { "\(path): \(message)" }
}

/// What runs with `keepsLoadedDataUntilExit` loaded, never freed.
private enum LoadedDataKeeper {
    private static let kept = Locked<[any Sendable]>([])

    static func keep(_ data: any Sendable) {
        kept.withLock { $0.append(data) }
    }
}
