import VigilCore
import VigilElastic
import VigilKubernetes
import VigilPrometheus

/// What a stack tells the checks about hand-written or rendered configs: its metric catalogue
/// and its service's health endpoints and start-up time.
public enum StackKnowledge {
    public static func knowledge(for resolved: ResolvedStack) -> [any Sendable] {
        let s = resolved.stack
        let health = ServiceHealthKnowledge(services: [ServiceHealthKnowledge.Service(
            name: s.service.name,
            startupTime: s.probes?.startup?.budget ?? s.service.startupTime,
            dependencyCheckingPaths: s.probes?.dependencyEndpoints ?? [])])
        var knowledge: [any Sendable] = [resolved.catalogue, health, resolved]
        if let logging = s.logging {
            // The service's logger writes `fields`; Filebeat adds `service` and `environment`
            // under `fields` (fields_under_root: false), which the pipeline tests.
            knowledge.append(LoggingKnowledge(logFields: logging.fields, filebeatFields: ["service", "environment"], fieldsUnderRoot: false))
        }
        return knowledge
    }
}

/// Renders a resolved stack and lints the output in memory with the stack's knowledge.
public enum StackValidation {
    /// The display path of a rendered file: `vigil.yaml@production/prometheus/prometheus.yml`.
    public static func displayPath(stack: SourceFile, environment: String?, file: String) -> String {
        "\(stack.path)@\(environment ?? "base")/\(file)"
    }

    /// The rendered files and every finding in them.
    public static func validate(_ resolved: ResolvedStack, format: StackRenderer.Format = .yaml,
                                configuration: LintConfiguration = LintConfiguration()) -> (files: [RenderedFile], result: LintResult) {
        let files = StackRenderer(stack: resolved.stack, format: format).render()
        let sources = files.map { SourceFile(path: displayPath(stack: resolved.file, environment: resolved.stack.environment, file: $0.path), bytes: $0.bytes) }
        let linter = Linter(registry: VigilRegistry.all, configuration: configuration,
                            options: LintOptions(knowledge: StackKnowledge.knowledge(for: resolved)))
        return (files, linter.lintSynchronously(files: sources))
    }
}
