import Testing
import VigilCore
@testable import VigilPrometheus

/// `rules/duplicate-rule`: same name and same labels, each duplicate pointing at the first rule
/// with its labels.
@Suite struct DuplicateRuleTests {
    @Test func eachDuplicateNamesTheFirstRuleWithItsLabels() async {
        let text = """
        groups:
          - name: a
            rules:
              - {alert: Down, expr: up == 0, labels: {severity: warning}}
              - {alert: Down, expr: up == 0, labels: {severity: critical}}
              - {alert: Other, expr: up == 0, labels: {severity: warning}}
          - name: b
            rules:
              - {alert: Down, expr: up == 0, labels: {severity: warning}}
              - {alert: Down, expr: up == 0, labels: {severity: critical}}
              - {alert: Down, expr: up == 0, labels: {severity: critical, team: x}}
              - {record: 'job:up:sum', expr: sum by (job) (up)}
              - {record: 'job:up:sum', expr: sum by (job) (up)}

        """
        let found = await TestLinter.lint(text).diagnostics.filter { $0.rule == DuplicateRule.rule.id }
        #expect(found.map { $0.range?.start.line ?? 0 } == [9, 10, 13])
        #expect(found.map { $0.notes.first?.range?.start.line ?? 0 } == [4, 5, 12])
    }

    @Test func labelOrderDoesNotMatter() async {
        let text = """
        groups:
          - name: a
            rules:
              - {alert: Down, expr: up == 0, labels: {severity: warning, team: x}}
              - {alert: Down, expr: up == 0, labels: {team: x, severity: warning}}

        """
        let found = await TestLinter.lint(text).diagnostics.filter { $0.rule == DuplicateRule.rule.id }
        #expect(found.count == 1)
    }
}
