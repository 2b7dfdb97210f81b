import Testing
import VigilCore
@testable import VigilPrometheus

/// Rule checks run by slices of rules on all cores; what they find must be exactly what each
/// check finds over all rules at once.
@Suite struct SlicedRuleChecksTests {
    /// `count` alerts in groups of 50: every fifth reads rate() without `for`, every seventh
    /// divides a metric by itself, every third anchors a regex, every eleventh's annotation reads
    /// a label its aggregation drops.
    static func rules(_ count: Int) -> String {
        var text = "groups:\n"
        for i in 0..<count {
            if i % 50 == 0 { text += "  - name: group-\(i / 50)\n    rules:\n" }
            let expr: String
            if i % 7 == 0 {
                expr = "rate(http_requests_total{code=~\"5..\"}[5m]) / rate(http_requests_total[5m]) > 0.05"
            } else if i % 3 == 0 {
                expr = "up{job=~\"^api\(i)$\"} == 0"
            } else if i % 11 == 0 {
                expr = "sum by (job) (rate(errors_total[5m])) > 1"
            } else {
                expr = "rate(requests_total{job=\"j\(i)\"}[5m]) > 10"
            }
            text += "      - alert: Alert\(i)\n        expr: '\(expr)'\n"
            if i % 5 != 0 { text += "        for: 10m\n" }
            text += "        labels: {severity: warning}\n"
            text += "        annotations: {summary: '{{ $labels.\(i % 11 == 0 ? "instance" : "job") }} is failing'}\n"
        }
        return text
    }

    static let linter = Linter(registry: CoreRules.registry.merging(PrometheusLint.registry))

    static func lines(_ result: LintResult) -> [String] {
        result.diagnostics.map { "\($0.range?.start.line ?? 0):\($0.range?.start.column ?? 0) \($0.rule) \($0.message)" }
    }

    @Test func slicedChecksFindWhatWholeChecksFind() async {
        let count = 3 * CheckSlicing.itemsPerSlice + 17
        let text = Self.rules(count)
        let file = SourceFile(path: "rules.yaml", text: text)
        let sliced = await Self.linter.lint(files: [file])
        let whole = Self.linter.lintSynchronously(files: [file])
        let found = Self.lines(sliced)
        #expect(found == Self.lines(whole))
        let byRule = Dictionary(grouping: sliced.diagnostics, by: \.rule).mapValues(\.count)
        #expect(byRule["alerts/rate-without-for"] == (0..<count).filter { $0 % 5 == 0 && !($0 % 3 == 0 && $0 % 7 != 0) }.count)
        #expect(byRule["promql/self-ratio"] == (0..<count).filter { $0 % 7 == 0 }.count)
        #expect(byRule["promql/regex-anchors"] == (0..<count).filter { $0 % 3 == 0 && $0 % 7 != 0 }.count)
        #expect(byRule["alerts/template-label-missing"] == (0..<count).filter { $0 % 11 == 0 && $0 % 7 != 0 && $0 % 3 != 0 }.count)
        // The last slice ran: a finding on the last rules of the file.
        let lastAlertLine = (text.components(separatedBy: "\n").lastIndex { $0.contains("- alert: Alert\(count - 1)") } ?? 0) + 1
        #expect(sliced.diagnostics.contains { ($0.range?.start.line ?? 0) >= lastAlertLine - 60 })
    }

    @Test func ruleChecksAreSlicedAndCrossRuleChecksAreNot() {
        #expect(SelfRatio.slicing != nil)
        #expect(RateWithoutFor.slicing != nil)
        #expect(SelfRatio.slicing?.family == RateWithoutFor.slicing?.family)
        // Duplicates and severity ladders compare rules with each other.
        #expect(DuplicateRule.slicing == nil)
        #expect(SeverityLadder.slicing == nil)
    }

    /// Group labels are checked once per group: at the group's first rule, or in the first
    /// slice for groups without rules (also when the run has no rules at all).
    @Test func groupLabelsAreCheckedOnceWhereverTheGroupIs() async {
        var text = Self.rules(2 * CheckSlicing.itemsPerSlice)
        text += "  - name: labelled\n    labels: {team-name: a}\n    rules:\n      - alert: X\n        expr: up == 0\n        for: 5m\n"
        text += "  - name: empty\n    labels: {\"bad key\": b}\n    rules: []\n"
        let result = await Self.linter.lint(files: [SourceFile(path: "rules.yaml", text: text)])
        let invalid = result.diagnostics.filter { $0.rule == "rules/invalid-label-name" }.map(\.message).sorted()
        #expect(invalid == ["invalid label name: bad key (group \"empty\")", "invalid label name: team-name (group \"labelled\")"])

        let onlyEmpty = "groups:\n  - name: empty\n    labels: {\"bad key\": b}\n    rules: []\n"
        let alone = await Self.linter.lint(files: [SourceFile(path: "rules.yaml", text: onlyEmpty)])
        #expect(alone.diagnostics.filter { $0.rule == "rules/invalid-label-name" }.count == 1)
    }
}
