import Testing
import VigilCore

/// Every foundation rule's examples behave as documented.
@Suite struct CoreRuleExamplesTests {
    static let linter = Linter(registry: CoreRules.registry)

    @Test(arguments: CoreRules.registry.allRules.map(\.id))
    func triggeringExamplesTrigger(id: String) async throws {
        let rule = try #require(CoreRules.registry.rule(id: id))
        #expect(!rule.triggering.isEmpty)
        for example in rule.triggering {
            let result = await Self.linter.lint(text: example.text, path: example.path)
            #expect(result.diagnostics.contains { $0.rule == id }, "\(id) did not trigger on: \(example.text)")
        }
    }

    @Test(arguments: CoreRules.registry.allRules.map(\.id))
    func nonTriggeringExamplesDoNot(id: String) async throws {
        let rule = try #require(CoreRules.registry.rule(id: id))
        #expect(!rule.nonTriggering.isEmpty)
        for example in rule.nonTriggering {
            let result = await Self.linter.lint(text: example.text, path: example.path)
            #expect(!result.diagnostics.contains { $0.rule == id }, "\(id) triggered on: \(example.text)")
        }
    }

    @Test func configurationSilencesAndRaisesRules() async {
        let config = LintConfiguration(rules: ["yaml/duplicate-key": .off, "yaml/syntax": .warning])
        let linter = Linter(registry: CoreRules.registry, configuration: config)
        let dup = await linter.lint(text: "a: 1\na: 2\n", path: "x.yaml")
        #expect(dup.diagnostics.isEmpty)
        let bad = await linter.lint(text: "a: [\n", path: "x.yaml")
        #expect(bad.diagnostics.first?.severity == .warning)
    }

    @Test func overridesApplyPerPath() async {
        let config = LintConfiguration(overrides: [.init(paths: ["legacy/**"], rules: ["yaml/duplicate-key": .off])])
        let linter = Linter(registry: CoreRules.registry, configuration: config)
        #expect(await linter.lint(text: "a: 1\na: 2\n", path: "legacy/x/y.yaml").diagnostics.isEmpty)
        #expect(await linter.lint(text: "a: 1\na: 2\n", path: "current/y.yaml").diagnostics.count == 1)
    }

    @Test func ignoreCommentSilencesOneFinding() async {
        let r = await Self.linter.lint(text: "a: 1\n# vigil:ignore yaml/duplicate-key\na: 2\na: 3\n", path: "x.yaml")
        #expect(r.diagnostics.count == 1)
        #expect(r.diagnostics.first?.range?.start.line == 4)
    }
}
