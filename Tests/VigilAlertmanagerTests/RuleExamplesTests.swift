import Testing
import VigilAlertmanager
import VigilCore

/// Every Alertmanager rule's examples behave as documented (they are `vigil explain`'s text).
@Suite struct RuleExamplesTests {
    static let ids = AlertmanagerLint.registry.allRules.map(\.id)

    @Test func everyRuleIsAnAlertmanagerRuleWithExamples() {
        #expect(Self.ids.count == AlertmanagerLint.parityChecks.count + AlertmanagerLint.designChecks.count)
        for rule in AlertmanagerLint.registry.allRules {
            #expect(rule.area == "alertmanager", "\(rule.id)")
            #expect(!rule.triggering.isEmpty && !rule.nonTriggering.isEmpty, "\(rule.id)")
            #expect(rule.id.allSatisfy { $0.isLowercase || $0 == "-" || $0 == "/" }, "\(rule.id) is not kebab-case")
        }
        #expect(Set(Self.ids).count == Self.ids.count)
    }

    @Test(arguments: ids)
    func triggeringExamplesTrigger(id: String) async throws {
        let rule = try #require(AlertmanagerLint.registry.rule(id: id))
        for example in rule.triggering {
            let result = await Support.linter.lint(text: example.text, path: example.path)
            #expect(result.diagnostics.contains { $0.rule == id }, "\(id) did not trigger on:\n\(example.text)")
        }
    }

    @Test(arguments: ids)
    func nonTriggeringExamplesDoNot(id: String) async throws {
        let rule = try #require(AlertmanagerLint.registry.rule(id: id))
        for example in rule.nonTriggering {
            let result = await Support.linter.lint(text: example.text, path: example.path)
            let found = result.diagnostics.filter { $0.rule == id }.map(\.message)
            #expect(found.isEmpty, "\(id) triggered on:\n\(example.text)\n\(found)")
        }
    }

    /// Non-triggering examples of parity rules are configs amtool accepts: they carry no
    /// error of any rule.
    @Test(arguments: AlertmanagerLint.parityChecks.map { $0.rule.id })
    func parityNonTriggeringExamplesAreValid(id: String) async throws {
        let rule = try #require(AlertmanagerLint.registry.rule(id: id))
        for example in rule.nonTriggering {
            let errors = await Support.errors(example.text)
            #expect(errors.isEmpty, "\(id): \(errors.map(\.message))")
        }
    }
}
