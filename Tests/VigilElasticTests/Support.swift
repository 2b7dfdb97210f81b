import Foundation
import Testing
import VigilCore
import VigilKubernetes
@testable import VigilElastic

/// The linter every test uses: the foundation's rules, Kubernetes' and Elastic's.
let elasticLinter = Linter(registry: CoreRules.registry.merging(KubernetesLint.registry).merging(ElasticLint.registry))

/// Lints one text as a file, optionally with knowledge.
func lint(_ text: String, path: String = "manifest.yaml", knowledge: [any Sendable] = []) async -> LintResult {
    if knowledge.isEmpty { return await elasticLinter.lint(text: text, path: path) }
    let linter = Linter(registry: elasticLinter.registry, options: LintOptions(knowledge: knowledge))
    return await linter.lint(text: text, path: path)
}

/// The diagnostics of one rule.
func findings(_ result: LintResult, _ rule: String) -> [Diagnostic] {
    result.diagnostics.filter { $0.rule == rule }
}

/// The directory of fixtures beside the tests.
let fixturesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

func fixture(_ path: String) throws -> String {
    try String(contentsOf: fixturesDirectory.appendingPathComponent(path), encoding: .utf8)
}

func parse(_ text: String) throws -> LogstashPipeline {
    try LogstashParser().parse(text)
}
