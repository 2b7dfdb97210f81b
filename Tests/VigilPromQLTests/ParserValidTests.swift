import Testing
@testable import VigilPromQL

@Suite("Parser: valid expressions")
struct ParserValidTests {
    @Test("parses and type-checks", arguments: Corpus.allValid)
    func parsesValid(_ input: String) throws {
        let result = PromQL.parse(input, options: Corpus.experimental)
        #expect(result.errors.isEmpty, "\(input): \(result.errors)")
        let expr = try #require(result.expr)
        #expect(expr.range.lowerBound >= 0 && expr.range.upperBound <= input.utf8.count)
    }

    @Test("compact print round-trips and is idempotent", arguments: Corpus.allValid)
    func compactRoundTrip(_ input: String) throws {
        let expr = try PromQL.parseExpr(input, options: Corpus.experimental)
        let printed = PromQLPrinter.compact(expr)
        let reparsed = try PromQL.parseExpr(printed, options: Corpus.experimental)
        #expect(reparsed == expr, "\(input) printed as \(printed)")
        #expect(PromQLPrinter.compact(reparsed) == printed)
    }

    @Test("pretty print round-trips and is idempotent", arguments: Corpus.allValid)
    func prettyRoundTrip(_ input: String) throws {
        let expr = try PromQL.parseExpr(input, options: Corpus.experimental)
        for width in [100, 20, 1] {
            let printed = PromQLPrinter.pretty(expr, maxLineLength: width)
            let reparsed = try PromQL.parseExpr(printed, options: Corpus.experimental)
            #expect(reparsed == expr, "\(input) pretty-printed as\n\(printed)")
            #expect(PromQLPrinter.pretty(reparsed, maxLineLength: width) == printed)
        }
    }

    @Test("node ranges lie inside the input and nest", arguments: Corpus.allValid)
    func rangesNest(_ input: String) throws {
        let expr = try PromQL.parseExpr(input, options: Corpus.experimental)
        var ok = true
        PromQLWalker().walk(expr) { node, ancestors in
            if let parent = ancestors.last {
                if node.range.lowerBound < parent.range.lowerBound || node.range.upperBound > parent.range.upperBound { ok = false }
            }
            if node.range.isEmpty { ok = false }
            return .descend
        }
        #expect(ok, "\(input)")
    }

    @Test("the corpus is large")
    func corpusSize() {
        #expect(Corpus.allValid.count >= 300)
        #expect(Corpus.handWritten.count >= 250)
    }
}

@Suite("Parser: tree shapes")
struct ParserShapeTests {
    func parse(_ s: String) throws -> Expr { try PromQL.parseExpr(s, options: Corpus.experimental) }

    func vs(_ name: String) -> Expr { Expr(.vectorSelector(VectorSelector(name: name))) }
    func num(_ v: Double) -> Expr { Expr(.number(NumberLiteral(v))) }
    func bin(_ op: BinaryOp, _ l: Expr, _ r: Expr) -> Expr { Expr(.binary(Binary(op: op, lhs: l, rhs: r))) }

    @Test func precedenceAndAssociativity() throws {
        #expect(try parse("a + b * c") == bin(.add, vs("a"), bin(.mul, vs("b"), vs("c"))))
        #expect(try parse("a - b - c") == bin(.sub, bin(.sub, vs("a"), vs("b")), vs("c")))
        #expect(try parse("a ^ b ^ c") == bin(.pow, vs("a"), bin(.pow, vs("b"), vs("c"))))
        #expect(try parse("a or b and c") == bin(.or, vs("a"), bin(.and, vs("b"), vs("c"))))
        #expect(try parse("a and b unless c") == bin(.unless, bin(.and, vs("a"), vs("b")), vs("c")))
        #expect(try parse("a > b + c") == bin(.gtr, vs("a"), bin(.add, vs("b"), vs("c"))))
        #expect(try parse("a atan2 b * c") == bin(.mul, bin(.atan2, vs("a"), vs("b")), vs("c")))
        #expect(try parse("a == b and c") == bin(.and, bin(.eql, vs("a"), vs("b")), vs("c")))
    }

    @Test func unaryBindsLikeMultiplication() throws {
        let neg = { (e: Expr) in Expr(.unary(Unary(negative: true, expr: e))) }
        #expect(try parse("-a ^ b") == neg(bin(.pow, vs("a"), vs("b"))))
        #expect(try parse("-a * b") == bin(.mul, neg(vs("a")), vs("b")))
        #expect(try parse("a * -b * c") == bin(.mul, bin(.mul, vs("a"), neg(vs("b"))), vs("c")))
        #expect(try parse("-1") == num(-1))
        #expect(try parse("-2 ^ 2") == Expr(.unary(Unary(negative: true, expr: bin(.pow, num(2), num(2))))))
    }

    @Test func numbers() throws {
        let hex = try parse("0x1F")
        #expect(hex == num(31), "\(hex.kind)")
        #expect(try parse("010") == num(8))
        #expect(try parse("09") == num(9))
        #expect(try parse("1e3") == num(1000))
        #expect(try parse(".5") == num(0.5))
        #expect(try parse("-Inf") == num(-.infinity))
        #expect(try parse("nAn") == num(.nan))
        #expect(try parse("1h30m") == Expr(.number(NumberLiteral(5400, isDuration: true))))
        #expect(try parse("500ms") == Expr(.number(NumberLiteral(0.5, isDuration: true))))
    }

    @Test func strings() throws {
        #expect(try parse("\"a\\nb\"") == Expr(.string("a\nb")))
        #expect(try parse("'it\\'s'") == Expr(.string("it's")))
        #expect(try parse("`a\\nb`") == Expr(.string("a\\nb")))
        #expect(try parse("\"\\x41\\u00e9\\101\"") == Expr(.string("AéA")))
        #expect(try parse("\"\\U0001F600\"") == Expr(.string("😀")))
    }

    @Test func selectorsAndModifiers() throws {
        let e = try parse("{\"http.requests\", \"le\"=\"1\", job=~\"a|b\"}[5m] offset -1h @ end()")
        guard case .matrixSelector(let ms) = e.kind else {
            Issue.record("not a matrix selector")
            return
        }
        #expect(ms.range == 300_000)
        #expect(ms.selector.name == "http.requests")
        #expect(ms.selector.matchers.map(\.name) == ["le", "job"])
        #expect(ms.selector.matchers.map(\.op) == [.equal, .regexMatch])
        #expect(ms.selector.offset == -3_600_000)
        #expect(ms.selector.at == .end)
        #expect(try parse("foo @ 1609746000.5") == Expr(.vectorSelector(VectorSelector(name: "foo", at: .timestamp(milliseconds: 1_609_746_000_500)))))
        #expect(try parse("foo[300]") == parse("foo[5m]"))
        #expect(try parse("foo offset 5m @ 1") == parse("foo @ 1 offset 5m"))
    }

    @Test func subqueries() throws {
        let e = try parse("rate(foo[5m])[1h:30s] offset 10m")
        guard case .subquery(let sq) = e.kind else {
            Issue.record("not a subquery")
            return
        }
        #expect(sq.range == 3_600_000)
        #expect(sq.step == 30_000)
        #expect(sq.offset == 600_000)
        guard case .subquery(let open) = try parse("foo[1h:]").kind else {
            Issue.record("not a subquery")
            return
        }
        #expect(open.step == nil)
    }

    @Test func aggregationGroupingEitherSide() throws {
        #expect(try parse("sum by (job) (foo)") == parse("sum(foo) by (job)"))
        #expect(try parse("topk(5, foo) without (a)") == parse("topk without (a) (5, foo)"))
        #expect(try parse("sum by () (foo)") == parse("sum(foo)"))
        #expect(try parse("SUM BY (job) (foo)") == parse("sum by (job) (foo)"))
        guard case .aggregate(let a) = try parse("count_values(\"v\", foo) by (job)").kind else {
            Issue.record("not an aggregation")
            return
        }
        #expect(a.op == .countValues)
        #expect(a.param == Expr(.string("v")))
        #expect(a.grouping == .by(["job"]))
        #expect(a.groupingAfterBody)
    }

    @Test func vectorMatching() throws {
        guard case .binary(let b) = try parse("a * on (x, y) group_left (z) b").kind else {
            Issue.record("not binary")
            return
        }
        #expect(b.matching == VectorMatching(on: true, labels: ["x", "y"], cardinality: .manyToOne(["z"])))
        guard case .binary(let c) = try parse("a > bool ignoring (i) group_right b").kind else {
            Issue.record("not binary")
            return
        }
        #expect(c.returnBool)
        #expect(c.matching == VectorMatching(on: false, labels: ["i"], cardinality: .oneToMany([])))
        #expect(try parse("a + ignoring () b") == parse("a + b"))
        #expect(try parse("a + on () b") != parse("a + b"))
    }

    @Test func positionsAreUTF8Offsets() throws {
        let input = "\"é\" + foo{a=\"ü\"}"
        let e = try #require(PromQL.parse(input).expr)
        #expect(e.range == 0..<input.utf8.count)
        guard case .binary(let b) = e.kind else {
            Issue.record("not binary")
            return
        }
        #expect(b.lhs.range == 0..<4)
        #expect(b.rhs.range == 7..<input.utf8.count)
        guard case .vectorSelector(let vs) = b.rhs.kind else {
            Issue.record("not a selector")
            return
        }
        #expect(vs.matchers[0].range == 11..<17)
    }

    @Test func functionTableIsData() throws {
        #expect(PromQLFunction.all.count >= 85)
        let rate = try #require(PromQLFunction.named("rate"))
        #expect(rate.argTypes == [.rangeVector])
        #expect(rate.returnType == .instantVector)
        #expect(rate.dropsMetricName)
        #expect(!rate.experimental)
        let join = try #require(PromQLFunction.named("label_join"))
        #expect(join.minArgs == 3 && join.maxArgs == nil)
        let round = try #require(PromQLFunction.named("round"))
        #expect(round.minArgs == 1 && round.maxArgs == 2)
        #expect(PromQLFunction.named("sort_by_label")?.experimental == true)
        #expect(PromQLFunction.named("last_over_time")?.dropsMetricName == false)
        #expect(PromQLFunction.named("time")?.returnType == .scalar)
        #expect(PromQLFunction.named("nope") == nil)
        #expect(PromQLFunction.all.map(\.name) == PromQLFunction.all.map(\.name).sorted())
    }

    @Test func experimentalNeedsOption() {
        let off = PromQL.parse("sort_by_label(foo, \"a\")")
        #expect(off.errors.map(\.message) == ["function \"sort_by_label\" is not enabled"])
        #expect(off.errors.first?.range == 0..<13)
        #expect(PromQL.parse("sort_by_label(foo, \"a\")", options: Corpus.experimental).isValid)
        let limit = PromQL.parse("limitk(1, foo)")
        #expect(limit.errors.first?.message.contains("experimental") == true)
    }
}
