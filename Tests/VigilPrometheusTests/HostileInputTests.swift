import Testing
import VigilCore
@testable import VigilPrometheus

/// Rule files built to exhaust the tool get a diagnostic that names the limit or the syntax
/// error, never a crash: PromQL nested a million levels deep, templates with unclosed actions,
/// templates nested past the parser's bounds.
@Suite("Hostile input: rule files and templates")
struct HostileInputTests {
    func ruleFile(expr: String = "up == 0", summary: String = "ok") -> String {
        "groups:\n- name: g\n  rules:\n  - alert: A\n    expr: '\(expr)'\n    annotations:\n      summary: '\(summary)'\n"
    }

    @Test func millionNestedParenthesesInAnExpressionNameTheLimit() async throws {
        let n = 1_000_000
        let result = await TestLinter.lint(ruleFile(expr: String(repeating: "(", count: n) + "1" + String(repeating: ")", count: n)))
        let d = try #require(result.diagnostics.first { $0.rule == "promql/invalid-expression" })
        #expect(d.message.contains("expression nesting too deep (more than 500 levels)"))
        #expect(d.range?.start.line == 5)
    }

    @Test(arguments: [
        ("{{ $labels.instance ", "unclosed action"),
        ("{{ if .Labels.x }} {{ .Labels.y ", "unclosed action"),
        ("{{ if .Labels.x }} down", "{{if}} is never closed with {{end}}"),
        ("{{ (index $labels \"x\" }}", "unclosed left paren"),
        ("{{/* never closed ", "unclosed comment"),
        ("{{ \"unterminated }}", "unterminated quoted string"),
    ])
    func unclosedActionsAreSyntaxErrors(template: String, message: String) throws {
        let t = GoTemplate.parse(template)
        let e = try #require(t.error, "\(template) parsed")
        #expect(e.message.contains(message), "\(template): \(e.message)")
        #expect(e.range.lowerBound >= 0 && e.range.upperBound <= template.utf8.count)
    }

    @Test func unclosedActionInARuleFileIsReportedAtItsLine() async throws {
        let result = await TestLinter.lint(ruleFile(summary: "{{ if .Labels.x }} {{ .Labels.y "))
        let d = try #require(result.diagnostics.first { $0.rule == "rules/invalid-template" })
        #expect(d.message.contains("unclosed action"))
        #expect(d.range?.start.line == 7)
    }

    /// Regression: every parenthesis recursed without a bound; 100 000 crashed with a stack overflow.
    @Test func deeplyParenthesisedTemplateNamesTheLimit() async throws {
        let n = 100_000
        let template = "{{ " + String(repeating: "(", count: n) + "1" + String(repeating: ")", count: n) + " }}"
        let e = try #require(GoTemplate.parse(template).error)
        #expect(e.message == "max expression depth exceeded (more than \(TemplateParser.maxParenDepth) nested parentheses)")
        let result = await TestLinter.lint(ruleFile(summary: template))
        #expect(result.diagnostics.contains { $0.rule == "rules/invalid-template" && $0.message.contains("max expression depth exceeded") })
    }

    @Test func parenthesesBelowTheLimitParse() {
        let n = TemplateParser.maxParenDepth
        let template = "{{ " + String(repeating: "(", count: n) + "1" + String(repeating: ")", count: n) + " }}"
        #expect(GoTemplate.parse(template).error == nil)
    }

    @Test func deeplyNestedBlocksNameTheLimit() throws {
        let n = 50_000
        let template = String(repeating: "{{ with . }}", count: n) + String(repeating: "{{ .Labels.x }}", count: n) + String(repeating: "{{ end }}", count: n)
        let e = try #require(GoTemplate.parse(template).error)
        #expect(e.message == "blocks nested deeper than \(TemplateParser.maxBlockDepth) levels")
        let fine = String(repeating: "{{ if true }}", count: 200) + "{{ $labels.x }}" + String(repeating: "{{ end }}", count: 200)
        #expect(GoTemplate.parse(fine).error == nil)
    }
}
