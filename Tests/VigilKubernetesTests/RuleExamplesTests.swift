import Testing
import VigilCore
@testable import VigilKubernetes

/// Every Kubernetes rule's documented examples behave as documented: triggering examples
/// produce the rule, non-triggering ones do not.
@Suite struct RuleExamplesTests {
    static let ids = KubernetesLint.registry.allRules.map(\.id)

    @Test(arguments: ids)
    func triggeringExamplesTrigger(id: String) async throws {
        let rule = try #require(KubernetesLint.registry.rule(id: id))
        #expect(!rule.triggering.isEmpty)
        for example in rule.triggering {
            let result = await kubernetesLinter.lint(text: example.text, path: example.path)
            #expect(result.diagnostics.contains { $0.rule == id }, "\(id) did not trigger on:\n\(example.text)\n\(result.diagnostics.map { "\($0.rule): \($0.message)" })")
        }
    }

    @Test(arguments: ids)
    func nonTriggeringExamplesDoNot(id: String) async throws {
        let rule = try #require(KubernetesLint.registry.rule(id: id))
        #expect(!rule.nonTriggering.isEmpty)
        for example in rule.nonTriggering {
            let result = await kubernetesLinter.lint(text: example.text, path: example.path)
            #expect(!result.diagnostics.contains { $0.rule == id }, "\(id) triggered on:\n\(example.text)\n\(result.diagnostics.filter { $0.rule == id }.map(\.message))")
        }
    }

    /// Examples are valid manifests apart from the defect they show: no schema or YAML errors
    /// sneak in through a typo in an example.
    @Test(arguments: ids)
    func examplesParseCleanly(id: String) async throws {
        let rule = try #require(KubernetesLint.registry.rule(id: id))
        for example in rule.triggering + rule.nonTriggering {
            let result = await kubernetesLinter.lint(text: example.text, path: example.path)
            let foreign = result.diagnostics.filter { $0.rule.hasPrefix("yaml/") || $0.rule.hasPrefix("schema/") }
            #expect(foreign.isEmpty, "\(id) example has parse problems: \(foreign.map(\.message))\n\(example.text)")
        }
    }

    @Test func ruleIdsAreKebabCaseAreaSlashName() {
        for id in Self.ids {
            let parts = id.split(separator: "/")
            #expect(parts.count == 2, "\(id)")
            #expect(id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" || $0 == "/" }, "\(id)")
        }
        #expect(Set(Self.ids).count == Self.ids.count)
    }
}
