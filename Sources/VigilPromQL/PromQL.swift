/// The PromQL front end: parse, type-check, print, analyse.
///
/// ```swift
/// let result = PromQL.parse(#"sum by (job) (rate(http_requests_total{code=~"5.."}[5m])) > 0.05"#)
/// for error in result.errors { print(error.range, error.message) }   // UTF-8 offsets, half-open
/// if let expr = result.expr {
///     PromQLPrinter.compact(expr)            // one-line canonical form
///     PromQLPrinter.pretty(expr)             // `promtool promql format` layout
///     expr.selectors()                       // [SelectorUse]: metric, matchers, ranges, offsets
///     expr.outputLabels { catalogue[$0] }    // LabelSet of the result
///     expr.thresholds()                      // [Threshold]: subject, operator, constant
///     RegexCheck.errors(in: expr)            // matchers RE2 would reject
/// }
/// ```
///
/// Every node (`Expr`) and every error (`PromQLError`) carries the UTF-8 byte range of its text
/// in the expression; map it into a file with VigilCore's position mapping. Trees compare equal
/// when they mean the same thing (positions and layout are ignored), so
/// `parse(print(tree)) == tree`. Input never crashes the parser: nesting is limited by
/// `ParseOptions.maxDepth` and every walker takes a depth limit too.
public enum PromQL {
    /// Parses and type-checks `input`. Syntax errors stop the parser (one is reported); type
    /// errors are collected from the whole tree.
    public static func parse(_ input: String, options: ParseOptions = ParseOptions()) -> ParseResult {
        var lexer = Lexer(bytes: Array(input.utf8))
        lexer.run()
        var parser = Parser(bytes: lexer.bytes, tokens: lexer.tokens, lexError: lexer.error, options: options)
        do throws(Parser.Failure) {
            let expr = try parser.parseTop()
            var errors = parser.softErrors
            errors += TypeChecker.check(expr, source: lexer.bytes, maxDepth: options.maxDepth)
            errors.sort { $0.range.lowerBound < $1.range.lowerBound }
            return ParseResult(expr: expr, errors: errors)
        } catch {
            return ParseResult(expr: nil, errors: [error.error])
        }
    }

    /// Parses `input` and returns the tree, throwing the first error if it is invalid.
    public static func parseExpr(_ input: String, options: ParseOptions = ParseOptions()) throws(PromQLError) -> Expr {
        try parse(input, options: options).get()
    }
}

