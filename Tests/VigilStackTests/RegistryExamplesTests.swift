import Testing
import VigilCore
import VigilElastic
import VigilStack

/// Every rule of the full registry documents itself with examples that behave as documented:
/// triggering examples produce the rule, non-triggering ones do not.
@Suite struct RegistryExamplesTests {
    static let linter = Linter(registry: VigilRegistry.all)
    /// The Logstash examples assume a logger that writes these fields (as the Elastic module's
    /// own example test does); without knowledge those checks stay silent by design.
    static let loggingLinter = Linter(registry: VigilRegistry.all,
                                      options: LintOptions(knowledge: [LoggingKnowledge(logFields: ["time", "level", "message", "logger"])]))
    static let ids = VigilRegistry.all.allRules.map(\.id)

    @Test func ruleIdsAreUniqueAndWellFormed() {
        #expect(Set(Self.ids).count == Self.ids.count)
        for id in Self.ids {
            let parts = id.split(separator: "/")
            #expect(parts.count == 2, "\(id) is not area/name")
            #expect(id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" || $0 == "/" }, "\(id) is not kebab-case")
        }
    }

    @Test(arguments: ids)
    func examplesBehaveAsDocumented(id: String) async throws {
        let rule = try #require(VigilRegistry.all.rule(id: id))
        #expect(!rule.triggering.isEmpty, "\(id) has no triggering example")
        #expect(!rule.nonTriggering.isEmpty, "\(id) has no non-triggering example")
        #expect(!rule.summary.isEmpty && !rule.rationale.isEmpty)
        let linter = id.hasPrefix("logstash/") ? Self.loggingLinter : Self.linter
        for example in rule.triggering {
            let result = await linter.lint(text: example.text, path: example.path)
            #expect(result.diagnostics.contains { $0.rule == id }, "\(id) did not trigger on \(example.path):\n\(example.text)")
        }
        for example in rule.nonTriggering {
            let result = await linter.lint(text: example.text, path: example.path)
            let hits = result.diagnostics.filter { $0.rule == id }
            #expect(hits.isEmpty, "\(id) triggered on \(example.path): \(hits.map(\.message))")
        }
    }
}
