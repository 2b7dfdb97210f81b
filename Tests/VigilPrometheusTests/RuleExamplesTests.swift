import Testing
import VigilCore
@testable import VigilPrometheus

/// Every Prometheus rule's examples behave as documented.
@Suite struct RuleExamplesTests {
    static let linter = TestLinter.make()

    @Test(arguments: PrometheusLint.registry.allRules.map(\.id))
    func triggeringExamplesTrigger(id: String) async throws {
        let rule = try #require(PrometheusLint.registry.rule(id: id))
        #expect(!rule.triggering.isEmpty)
        for example in rule.triggering {
            let result = await Self.linter.lint(text: example.text, path: example.path)
            #expect(result.diagnostics.contains { $0.rule == id }, "\(id) did not trigger on: \(example.text)\n\(result.diagnostics)")
        }
    }

    @Test(arguments: PrometheusLint.registry.allRules.map(\.id))
    func nonTriggeringExamplesDoNot(id: String) async throws {
        let rule = try #require(PrometheusLint.registry.rule(id: id))
        #expect(!rule.nonTriggering.isEmpty)
        for example in rule.nonTriggering {
            let result = await Self.linter.lint(text: example.text, path: example.path)
            #expect(!result.diagnostics.contains { $0.rule == id }, "\(id) triggered on: \(example.text)\n\(result.diagnostics)")
            #expect(!result.diagnostics.contains { $0.severity == .error }, "errors in a non-triggering example of \(id): \(result.diagnostics)")
        }
    }

    @Test func ruleIdsAreKebabCaseAndUnique() {
        let ids = PrometheusLint.registry.allRules.map(\.id)
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(id.wholeMatch(of: /[a-z]+\/[a-z0-9]+(-[a-z0-9]+)*/) != nil, "\(id)")
        }
    }
}
