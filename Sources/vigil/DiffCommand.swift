import ArgumentParser
import Foundation
import VigilCore
import VigilDiff

extension DiffFormat: ExpressibleByArgument {}

/// `vigil diff A B`: semantic diff of two files or two directories.
struct DiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two files or two directories semantically (key order, formatting and reformatted PromQL are no change).",
        discussion: """
        Kubernetes objects are matched across files by apiVersion/kind/namespace/name, list items \
        by identity (name, alert/record, job_name, route matchers, panel id…). Secrets are masked. \
        `-` reads one side from standard input. Exit status: 0 same, 1 different, 2 trouble.
        """
    )

    @Argument(help: "The old file or directory (`-` for standard input).")
    var old: String

    @Argument(help: "The new file or directory (`-` for standard input).")
    var new: String

    @Option(name: .long, help: "Output format: text, brief, json or github.")
    var format: DiffFormat = .text

    @Option(name: .long, help: "Ignore changes at paths matching this glob, e.g. 'metadata.annotations' or '**.image' (repeatable).")
    var ignore: [String] = []

    @Option(name: .long, help: "Configuration file with diff.ignore patterns (default: ./.vigil.yaml when present).")
    var config: String?

    func run() async throws {
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
        let color = ProcessInfo.processInfo.environment["NO_COLOR"].map { $0.isEmpty } ?? true
            && ProcessInfo.processInfo.environment["TERM"] != "dumb" && isatty(STDOUT_FILENO) == 1
        let outcome = DiffTool.run(old: old, new: new, format: format, ignore: patterns, color: color) {
            [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        }
        FileHandle.standardOutput.write(Data(outcome.output.utf8))
        if !outcome.errors.isEmpty { FileHandle.standardError.write(Data(outcome.errors.utf8)) }
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }
}
