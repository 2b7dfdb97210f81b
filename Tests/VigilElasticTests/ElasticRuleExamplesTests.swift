import Testing
import VigilCore
import VigilKubernetes
@testable import VigilElastic

/// Every Elastic rule's examples behave as documented. Knowledge-driven rules see a structured
/// logger writing `time`, `level`, `message` and `logger` (as their rationale says).
@Suite struct ElasticRuleExamplesTests {
    static let knowledge: [any Sendable] = [LoggingKnowledge(logFields: ["time", "level", "message", "logger"])]
    static let ids = ElasticLint.registry.allRules.map(\.id)

    @Test(arguments: ids)
    func triggeringExamplesTrigger(id: String) async throws {
        let rule = try #require(ElasticLint.registry.rule(id: id))
        #expect(!rule.triggering.isEmpty)
        for example in rule.triggering {
            let result = await lint(example.text, path: example.path, knowledge: Self.knowledge)
            #expect(result.diagnostics.contains { $0.rule == id }, "\(id) did not trigger on: \(example.text)\n\(result.diagnostics)")
        }
    }

    @Test(arguments: ids)
    func nonTriggeringExamplesDoNot(id: String) async throws {
        let rule = try #require(ElasticLint.registry.rule(id: id))
        #expect(!rule.nonTriggering.isEmpty)
        for example in rule.nonTriggering {
            let result = await lint(example.text, path: example.path, knowledge: Self.knowledge)
            #expect(!result.diagnostics.contains { $0.rule == id }, "\(id) triggered on: \(example.text)\n\(result.diagnostics)")
        }
    }

    /// Non-triggering examples are clean of syntax errors, so they show correct Logstash.
    @Test(arguments: ids)
    func examplesParse(id: String) async throws {
        let rule = try #require(ElasticLint.registry.rule(id: id))
        for example in rule.nonTriggering + rule.triggering where id != "logstash/syntax" {
            let result = await lint(example.text, path: example.path, knowledge: Self.knowledge)
            #expect(!result.diagnostics.contains { $0.rule == "logstash/syntax" || $0.rule == "yaml/syntax" }, "\(id): \(result.diagnostics)")
        }
    }

    @Test func ruleIDsAreKebabCaseInTheirAreas() {
        for id in Self.ids {
            let parts = id.split(separator: "/")
            #expect(parts.count == 2)
            #expect(["logstash", "elastic", "filebeat", "kibana"].contains(String(parts[0])), "\(id)")
            #expect(parts[1].allSatisfy { $0.isLowercase || $0 == "-" || $0.isNumber }, "\(id)")
        }
    }
}
