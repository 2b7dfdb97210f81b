/// What a lexed token is.
enum TokenKind: UInt8, Sendable {
    case eof
    case identifier       // foo (may be a keyword-like word, see `keyword`)
    case metricIdentifier // foo:bar
    case number
    case duration
    case string
    case leftParen, rightParen, leftBrace, rightBrace, leftBracket, rightBracket
    case comma, colon, at
    case assign            // =
    case eql, neq, lss, lte, gtr, gte
    case regexMatch, regexNoMatch
    case add, sub, mul, div, mod, pow
    case keyword
}

/// Reserved words of PromQL.
enum Keyword: UInt8, Sendable {
    case none
    case and, or, unless, atan2
    case by, without, on, ignoring, groupLeft, groupRight, bool, offset
    case aggregator
}

/// One token: kind, the keyword (if any), the aggregation operator (for aggregators) and its
/// UTF-8 byte range in the input.
struct Token: Sendable {
    var kind: TokenKind
    var keyword: Keyword = .none
    var aggregator: AggregationOp? = nil
    var start: Int
    var end: Int

    var range: Range<Int> { start..<end }
}
