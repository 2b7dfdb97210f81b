import Testing
import VigilCore
@testable import VigilKubernetes

/// The linter every test uses: the foundation's rules plus Kubernetes'.
let kubernetesLinter = Linter(registry: CoreRules.registry.merging(KubernetesLint.registry))

/// Lints one text as a file, optionally with stack knowledge.
func lint(_ text: String, path: String = "manifest.yaml", knowledge: [any Sendable] = []) async -> LintResult {
    if knowledge.isEmpty { return await kubernetesLinter.lint(text: text, path: path) }
    let linter = Linter(registry: kubernetesLinter.registry, options: LintOptions(knowledge: knowledge))
    return await linter.lint(text: text, path: path)
}

/// The rule ids of a result's findings, sorted and unique.
func ruleIDs(_ result: LintResult) -> [String] {
    Array(Set(result.diagnostics.map(\.rule))).sorted()
}
