import Testing
@testable import VigilPromQL
import VigilCore

@Suite("promql check / format")
struct ToolTests {
    @Test func checkValid() {
        let r = PromQLTool.check(expression: "sum(rate(foo[5m])) > 1")
        #expect(r.exitCode == 0)
        #expect(r.output.isEmpty)
    }

    @Test func checkInvalidShowsCaret() {
        let r = PromQLTool.check(expression: "sum(rate(foo[5m)) > 1")
        #expect(r.exitCode == 1)
        #expect(r.output.hasPrefix("error: "))
        let lines = r.output.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4)
        #expect(lines[1] == "sum(rate(foo[5m)) > 1")
    }

    @Test func caretSpansTheErrorRange() {
        let r = PromQLTool.check(expression: "rate(foo) + 1")
        #expect(r.output == """
            error: expected type range vector in call to function "rate", got instant vector
            rate(foo) + 1
                 ^~~

            """)
    }

    @Test func severalErrorsAreAllShown() {
        let r = PromQLTool.check(expression: "rate(foo) + rate(bar)")
        #expect(r.exitCode == 1)
        #expect(r.output.split(separator: "\n").filter { $0.hasPrefix("error: ") }.count == 2)
        #expect(r.output.contains("\n                 ^~~\n"))
    }

    @Test func multiLineExpressionsShowTheRightLine() {
        let expr = "sum(\n  rate(foo[5m])\n) +\n  irate(bar)"
        let r = PromQLTool.check(expression: expr)
        #expect(r.output == """
            error: expected type range vector in call to function "irate", got instant vector
              irate(bar)
                    ^~~

            """)
    }

    @Test func caretColumnsCountCharactersNotBytes() {
        let r = PromQLTool.check(expression: "\"é\" + rate(foo)")
        let lines = r.output.split(separator: "\n")
        #expect(lines.contains("           ^~~"))
    }

    @Test func emptyRangeGetsOneCaret() {
        let r = PromQLTool.check(expression: "1 +")
        #expect(r.output == "error: unexpected end of input\n1 +\n   ^\n")
    }

    @Test func formatPrintsCanonicalForm() {
        let r = PromQLTool.format(expression: "sum(rate(foo{job='a'}[300]))by(job)>bool 1")
        #expect(r.exitCode == 0)
        #expect(r.output == "sum by (job) (rate(foo{job=\"a\"}[5m])) > bool 1\n")
    }

    @Test func formatInvalidFails() {
        let r = PromQLTool.format(expression: "sum(")
        #expect(r.exitCode == 1)
        #expect(r.output.hasPrefix("error: unclosed left parenthesis"))
    }

    @Test func formatSplitsLongExpressions() {
        let long = "sum by (job) (rate(aurelis_requests_total{status_code=~\"5..\", job=\"aurelis\"}[5m])) / sum by (job) (rate(aurelis_requests_total{job=\"aurelis\"}[5m]))"
        let r = PromQLTool.format(expression: long)
        #expect(r.exitCode == 0)
        #expect(r.output.split(separator: "\n").count == 3)
        #expect(PromQL.parse(r.output).expr == PromQL.parse(long).expr)
    }
}

@Suite("Diagnostics bridge")
struct DiagnosticsBridgeTests {
    @Test func mapsOffsetsThroughTheGivenFunction() throws {
        let error = try #require(PromQL.parse("rate(foo)").errors.first)
        let d = error.diagnostic(file: "rules.yaml") { SourcePosition(line: 3, column: 10 + $0, offset: 100 + $0) }
        #expect(d.rule == "promql/type")
        #expect(d.file == "rules.yaml")
        #expect(d.range?.start.offset == 105)
        #expect(d.range?.end.offset == 108)
        #expect(d.message.contains("range vector"))
        #expect(PromQL.parse("1 +").errors.first?.ruleID == "promql/syntax")
    }
}
