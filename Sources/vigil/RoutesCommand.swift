import ArgumentParser
import Foundation
import VigilAlertmanager
import VigilCore

/// `vigil routes show CONFIG` · `vigil routes test CONFIG label=value…`: the Alertmanager
/// routing tree and where an alert goes, printed as amtool prints them.
struct RoutesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "routes",
        abstract: "Show an Alertmanager routing tree, or test which receivers an alert reaches.",
        discussion: """
        Output matches `amtool config routes`. The config is checked first; an invalid config \
        exits 2 with its errors. `-` reads the config from standard input.
        """,
        subcommands: [Show.self, Test.self],
        defaultSubcommand: Show.self
    )

    /// Reads a config path or `-`.
    static func read(_ path: String) throws -> String {
        switch SourceFile.read(path) {
        case .success(let file): return String(decoding: file.bytes, as: UTF8.self)
        case .failure(let error): throw RoutesCommandError(message: "\(path): cannot read file: \(error.message)")
        }
    }

    static func emit(_ out: RoutesTool.Output) throws {
        FileHandle.standardOutput.write(Data(out.stdout.utf8))
        FileHandle.standardError.write(Data(out.stderr.utf8))
        if out.exitCode != 0 { throw ExitCode(out.exitCode) }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the routing tree: matchers, continue and receiver of every route.")

        @Argument(help: "Alertmanager config file, or a ConfigMap or Secret manifest holding one (`-` for standard input).")
        var config: String

        func run() async throws {
            let text: String
            do { text = try RoutesCommand.read(config) } catch let e as RoutesCommandError {
                FileHandle.standardError.write(Data("error: \(e.message)\n".utf8))
                throw ExitCode(2)
            }
            try RoutesCommand.emit(await RoutesTool.show(text: text, path: config))
        }
    }

    struct Test: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the receivers an alert with the given labels reaches, in routing order.",
            discussion: "Exit status: 0 routed (and matching --verify-receivers), 1 receivers differ from --verify-receivers, 2 invalid config or labels.")

        @Argument(help: "Alertmanager config file, or a ConfigMap or Secret manifest holding one (`-` for standard input).")
        var config: String

        @Argument(help: "Alert labels, name=value (values may be double-quoted).")
        var labels: [String] = []

        @Option(name: .long, help: "Expected receivers, comma-separated in routing order (like amtool's --verify.receivers).")
        var verifyReceivers: String?

        @Flag(name: .long, help: "Also print the matching branches of the tree.")
        var tree = false

        func run() async throws {
            let text: String
            do { text = try RoutesCommand.read(config) } catch let e as RoutesCommandError {
                FileHandle.standardError.write(Data("error: \(e.message)\n".utf8))
                throw ExitCode(2)
            }
            try RoutesCommand.emit(await RoutesTool.test(text: text, path: config, labels: labels,
                                                         verifyReceivers: verifyReceivers, tree: tree))
        }
    }
}

struct RoutesCommandError: Error {
    let message: String
}
