import ArgumentParser
import Foundation
import Vigil

/// The `vigil` command: monitoring as code.
@main
struct VigilCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vigil",
        abstract: "Validate, render and diff a monitoring stack: Prometheus, Alertmanager, Kubernetes, Grafana, ELK.",
        version: VigilVersion.current,
        subcommands: [LintCommand.self, RenderCommand.self, DiffCommand.self, InitCommand.self, RoutesCommand.self, CardinalityCommand.self, PromQLCommand.self, RulesCommand.self, ExplainCommand.self]
    )

    /// Runs the command; usage errors exit 2 as every Vigil command documents (ArgumentParser's
    /// own default is 64), everything else keeps its status.
    static func main() async {
        // First of all: a restart on huge pages (see `HugePagePolicy`) costs least before the
        // arguments are parsed and any task runs (7 ms of a 150 ms lint when it came later).
        if let inputs = ProcessTuning.lintInputs(CommandLine.arguments) {
            ProcessTuning.useHugePages(forInputs: inputs)
        }
        ProcessTuning.apply()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
