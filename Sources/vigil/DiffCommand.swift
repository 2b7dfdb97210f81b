import ArgumentParser
import Foundation
import Vigil

extension DiffFormat: ExpressibleByArgument {}

/// `vigil diff A B`: semantic diff of two files or two directories;
/// `vigil diff --env E1 --env E2 [vigil.yaml]`: of two environments rendered in memory.
struct DiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two files, two directories or two environments of a stack semantically (key order, formatting and reformatted PromQL are no change).",
        usage: """
        vigil diff OLD NEW [--format F] [--ignore PATH…]
        vigil diff --env OLD_ENV --env NEW_ENV [vigil.yaml] [--format F] [--ignore PATH…]
        """,
        discussion: """
        Kubernetes objects are matched across files by apiVersion/kind/namespace/name, list items \
        by identity (name, alert/record, job_name, route matchers, panel id…). Secrets are masked. \
        `-` reads one side from standard input. With --env twice, the stack (default ./vigil.yaml) \
        is rendered for both environments in memory and the two file sets are compared by path. \
        Exit status: 0 same, 1 different, 2 trouble.
        """
    )

    @Argument(help: "Two files or directories: old, then new (`-` for standard input); with --env, the stack file (default: vigil.yaml).")
    var paths: [String] = []

    @Option(name: .long, help: "An environment of the stack; give it twice, old then new, e.g. --env staging --env production.")
    var env: [String] = []

    @Option(name: .long, help: "Output format: text, brief, json or github.")
    var format: DiffFormat = .text

    @Option(name: .long, help: "Ignore changes at paths matching this glob, e.g. 'metadata.annotations' or '**.image' (repeatable).")
    var ignore: [String] = []

    @Option(name: .long, help: "Configuration file with diff.ignore patterns (default: ./.vigil.yaml when present).")
    var config: String?

    func validate() throws {
        if env.isEmpty {
            guard paths.count == 2 else {
                throw ValidationError("give two files or directories to compare (vigil diff OLD NEW), or two environments (vigil diff --env staging --env production [vigil.yaml])")
            }
            return
        }
        guard env.count == 2 else {
            throw ValidationError("--env is given exactly twice, old then new: vigil diff --env staging --env production [vigil.yaml]")
        }
        guard paths.count <= 1 else {
            throw ValidationError("with --env, give at most one stack file (default: vigil.yaml), not \(paths.count) paths")
        }
    }

    func run() async throws {
        let patterns = try ignorePatterns()
        let color = Terminal.wantsColor
        let outcome: DiffTool.Outcome
        if env.isEmpty {
            outcome = DiffTool.run(old: paths[0], new: paths[1], format: format, ignore: patterns, color: color) {
                [UInt8](FileHandle.standardInput.readDataToEndOfFile())
            }
        } else {
            outcome = try environmentOutcome(stack: paths.first ?? "vigil.yaml", ignore: patterns, color: color)
        }
        FileHandle.standardOutput.write(Data(outcome.output.utf8))
        if !outcome.errors.isEmpty { FileHandle.standardError.write(Data(outcome.errors.utf8)) }
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }

    /// Renders the stack for both environments in memory and compares the two file sets,
    /// paired by the path each file would have under `vigil render --out`.
    private func environmentOutcome(stack: String, ignore patterns: [String], color: Bool) throws -> DiffTool.Outcome {
        let file = try readInput(stack)
        var sides: [[String: SourceFile]] = []
        var trouble = false
        let reporter = TextReporter(color: false)
        var printed = Set<String>()  // a problem of the shared stack shows once, not once per environment
        for e in env {
            let (resolved, problems) = StackLoader.load(file, environment: e, readFile: StackFiles.reader(relativeTo: file.path))
            for p in problems where p.severity == .error {
                let text = reporter.render(p, file: p.file == file.path ? file : nil)
                if printed.insert(text).inserted { printError(text) }
            }
            guard let resolved, !problems.contains(where: { $0.severity == .error }) else {
                trouble = true
                continue
            }
            var tree: [String: SourceFile] = [:]
            for f in StackRenderer(stack: resolved.stack).render() {
                tree[f.path] = SourceFile(path: StackValidation.displayPath(stack: file, environment: e, file: f.path), bytes: f.bytes)
            }
            sides.append(tree)
        }
        if trouble || sides.count != 2 {
            printError("vigil: the stack could not be resolved for both environments; nothing was compared")
            throw ExitCode(2)
        }
        let options = DiffOptions(ignore: patterns.map(IgnorePattern.init), oldLabel: env[0], newLabel: env[1])
        return DiffTool.outcome(SemanticDiff.diff(old: sides[0], new: sides[1], options: options), format: format, color: color)
    }

    /// `--ignore` patterns after the `diff.ignore` ones of the configuration file.
    private func ignorePatterns() throws -> [String] {
        var patterns = ignore
        let configPath = config ?? [".vigil.yaml", ".vigil.yml"].first { FileManager.default.fileExists(atPath: $0) }
        if let configPath {
            guard let data = FileManager.default.contents(atPath: configPath) else {
                FileHandle.standardError.write(Data("vigil: cannot read configuration \(configPath)\n".utf8))
                throw ExitCode(2)
            }
            let (fromConfig, problems) = DiffTool.ignorePatterns(fromConfiguration: SourceFile(path: configPath, bytes: [UInt8](data)))
            if problems.contains(where: { $0.severity == .error }) {
                let reporter = TextReporter(color: false)
                for p in problems { FileHandle.standardError.write(Data(reporter.render(p, file: nil).utf8)) }
                throw ExitCode(2)
            }
            patterns = fromConfig + patterns
        }
        return patterns
    }
}
