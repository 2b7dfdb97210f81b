import Testing
@testable import VigilPromQL

/// An invalid expression, a fragment of the first error's message and where that error starts.
struct InvalidCase: Sendable, CustomTestStringConvertible {
    var input: String
    var message: String
    var offset: Int
    var testDescription: String { input }

    init(_ input: String, _ message: String, _ offset: Int) {
        self.input = input
        self.message = message
        self.offset = offset
    }
}

@Suite("Parser: invalid expressions")
struct ParserInvalidTests {
    static let cases: [InvalidCase] = [
        // Empty and lexical
        InvalidCase("", "no expression found in input", 0),
        InvalidCase("   ", "no expression found in input", 0),
        InvalidCase("# only a comment", "no expression found in input", 0),
        InvalidCase("\"unterminated", "unterminated quoted string", 0),
        InvalidCase("'unterminated", "unterminated quoted string", 0),
        InvalidCase("foo{a=\"b}", "unterminated quoted string", 6),
        InvalidCase("\"line\nbreak\"", "unterminated quoted string", 0),
        InvalidCase("`raw", "unterminated raw string", 0),
        InvalidCase("foo $ bar", "unexpected character: '$'", 4),
        InvalidCase("foo ! bar", "unexpected character after '!'", 4),
        InvalidCase("foo ; bar", "unexpected character: ';'", 4),
        InvalidCase("1 + é", "unexpected character: 'é'", 4),
        InvalidCase("5mm", "bad number or duration syntax: \"5mm\"", 0),
        InvalidCase("1.2.3", "bad number or duration syntax", 0),
        InvalidCase("12abc", "bad number or duration syntax", 0),
        InvalidCase("foo[5x]", "bad number or duration syntax", 4),
        InvalidCase("foo[30m1h]", "not a valid duration string: \"30m1h\"", 4),
        InvalidCase("foo[1h1h]", "not a valid duration string", 4),
        InvalidCase("\"bad \\q escape\"", "unknown escape sequence", 5),
        InvalidCase("\"bad \\x4\"", "invalid escape sequence", 5),
        InvalidCase("'\\\"'", "unknown escape sequence", 1),
        InvalidCase("\"\\\"", "unterminated quoted string", 0),
        // Structure
        InvalidCase("1 +", "unexpected end of input", 3),
        InvalidCase("foo and", "unexpected end of input", 7),
        InvalidCase("*1", "unexpected <op:*>", 0),
        InvalidCase("foo bar", "unexpected identifier \"bar\"", 4),
        InvalidCase("1 2", "unexpected number \"2\"", 2),
        InvalidCase("foo \"x\"", "unexpected string", 4),
        InvalidCase("(1))", "unexpected right parenthesis ')'", 3),
        InvalidCase(")", "unexpected right parenthesis ')'", 0),
        InvalidCase("((1)", "unclosed left parenthesis", 0),
        InvalidCase("(", "unclosed left parenthesis", 0),
        InvalidCase("(foo bar)", "unexpected identifier \"bar\" in paren expression", 5),
        InvalidCase("}", "unexpected character: '}'", 0),
        InvalidCase("foo}", "unexpected character: '}'", 3),
        InvalidCase("]", "unexpected right bracket ']'", 0),
        InvalidCase("[5m]", "unexpected left bracket", 0),
        InvalidCase("by", "unexpected <by>", 0),
        InvalidCase("on(foo)", "unexpected <on>", 0),
        InvalidCase("foo offset", "unexpected end of input in offset", 10),
        InvalidCase("foo offset bar", "unexpected identifier \"bar\" in offset, expected duration", 11),
        InvalidCase("foo @", "unexpected end of input in @", 5),
        InvalidCase("foo @ bar", "expected timestamp, start() or end()", 6),
        InvalidCase("foo @ start(", "unexpected end of input in @", 12),
        InvalidCase("1 + 2 +", "unexpected end of input", 7),
        InvalidCase("foo +", "unexpected end of input", 5),
        InvalidCase("foo == bool", "unexpected end of input", 11),
        InvalidCase("foo * group_left bar", "expected \"on\" or \"ignoring\" before group modifier", 6),
        InvalidCase("foo * on bar", "unexpected identifier \"bar\" in grouping, expected \"(\"", 9),
        InvalidCase("foo * on (a b) bar", "unexpected identifier \"b\" in grouping", 12),
        InvalidCase("foo * on (a:b) bar", "unexpected metric identifier \"a:b\" in grouping", 10),
        InvalidCase("foo * on (1) bar", "unexpected number \"1\" in grouping", 10),
        // Selectors
        InvalidCase("{", "unexpected end of input inside braces", 0),
        InvalidCase("foo{", "unexpected end of input inside braces", 3),
        InvalidCase("foo{a", "unexpected end of input inside braces", 3),
        InvalidCase("foo{a=", "unexpected end of input inside braces", 3),
        InvalidCase("foo{a=\"b\"", "unexpected end of input inside braces", 3),
        InvalidCase("foo{a=}", "unexpected \"}\" in label matching, expected string", 6),
        InvalidCase("foo{a}", "expected label matching operator", 5),
        InvalidCase("foo{a==\"b\"}", "unexpected <op:==> in label matching", 5),
        InvalidCase("foo{a>\"b\"}", "unexpected <op:>> in label matching", 5),
        InvalidCase("foo{a=b}", "unexpected identifier \"b\" in label matching, expected string", 6),
        InvalidCase("foo{a=\"b\" c=\"d\"}", "expected \",\" or \"}\"", 10),
        InvalidCase("foo{1=\"b\"}", "unexpected number \"1\" in label matching", 4),
        InvalidCase("foo{,}", "unexpected \",\" in label matching", 4),
        InvalidCase("foo{a=1}", "unexpected number \"1\" in label matching, expected string", 6),
        InvalidCase("{}", "vector selector must contain at least one non-empty matcher", 0),
        InvalidCase("{a=\"\"}", "vector selector must contain at least one non-empty matcher", 0),
        InvalidCase("{a=~\".*\"}", "vector selector must contain at least one non-empty matcher", 0),
        InvalidCase("{a!~\".+\"}", "vector selector must contain at least one non-empty matcher", 0),
        InvalidCase("{a=~\"x*\"}", "vector selector must contain at least one non-empty matcher", 0),
        InvalidCase("{a=\"\", b!=\"x\"}", "vector selector must contain at least one non-empty matcher", 0),
        InvalidCase("foo{__name__=\"bar\"}", "metric name must not be set twice: \"foo\" or \"bar\"", 0),
        InvalidCase("{\"foo\", \"bar\"}", "metric name must not be set twice: \"foo\" or \"bar\"", 8),
        InvalidCase("foo{\"bar\"}", "metric name must not be set twice", 4),
        // Ranges, subqueries, modifiers
        InvalidCase("foo[", "unexpected end of input in range or subquery", 4),
        InvalidCase("foo[5m", "unclosed left bracket", 3),
        InvalidCase("foo[5m:1m", "unclosed left bracket", 3),
        InvalidCase("foo[5m 1m]", "unexpected duration \"1m\" in range selector", 7),
        InvalidCase("foo[bar]", "unexpected identifier \"bar\" in range or subquery, expected duration", 4),
        InvalidCase("foo[0s]", "duration must be greater than 0", 4),
        InvalidCase("foo[0]", "duration must be greater than 0", 4),
        InvalidCase("foo[5m:0s]", "duration must be greater than 0", 7),
        InvalidCase("(foo)[5m]", "ranges only allowed for vector selectors", 0),
        InvalidCase("rate(foo[5m])[5m]", "ranges only allowed for vector selectors", 0),
        InvalidCase("foo[5m][5m]", "ranges only allowed for vector selectors", 0),
        InvalidCase("1[5m]", "ranges only allowed for vector selectors", 0),
        InvalidCase("foo offset 5m [5m]", "no offset modifiers allowed before range", 0),
        InvalidCase("foo @ 1 [5m]", "no @ modifiers allowed before range", 0),
        InvalidCase("foo offset 5m offset 6m", "offset may not be set multiple times", 0),
        InvalidCase("foo[5m] offset 1m offset 1m", "offset may not be set multiple times", 0),
        InvalidCase("foo[5m:] offset 1m offset 1m", "offset may not be set multiple times", 0),
        InvalidCase("foo @ 1 @ 2", "@ <timestamp> may not be set multiple times", 0),
        InvalidCase("foo @ start() @ end()", "@ <timestamp> may not be set multiple times", 0),
        InvalidCase("rate(foo[5m]) offset 5m", "offset modifier must be preceded by an instant vector selector", 0),
        InvalidCase("(foo) offset 5m", "offset modifier must be preceded by an instant vector selector", 0),
        InvalidCase("sum(foo) @ 100", "@ modifier must be preceded by an instant vector selector", 0),
        InvalidCase("1 offset 5m", "offset modifier must be preceded", 0),
        InvalidCase("foo @ Inf", "timestamp out of bounds for @ modifier", 0),
        InvalidCase("foo @ NaN", "timestamp out of bounds for @ modifier", 0),
        InvalidCase("foo[5m:1m][10m:]", "subquery is only allowed on instant vector, got range vector instead", 0),
        InvalidCase("\"x\"[5m:]", "subquery is only allowed on instant vector, got string", 0),
        // Aggregations
        InvalidCase("sum", "unexpected end of input in aggregation", 3),
        InvalidCase("sum foo", "unexpected identifier \"foo\" in aggregation, expected \"(\"", 4),
        InvalidCase("sum by", "unexpected end of input in grouping", 6),
        InvalidCase("sum by (job)", "unexpected end of input in aggregation", 12),
        InvalidCase("sum()", "no arguments for aggregate expression provided", 0),
        InvalidCase("sum(foo, bar)", "wrong number of arguments for aggregate expression provided, expected 1, got 2", 0),
        InvalidCase("topk(foo)", "wrong number of arguments for aggregate expression provided, expected 2, got 1", 0),
        InvalidCase("quantile(0.5, foo, bar)", "expected 2, got 3", 0),
        InvalidCase("topk(foo, bar)", "expected type scalar in aggregation parameter, got instant vector", 5),
        InvalidCase("count_values(5, foo)", "expected type string in aggregation parameter, got scalar", 13),
        InvalidCase("quantile(\"x\", foo)", "expected type scalar in aggregation parameter, got string", 9),
        InvalidCase("sum(1)", "expected type instant vector in aggregation expression, got scalar", 4),
        InvalidCase("sum(foo[5m])", "expected type instant vector in aggregation expression, got range vector", 4),
        InvalidCase("sum by (job) (foo) by (job)", "unexpected <by>", 19),
        InvalidCase("sum without (a) (foo) without (b)", "unexpected <without>", 22),
        InvalidCase("sum(foo) by (job) without (x)", "unexpected <without>", 18),
        InvalidCase("sum(foo) by job", "unexpected identifier \"job\" in grouping, expected \"(\"", 12),
        InvalidCase("sum by (job (foo)", "unexpected \"(\" in grouping", 12),
        InvalidCase("sum(foo,", "unclosed left parenthesis", 3),
        // Functions
        InvalidCase("non_existent_function_far_bar()", "unknown function with name \"non_existent_function_far_bar\"", 0),
        InvalidCase("Rate(foo[5m])", "unknown function with name \"Rate\"", 0),
        InvalidCase("rate(foo)", "expected type range vector in call to function \"rate\", got instant vector", 5),
        InvalidCase("rate(1)", "expected type range vector in call to function \"rate\", got scalar", 5),
        InvalidCase("abs(foo[5m])", "expected type instant vector in call to function \"abs\", got range vector", 4),
        InvalidCase("floor()", "expected 1 argument(s) in call to \"floor\", got 0", 0),
        InvalidCase("time(foo)", "expected 0 argument(s) in call to \"time\", got 1", 0),
        InvalidCase("rate(foo[5m], bar[5m])", "expected 1 argument(s) in call to \"rate\", got 2", 0),
        InvalidCase("label_replace(foo, \"a\", \"b\", \"c\")", "expected 5 argument(s) in call to \"label_replace\", got 4", 0),
        InvalidCase("label_replace(foo, \"a\", \"b\", \"c\", \"d\", \"e\")", "expected 5 argument(s)", 0),
        InvalidCase("label_replace(foo, 1, \"b\", \"c\", \"d\")", "expected type string in call to function \"label_replace\", got scalar", 19),
        InvalidCase("label_join(foo, \"a\")", "expected at least 3 argument(s) in call to \"label_join\", got 2", 0),
        InvalidCase("label_join(foo, \"a\", \",\", \"b\", 1)", "expected type string in call to function \"label_join\", got scalar", 31),
        InvalidCase("round(foo, 1, 2)", "expected at most 2 argument(s) in call to \"round\", got 3", 0),
        InvalidCase("day_of_week(foo, bar)", "expected at most 1 argument(s)", 0),
        InvalidCase("histogram_quantile(foo, 0.9)", "expected type scalar in call to function \"histogram_quantile\", got instant vector", 19),
        InvalidCase("clamp(foo, 1)", "expected 3 argument(s) in call to \"clamp\", got 2", 0),
        InvalidCase("vector(foo)", "expected type scalar in call to function \"vector\", got instant vector", 7),
        InvalidCase("scalar(1)", "expected type instant vector in call to function \"scalar\", got scalar", 7),
        InvalidCase("absent(\"x\")", "expected type instant vector in call to function \"absent\", got string", 7),
        InvalidCase("predict_linear(foo[1h], bar)", "expected type scalar", 24),
        InvalidCase("rate(foo[5m]", "unclosed left parenthesis", 4),
        InvalidCase("rate(foo[5m] bar)", "unexpected identifier \"bar\" in function call", 13),
        InvalidCase("info(foo, bar)", "expected label selectors only, got vector selector instead", 10),
        InvalidCase("info(foo, 1)", "expected label selectors only", 10),
        // Binary operators
        InvalidCase("1 == 1", "comparisons between scalars must use BOOL modifier", 2),
        InvalidCase("1 > 2", "comparisons between scalars must use BOOL modifier", 2),
        InvalidCase("foo + bool bar", "bool modifier can only be used on comparison operators", 4),
        InvalidCase("1 + bool 2", "bool modifier can only be used on comparison operators", 2),
        InvalidCase("foo and bool bar", "bool modifier can only be used on comparison operators", 4),
        InvalidCase("1 and 1", "set operator \"and\" not allowed in binary scalar expression", 0),
        InvalidCase("foo or 1", "set operator \"or\" not allowed in binary scalar expression", 0),
        InvalidCase("1 unless foo", "set operator \"unless\" not allowed in binary scalar expression", 0),
        InvalidCase("1 or on(bar) foo", "vector matching only allowed between instant vectors", 0),
        InvalidCase("foo == on(bar) 10", "vector matching only allowed between instant vectors", 0),
        InvalidCase("foo + ignoring(x) group_left 1", "vector matching only allowed between instant vectors", 0),
        InvalidCase("foo and on(bar) group_left(baz) bar", "no grouping allowed for \"and\" operation", 0),
        InvalidCase("foo or ignoring(bar) group_right bar", "no grouping allowed for \"or\" operation", 0),
        InvalidCase("foo * on(a) group_left(a) bar", "label \"a\" must not occur in ON and GROUP clause at once", 4),
        InvalidCase("foo[5m] + bar", "binary expression must contain only scalar and instant vector types", 0),
        InvalidCase("foo + bar[5m]", "binary expression must contain only scalar and instant vector types", 6),
        InvalidCase("\"a\" + 1", "binary expression must contain only scalar and instant vector types", 0),
        InvalidCase("foo + \"a\"", "binary expression must contain only scalar and instant vector types", 6),
        InvalidCase("-\"string\"", "unary expression only allowed on expressions of type scalar or instant vector, got \"string\"", 0),
        InvalidCase("-foo[5m]", "unary expression only allowed on expressions of type scalar or instant vector, got \"range vector\"", 0),
        InvalidCase("-foo[5m:]", "unary expression only allowed", 0),
        // Several errors: the first is reported first
        InvalidCase("rate(foo) + rate(bar)", "expected type range vector in call to function \"rate\"", 5),
        InvalidCase("sum(1) + topk(foo, bar)", "expected type instant vector in aggregation expression", 4),
    ]

    /// Every built-in called with one argument too many (or too few for unbounded ones).
    static let arityCases: [InvalidCase] = PromQLFunction.all.map { fn in
        if let maxArgs = fn.maxArgs {
            let args = Array(repeating: "1", count: maxArgs + 1).joined(separator: ", ")
            let word = fn.variadic == 0 ? "expected \(maxArgs) argument(s)" : "expected at most \(maxArgs) argument(s)"
            return InvalidCase("\(fn.name)(\(args))", word + " in call to \"\(fn.name)\", got \(maxArgs + 1)", 0)
        }
        let args = Array(repeating: "1", count: fn.minArgs - 1).joined(separator: ", ")
        return InvalidCase("\(fn.name)(\(args))", "expected at least \(fn.minArgs) argument(s) in call to \"\(fn.name)\"", 0)
    }

    /// Every parameterised aggregation without its parameter, every other one with an extra one.
    static let aggregationCases: [InvalidCase] = AggregationOp.allCases.map { op in
        op.takesParameter
            ? InvalidCase("x + \(op.rawValue)(foo)", "expected 2, got 1", 4)
            : InvalidCase("x + \(op.rawValue)(1, foo)", "expected 1, got 2", 4)
    }

    @Test("reports the expected first error", arguments: cases + arityCases + aggregationCases)
    func rejects(_ c: InvalidCase) throws {
        let result = PromQL.parse(c.input, options: Corpus.experimental)
        #expect(!result.isValid)
        let first = try #require(result.errors.first)
        #expect(first.message.contains(c.message), "got: \(first.message)")
        #expect(first.range.lowerBound == c.offset, "got \(first.range) for \(first.message)")
        #expect(first.range.upperBound >= first.range.lowerBound && first.range.upperBound <= c.input.utf8.count)
    }

    @Test("has many cases")
    func caseCount() { #expect(Self.cases.count + Self.arityCases.count + Self.aggregationCases.count >= 250) }

    @Test func typeErrorsInSeveralPlacesAreAllReported() throws {
        let r = PromQL.parse("rate(foo) + rate(bar) + sum(1) + (1 == 1)")
        #expect(r.expr != nil)
        #expect(r.errors.count == 4)
        #expect(r.errors.map(\.range.lowerBound) == [5, 17, 28, 36])
        #expect(r.errors.allSatisfy { $0.kind == .type })
    }

    @Test func throwingAPI() {
        #expect(throws: PromQLError.self) { try PromQL.parseExpr("1 +") }
        #expect((try? PromQL.parseExpr("1 + 1")) != nil)
    }
}
