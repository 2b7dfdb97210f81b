import ArgumentParser
import Foundation
import Vigil

/// `vigil lint PATH…`: lint any mix of files and directories.
struct LintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Lint Prometheus, Alertmanager, Kubernetes, Grafana and ELK configs; kinds are detected by content.",
        discussion: """
        Directories are searched recursively for .yaml, .yml, .json and .conf files; `-` reads \
        standard input. Exit status: 0 no errors, 1 errors found (or warnings with --strict), \
        2 usage or I/O trouble.
        """
    )

    @Argument(help: "Files or directories to lint (`-` for standard input).")
    var paths: [String] = ["."]

    @Option(name: .long, help: "Output format: text, json, sarif or github.")
    var format: ReportFormat = .text

    @Flag(name: .long, help: "Exit 1 on warnings too.")
    var strict = false

    @Option(name: .long, help: "Configuration file (default: ./.vigil.yaml when present).")
    var config: String?

    @Option(name: .long, help: "Skip paths matching this glob (repeatable).")
    var exclude: [String] = []

    @Option(name: .long, help: "A metric catalogue file: makes every check catalogue-aware (repeatable).")
    var catalogue: [String] = []

    @Option(name: .long, help: "A stack file whose knowledge (catalogue, service, intervals, alerts) applies to the configs linted.")
    var stack: String?

    @Option(name: .long, help: ArgumentHelp("Prometheus rule files whose alerts the Alertmanager checks route (a file, directory or quoted glob; repeatable; combines with --stack).", valueName: "path"))
    var rules: [String] = []

    @Option(name: .long, help: "With --stack: the environment whose view applies (default: the first the stack declares).")
    var env: String?

    @Option(name: .long, help: "A setting for checks, KEY=VALUE (repeatable), e.g. scrape-interval=30s.")
    var set: [String] = []

    func validate() throws {
        for s in set where !s.contains("=") {
            throw ValidationError("--set takes KEY=VALUE, e.g. --set scrape-interval=30s")
        }
        if env != nil && stack == nil { throw ValidationError("--env needs --stack vigil.yaml") }
    }

    func run() async throws {
        var configuration = LintConfiguration()
        let configPath = config ?? LintConfiguration.fileNames.first { FileManager.default.fileExists(atPath: $0) }
        if let configPath {
            guard let data = FileManager.default.contents(atPath: configPath) else {
                printError("vigil: cannot read configuration \(configPath)")
                throw ExitCode(2)
            }
            let (loaded, problems) = LintConfiguration.load(SourceFile(path: configPath, bytes: [UInt8](data)))
            if problems.contains(where: { $0.severity == .error }) {
                let reporter = TextReporter(color: false)
                for p in problems { printError(reporter.render(p, file: nil)) }
                printError("vigil: fix the configuration \(configPath) first")
                throw ExitCode(2)
            }
            configuration = loaded
        }
        configuration.exclude = (configuration.exclude ?? []) + exclude
        var settings: [String: String] = [:]
        for s in set {
            let parts = s.split(separator: "=", maxSplits: 1)
            settings[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
        }
        var knowledge: [any Sendable] = []
        for path in catalogue {
            let file = try readInput(path)
            let (loaded, problems) = MetricCatalogueKind.load(file)
            let reporter = TextReporter(color: false)
            for p in problems { printError(reporter.render(p, file: file)) }
            guard let loaded, !problems.contains(where: { $0.severity == .error }) else {
                printError("vigil: fix the catalogue \(path) first")
                throw ExitCode(2)
            }
            knowledge.append(loaded)
        }
        if let stack {
            let stackFile = try readInput(stack)
            let loaded = StackLintKnowledge.load(stackFile, environment: env)
            let reporter = TextReporter(color: false)
            for d in loaded.diagnostics where d.severity == .error {
                printError(reporter.render(d, file: d.file == stackFile.path ? stackFile : nil))
            }
            if loaded.knowledge.isEmpty {
                printError("vigil: fix the stack \(stack) first")
                throw ExitCode(2)
            }
            knowledge += loaded.knowledge
            for (key, value) in loaded.settings where settings[key] == nil { settings[key] = value }
        }
        if !rules.isEmpty {
            let loaded = RuleFilesKnowledge.load(rules)
            let reporter = TextReporter(color: false)
            for d in loaded.diagnostics { printError(reporter.render(d, file: loaded.sources[d.file])) }
            if loaded.diagnostics.contains(where: { $0.severity == .error }) {
                printError("vigil: fix the --rules files first")
                throw ExitCode(2)
            }
            knowledge = RuleFilesKnowledge.adding(loaded.alerts, to: knowledge)
        }
        var linter = Linter(registry: VigilRegistry.all, configuration: configuration,
                            options: LintOptions(settings: settings, knowledge: knowledge))
        linter.keepsLoadedDataUntilExit = true
        let result = await linter.lint(paths: paths)
        switch format {
        case .text: write(TextReporter(color: Terminal.wantsColor).render(result))
        case .json: write(JSONReporter().render(result))
        case .sarif: write(SARIFReporter(rules: VigilRegistry.all.allRules).render(result))
        case .github: write(GitHubReporter().render(result))
        }
        let ioOnly = !result.diagnostics.isEmpty && result.diagnostics.allSatisfy { $0.rule == CoreRules.io.id }
        if ioOnly && result.fileCount == 0 { throw ExitCode(2) }
        if result.count(.error) > 0 || (strict && result.count(.warning) > 0) { throw ExitCode(1) }
    }
}
