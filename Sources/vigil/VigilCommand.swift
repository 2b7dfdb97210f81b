import ArgumentParser
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
}
