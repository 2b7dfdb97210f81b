import VigilAlertmanager
import VigilCore
import VigilPrometheus

/// `vigil lint --stack vigil.yaml PATH…`: what a stack knows, applied to configs it did not
/// write — its catalogue, its service's health endpoints, its scrape and evaluation intervals,
/// and the alerts its rules emit (so a hand-written Alertmanager config is checked against them).
public enum StackLintKnowledge {
    public struct Loaded: Sendable {
        /// Knowledge for `LintOptions.knowledge`.
        public var knowledge: [any Sendable]
        /// Settings for `LintOptions.settings` (the user's own settings win).
        public var settings: [String: String]
        /// The environment whose view was taken (nil: the stack has none).
        public var environment: String?
        /// Problems of the stack file itself.
        public var diagnostics: [Diagnostic]
    }

    /// Loads `file` for `environment` (default: the first environment the stack declares).
    /// Returns nil knowledge when the stack does not resolve; the diagnostics say why.
    public static func load(_ file: SourceFile, environment: String? = nil) -> Loaded {
        let environments = StackLoader.environments(of: file)
        let chosen = environment ?? environments.first
        if let environment, !environments.contains(environment) {
            let known = environments.isEmpty ? "it declares none" : "it declares " + environments.joined(separator: ", ")
            return Loaded(knowledge: [], settings: [:], environment: environment, diagnostics: [
                Diagnostic(rule: CoreRules.io.id, severity: .error, message: "the stack has no environment \"\(environment)\": \(known)",
                           file: file.path, range: nil, hint: nil)])
        }
        let (resolved, diagnostics) = StackLoader.load(file, environment: chosen, readFile: StackFiles.reader(relativeTo: file.path))
        guard let resolved, !diagnostics.contains(where: { $0.severity == .error }) else {
            return Loaded(knowledge: [], settings: [:], environment: chosen, diagnostics: diagnostics)
        }
        var knowledge = StackKnowledge.knowledge(for: resolved)
        knowledge.append(KnownAlerts(renderedAlerts(of: resolved)))
        var settings: [String: String] = [:]
        let scrape = resolved.stack.scrape
        settings["scrape-interval"] = (scrape?.effectiveInterval ?? Duration(seconds: 30)).description
        settings["evaluation-interval"] = (scrape?.effectiveEvaluationInterval ?? Duration(seconds: 30)).description
        return Loaded(knowledge: knowledge, settings: settings, environment: chosen, diagnostics: diagnostics)
    }

    /// The alerts of the rule files the stack renders for its environment.
    static func renderedAlerts(of resolved: ResolvedStack) -> [KnownAlert] {
        let registry = PrometheusLint.registry
        var alerts: [KnownAlert] = []
        for rendered in StackRenderer(stack: resolved.stack).render() where rendered.path.hasPrefix("prometheus/rules/") {
            let file = SourceFile(path: StackValidation.displayPath(stack: resolved.file, environment: resolved.stack.environment, file: rendered.path),
                                  bytes: rendered.bytes)
            for case let rules as RuleFile in registry.decode(file: file).artifacts { alerts += rules.knownAlerts }
        }
        return alerts
    }
}
