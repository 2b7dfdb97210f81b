import Testing
@testable import VigilPromQL

@Suite("Printer")
struct PrinterTests {
    static let canonical: [(String, String)] = [
        ("foo", "foo"),
        ("foo{ job = 'x' , }", "foo{job=\"x\"}"),
        ("{__name__=\"foo\"}", "{__name__=\"foo\"}"),
        ("{\"http.requests\",\"le\"=\"1\"}", "{\"http.requests\", le=\"1\"}"),
        ("{\"foo\"}", "foo"),
        ("foo{\"dotted.label\"=`v`}", "foo{\"dotted.label\"=\"v\"}"),
        ("foo[300]", "foo[5m]"),
        ("foo[90m]", "foo[1h30m]"),
        ("foo[7d]", "foo[1w]"),
        ("foo[8d]", "foo[8d]"),
        ("foo[365d]", "foo[1y]"),
        ("foo[1.5]", "foo[1s500ms]"),
        ("foo offset -300", "foo offset -5m"),
        ("foo offset 5m @ 100", "foo @ 100.000 offset 5m"),
        ("foo @ 1.5", "foo @ 1.500"),
        ("foo @ -1.5", "foo @ -1.500"),
        ("foo @ start()", "foo @ start()"),
        ("foo[5m] offset 1m @ end()", "foo[5m] @ end() offset 1m"),
        ("foo[1h:]", "foo[1h:]"),
        ("foo[3600:60] offset 60", "foo[1h:1m] offset 1m"),
        ("sum(foo) by (job)", "sum by (job) (foo)"),
        ("SUM WITHOUT(a,b)(foo)", "sum without (a, b) (foo)"),
        ("sum by () (foo)", "sum(foo)"),
        ("sum without () (foo)", "sum without () (foo)"),
        ("topk(5,foo)", "topk(5, foo)"),
        ("count_values('v', foo)", "count_values(\"v\", foo)"),
        ("foo+bar", "foo + bar"),
        ("foo AND bar", "foo and bar"),
        ("foo >bool bar", "foo > bool bar"),
        ("foo * ON(a) GROUP_LEFT(b) bar", "foo * on (a) group_left (b) bar"),
        ("foo * on(a) group_left bar", "foo * on (a) group_left () bar"),
        ("foo / ignoring(i) group_right bar", "foo / ignoring (i) group_right () bar"),
        ("foo + ignoring () bar", "foo + bar"),
        ("foo + on () bar", "foo + on () bar"),
        ("- foo", "-foo"),
        ("-(1)", "-(1)"),
        ("- 1", "-1"),
        ("+ 1", "1"),
        ("1e3", "1000"),
        ("1.50", "1.5"),
        ("1e-7", "0.0000001"),
        ("1.5e20", "150000000000000000000"),
        ("0x10", "16"),
        ("-0.25", "-0.25"),
        ("inf", "Inf"),
        ("-INF", "-Inf"),
        ("nan", "NaN"),
        ("1h", "1h"),
        ("90s", "1m30s"),
        ("-5m", "-5m"),
        ("time() - 3600", "time() - 3600"),
        ("\"a\\tb\"", "\"a\\tb\""),
        ("'q\"uote'", "\"q\\\"uote\""),
        ("`back\\slash`", "\"back\\\\slash\""),
        ("\"\\x01\"", "\"\\x01\""),
        ("\"ü\"", "\"ü\""),
        ("rate(foo[5m],)", "rate(foo[5m])"),
        ("foo # comment", "foo"),
        ("(foo)", "(foo)"),
    ]

    @Test("compact canonical form", arguments: canonical)
    func compact(_ pair: (String, String)) throws {
        let expr = try PromQL.parseExpr(pair.0, options: Corpus.experimental)
        #expect(PromQLPrinter.compact(expr) == pair.1)
        #expect(expr.description == pair.1)
    }

    @Test func prettySplitsLongBinaryExpressions() throws {
        let e = try PromQL.parseExpr("sum by (job) (rate(http_requests_total{status_code=~\"5..\", job=\"aurelis\"}[5m])) / sum by (job) (rate(http_requests_total{job=\"aurelis\"}[5m])) > 0.05")
        let expected = """
                sum by (job) (rate(http_requests_total{job="aurelis",status_code=~"5.."}[5m]))
              /
                sum by (job) (rate(http_requests_total{job="aurelis"}[5m]))
            >
              0.05
            """
        let printed = PromQLPrinter.pretty(e)
        #expect(printed.contains("\n  /\n"))
        #expect(printed.contains("\n>\n  0.05"))
        #expect(printed.hasPrefix("    sum by (job) (rate(http_requests_total{status_code=~\"5..\", job=\"aurelis\"}[5m]))"))
        #expect(printed.split(separator: "\n").count == expected.split(separator: "\n").count)
    }

    @Test func prettySplitsCallsAndAggregations() throws {
        let long = "histogram_quantile(0.99, sum by (le, job, instance, endpoint) (rate(aurelis_request_duration_seconds_bucket{job=\"aurelis\"}[5m])))"
        let printed = PromQLPrinter.pretty(try PromQL.parseExpr(long))
        let expected = """
            histogram_quantile(
              0.99,
              sum by (le, job, instance, endpoint) (
                rate(aurelis_request_duration_seconds_bucket{job="aurelis"}[5m])
              )
            )
            """
        #expect(printed == expected)
    }

    @Test func prettyKeepsShortExpressionsOnOneLine() throws {
        let e = try PromQL.parseExpr("sum(rate(foo[5m])) > 1")
        #expect(PromQLPrinter.pretty(e) == "sum(rate(foo[5m])) > 1")
    }

    @Test func prettyParenthesesAndSubqueries() throws {
        let e = try PromQL.parseExpr("(aaaaaaaaaa + bbbbbbbbbb)[5m:1m]")
        #expect(PromQLPrinter.pretty(e, maxLineLength: 10) == "(\n    aaaaaaaaaa\n  +\n    bbbbbbbbbb\n)[5m:1m]")
        let u = try PromQL.parseExpr("-(aaaaaaaaaa + bbbbbbbbbb)")
        #expect(PromQLPrinter.pretty(u, maxLineLength: 10) == "-(\n    aaaaaaaaaa\n  +\n    bbbbbbbbbb\n)")
    }

    @Test func durationsFormatLikePrometheus() {
        #expect(PromQLDuration.format(0) == "0s")
        #expect(PromQLDuration.format(1) == "1ms")
        #expect(PromQLDuration.format(90_061_001) == "1d1h1m1s1ms")
        #expect(PromQLDuration.format(14 * 86_400_000) == "2w")
        #expect(PromQLDuration.format(15 * 86_400_000) == "15d")
        #expect(PromQLDuration.parse("1y2w3d4h5m6s7ms") == Int64(33_019_506_007))
        #expect(PromQLDuration.parse("5m1h") == nil)
        #expect(PromQLDuration.parse("5") == nil)
        #expect(PromQLDuration.parse("") == nil)
        #expect(PromQLDuration.parse("99999999999999999999y") == nil)
    }

    @Test func quotingNames() {
        #expect(PromQLPrinter.isMetricName("foo:bar_baz"))
        #expect(!PromQLPrinter.isMetricName("http.requests"))
        #expect(!PromQLPrinter.isMetricName("sum"))
        #expect(!PromQLPrinter.isMetricName("1abc"))
        #expect(PromQLPrinter.isLabelName("on"))
        #expect(!PromQLPrinter.isLabelName("a:b"))
        #expect(!PromQLPrinter.isLabelName(""))
        let vs = Expr(.vectorSelector(VectorSelector(name: "sum", matchers: [LabelMatcher(name: "a.b", op: .equal, value: "\n")])))
        #expect(PromQLPrinter.compact(vs) == "{\"sum\", \"a.b\"=\"\\n\"}")
        #expect((try? PromQL.parseExpr(PromQLPrinter.compact(vs))) == vs)
    }
}
