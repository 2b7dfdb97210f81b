/// How to parse.
public struct ParseOptions: Sendable, Hashable {
    /// Accept experimental functions and the `limitk`/`limit_ratio` aggregations, as Prometheus
    /// does with `--enable-feature=promql-experimental-functions`.
    public var experimentalFunctions: Bool
    /// Deepest parser recursion accepted before it gives up with "expression nesting too deep".
    /// A parenthesis, call or aggregation level counts two (the group and the expression inside
    /// it), so the default admits about 250 levels of nesting, far beyond real rules, and keeps
    /// the stack small even in debug builds on secondary threads. The tree's height is limited
    /// to the same number.
    public var maxDepth: Int

    public init(experimentalFunctions: Bool = false, maxDepth: Int = 500) {
        self.experimentalFunctions = experimentalFunctions
        self.maxDepth = maxDepth
    }
}

/// Recursive-descent parser over the token array, with Prometheus's precedence rules.
struct Parser {
    struct Failure: Error { let error: PromQLError }

    let bytes: [UInt8]
    let tokens: [Token]
    let lexError: PromQLError?
    let options: ParseOptions
    var i = 0
    var depth = 0
    /// Errors that do not stop parsing (checked again by nothing else).
    var softErrors: [PromQLError] = []
    /// Start offsets of the parentheses opened and not yet closed.
    var openParens: [Int] = []

    init(bytes: [UInt8], tokens: [Token], lexError: PromQLError?, options: ParseOptions) {
        self.bytes = bytes
        self.tokens = tokens
        self.lexError = lexError
        self.options = options
    }

    // MARK: Tokens

    var current: Token { tokens[i] }
    var next: Token { tokens[min(i + 1, tokens.count - 1)] }

    @discardableResult
    mutating func advance() -> Token {
        let t = tokens[i]
        if i < tokens.count - 1 { i += 1 }
        return t
    }

    func text(_ t: Token) -> String { String(decoding: bytes[t.start..<t.end], as: UTF8.self) }

    /// Prometheus's description of a token in "unexpected …" messages.
    func describe(_ t: Token) -> String {
        let s = text(t)
        switch t.kind {
        case .eof: return "end of input"
        case .identifier: return "identifier \(PromQLPrinter.quote(s))"
        case .metricIdentifier: return "metric identifier \(PromQLPrinter.quote(s))"
        case .number: return "number \(PromQLPrinter.quote(s))"
        case .duration: return "duration \(PromQLPrinter.quote(s))"
        case .string: return "string \(PromQLPrinter.quote(s))"
        case .keyword:
            switch t.keyword {
            case .aggregator: return "<aggr:\(s.lowercased())>"
            case .and, .or, .unless, .atan2: return "<op:\(s.lowercased())>"
            default: return "<\(s.lowercased())>"
            }
        case .add, .sub, .mul, .div, .mod, .pow, .eql, .neq, .lss, .lte, .gtr, .gte, .regexMatch, .regexNoMatch:
            return "<op:\(s)>"
        default: return PromQLPrinter.quote(s)
        }
    }

    func failure(_ message: String, _ range: Range<Int>) -> Failure {
        Failure(error: PromQLError(.syntax, message, range: range))
    }

    /// "unexpected X in CONTEXT, expected Y" for the current token (or the lexer's error there).
    func unexpected(_ context: String = "", expected: String = "") -> Failure {
        let t = current
        if t.kind == .eof, let lexError { return Failure(error: lexError) }
        var m = "unexpected " + describe(t)
        if !context.isEmpty { m += " in " + context }
        if !expected.isEmpty { m += ", expected " + expected }
        return failure(m, t.range)
    }

    mutating func enter(_ at: Int) throws(Failure) {
        depth += 1
        if depth > options.maxDepth {
            throw Failure(error: PromQLError(.limit, "expression nesting too deep (more than \(options.maxDepth) levels)", range: at..<(at + 1)))
        }
    }

    func checkHeight(_ e: Expr) throws(Failure) {
        if e.height > options.maxDepth {
            throw Failure(error: PromQLError(.limit, "expression nesting too deep (more than \(options.maxDepth) levels)", range: e.range))
        }
    }

    // MARK: Expressions

    mutating func parseTop() throws(Failure) -> Expr {
        if current.kind == .eof {
            if let lexError { throw Failure(error: lexError) }
            throw failure("no expression found in input", 0..<0)
        }
        let e = try parseBinary(minPrecedence: 1)
        guard current.kind == .eof else {
            switch current.kind {
            case .rightParen: throw failure("unexpected right parenthesis ')'", current.range)
            case .rightBracket: throw failure("unexpected right bracket ']'", current.range)
            case .rightBrace: throw failure("unexpected character: '}'", current.range)
            default: throw unexpected()
            }
        }
        if let lexError { throw Failure(error: lexError) }
        return e
    }

    func binaryOp(_ t: Token) -> BinaryOp? {
        switch t.kind {
        case .add: return .add
        case .sub: return .sub
        case .mul: return .mul
        case .div: return .div
        case .mod: return .mod
        case .pow: return .pow
        case .eql: return .eql
        case .neq: return .neq
        case .gtr: return .gtr
        case .lss: return .lss
        case .gte: return .gte
        case .lte: return .lte
        case .keyword:
            switch t.keyword {
            case .and: return .and
            case .or: return .or
            case .unless: return .unless
            case .atan2: return .atan2
            default: return nil
            }
        default: return nil
        }
    }

    mutating func parseBinary(minPrecedence: Int) throws(Failure) -> Expr {
        try enter(current.start)
        defer { depth -= 1 }
        var lhs = try parseUnary()
        while let op = binaryOp(current), op.precedence >= minPrecedence {
            advance()
            var returnBool = false
            var matching: VectorMatching?
            if current.kind == .keyword, current.keyword == .bool {
                advance()
                returnBool = true
            }
            if current.kind == .keyword, current.keyword == .on || current.keyword == .ignoring {
                let on = advance().keyword == .on
                let labels = try parseLabelList(context: "grouping")
                var card = Cardinality.oneToOne
                if current.kind == .keyword, current.keyword == .groupLeft || current.keyword == .groupRight {
                    let left = advance().keyword == .groupLeft
                    let include = current.kind == .leftParen ? try parseLabelList(context: "grouping") : []
                    card = left ? .manyToOne(include) : .oneToMany(include)
                }
                if on || !labels.isEmpty || card != .oneToOne {
                    matching = VectorMatching(on: on, labels: labels, cardinality: card)
                }
            } else if current.kind == .keyword, current.keyword == .groupLeft || current.keyword == .groupRight {
                throw unexpected("binary expression", expected: "\"on\" or \"ignoring\" before group modifier")
            }
            let rhs = try parseBinary(minPrecedence: op.isRightAssociative ? op.precedence : op.precedence + 1)
            lhs = Expr(.binary(Binary(op: op, lhs: lhs, rhs: rhs, returnBool: returnBool, matching: matching)),
                       range: lhs.range.lowerBound..<rhs.range.upperBound)
            try checkHeight(lhs)
        }
        return lhs
    }

    mutating func parseUnary() throws(Failure) -> Expr {
        guard current.kind == .add || current.kind == .sub else { return try parsePostfix() }
        let t = advance()
        try enter(t.start)
        defer { depth -= 1 }
        let operand = try parseBinary(minPrecedence: BinaryOp.pow.precedence)
        let range = t.start..<operand.range.upperBound
        if case .number(var n) = operand.kind {
            if t.kind == .sub { n.value = -n.value }
            return Expr(.number(n), range: range)
        }
        let e = Expr(.unary(Unary(negative: t.kind == .sub, expr: operand)), range: range)
        try checkHeight(e)
        return e
    }

    mutating func parsePostfix() throws(Failure) -> Expr {
        var e = try parsePrimary()
        while true {
            switch current.kind {
            case .leftBracket:
                e = try parseRangeSuffix(e)
            case .at:
                e = try parseAt(e)
            case .keyword where current.keyword == .offset:
                e = try parseOffset(e)
            default:
                return e
            }
            try checkHeight(e)
        }
    }

    mutating func parseRangeSuffix(_ e: Expr) throws(Failure) -> Expr {
        let open = advance()
        let rangeTok = current
        guard rangeTok.kind == .duration || rangeTok.kind == .number else {
            throw unexpected("range or subquery", expected: "duration")
        }
        advance()
        let range = try durationValue(rangeTok)
        if range <= 0 { softErrors.append(PromQLError(.syntax, "duration must be greater than 0", range: rangeTok.range)) }
        if current.kind == .colon {
            advance()
            var step: Int64?
            if current.kind == .duration || current.kind == .number {
                let stepTok = advance()
                let s = try durationValue(stepTok)
                if s <= 0 { softErrors.append(PromQLError(.syntax, "duration must be greater than 0", range: stepTok.range)) }
                step = s
            }
            guard current.kind == .rightBracket else {
                if current.kind == .eof, lexError == nil { throw failure("unclosed left bracket", open.range) }
                throw unexpected("subquery selector", expected: "\"]\"")
            }
            let close = advance()
            return Expr(.subquery(Subquery(expr: e, range: range, step: step)), range: e.range.lowerBound..<close.end)
        }
        guard current.kind == .rightBracket else {
            if current.kind == .eof, lexError == nil { throw failure("unclosed left bracket", open.range) }
            throw unexpected("range selector", expected: "\"]\" or \":\"")
        }
        let close = advance()
        guard case .vectorSelector(let vs) = e.kind else {
            throw failure("ranges only allowed for vector selectors", e.range.lowerBound..<close.end)
        }
        if vs.offset != nil { throw failure("no offset modifiers allowed before range", e.range.lowerBound..<close.end) }
        if vs.at != nil { throw failure("no @ modifiers allowed before range", e.range.lowerBound..<close.end) }
        return Expr(.matrixSelector(MatrixSelector(selector: vs, range: range)), range: e.range.lowerBound..<close.end)
    }

    mutating func parseOffset(_ e: Expr) throws(Failure) -> Expr {
        advance()
        var negative = false
        if current.kind == .sub || current.kind == .add {
            negative = advance().kind == .sub
        }
        guard current.kind == .duration || current.kind == .number else { throw unexpected("offset", expected: "duration") }
        let t = advance()
        var value = try durationValue(t)
        if negative { value = -value }
        let range = e.range.lowerBound..<t.end
        let twice = failure("offset may not be set multiple times", range)
        switch e.kind {
        case .vectorSelector(var vs):
            if vs.offset != nil { throw twice }
            vs.offset = value
            return Expr(.vectorSelector(vs), range: range)
        case .matrixSelector(var ms):
            if ms.selector.offset != nil { throw twice }
            ms.selector.offset = value
            return Expr(.matrixSelector(ms), range: range)
        case .subquery(var sq):
            if sq.offset != nil { throw twice }
            sq.offset = value
            return Expr(.subquery(sq), range: range)
        default:
            throw failure("offset modifier must be preceded by an instant vector selector or range vector selector or a subquery", range)
        }
    }

    mutating func parseAt(_ e: Expr) throws(Failure) -> Expr {
        advance()
        var at: AtModifier
        var end: Int
        if current.kind == .identifier, text(current) == "start" || text(current) == "end", next.kind == .leftParen {
            let isStart = text(advance()) == "start"
            advance()
            guard current.kind == .rightParen else { throw unexpected("@", expected: "\")\"") }
            end = advance().end
            at = isStart ? .start : .end
        } else {
            var negative = false
            if current.kind == .sub || current.kind == .add { negative = advance().kind == .sub }
            guard current.kind == .number || current.kind == .duration else {
                throw unexpected("@", expected: "timestamp, start() or end()")
            }
            let t = advance()
            end = t.end
            var seconds = t.kind == .duration ? Double(try durationValue(t)) / 1000 : try numberValue(t)
            if negative { seconds = -seconds }
            guard seconds.isFinite, abs(seconds) < 9.2e15 else {
                throw failure("timestamp out of bounds for @ modifier: \(seconds)", e.range.lowerBound..<end)
            }
            at = .timestamp(milliseconds: Int64((seconds * 1000).rounded()))
        }
        let range = e.range.lowerBound..<end
        let twice = failure("@ <timestamp> may not be set multiple times", range)
        switch e.kind {
        case .vectorSelector(var vs):
            if vs.at != nil { throw twice }
            vs.at = at
            return Expr(.vectorSelector(vs), range: range)
        case .matrixSelector(var ms):
            if ms.selector.at != nil { throw twice }
            ms.selector.at = at
            return Expr(.matrixSelector(ms), range: range)
        case .subquery(var sq):
            if sq.at != nil { throw twice }
            sq.at = at
            return Expr(.subquery(sq), range: range)
        default:
            throw failure("@ modifier must be preceded by an instant vector selector or range vector selector or a subquery", range)
        }
    }

    mutating func parsePrimary() throws(Failure) -> Expr {
        let t = current
        switch t.kind {
        case .number:
            advance()
            return Expr(.number(NumberLiteral(try numberValue(t))), range: t.range)
        case .duration:
            advance()
            return Expr(.number(NumberLiteral(Double(try durationValue(t)) / 1000, isDuration: true)), range: t.range)
        case .string:
            advance()
            return Expr(.string(try stringValue(t)), range: t.range)
        case .leftParen:
            advance()
            try enter(t.start)
            openParens.append(t.start)
            defer {
                depth -= 1
                openParens.removeLast()
            }
            let inner = try parseBinary(minPrecedence: 1)
            guard current.kind == .rightParen else {
                if current.kind == .eof, lexError == nil { throw failure("unclosed left parenthesis", t.range) }
                throw unexpected("paren expression", expected: "\")\"")
            }
            let close = advance()
            return Expr(.paren(inner), range: t.start..<close.end)
        case .leftBrace:
            return try parseSelector(name: nil, start: t.start)
        case .identifier, .metricIdentifier:
            advance()
            let name = text(t)
            if t.kind == .identifier, current.kind == .leftParen {
                return try parseCall(name: name, nameToken: t)
            }
            if current.kind == .leftBrace { return try parseSelector(name: name, start: t.start) }
            return Expr(.vectorSelector(VectorSelector(name: name)), range: t.range)
        case .keyword where t.keyword == .aggregator:
            return try parseAggregate()
        case .rightParen:
            throw failure("unexpected right parenthesis ')'", t.range)
        case .rightBrace:
            throw failure("unexpected character: '}'", t.range)
        case .leftBracket:
            throw failure("unexpected left bracket", t.range)
        case .rightBracket:
            throw failure("unexpected right bracket ']'", t.range)
        case .eof where lexError == nil && !openParens.isEmpty:
            let open = openParens[openParens.count - 1]
            throw failure("unclosed left parenthesis", open..<(open + 1))
        default:
            throw unexpected()
        }
    }

    // MARK: Selectors

    /// Whether a token can serve as a label name (keywords can).
    func isLabelToken(_ t: Token) -> Bool {
        switch t.kind {
        case .identifier, .keyword: return true
        case .number: return Lexer.isAlpha(bytes[t.start])
        default: return false
        }
    }

    mutating func parseSelector(name: String?, start: Int) throws(Failure) -> Expr {
        let open = advance() // {
        var name = name
        var matchers: [LabelMatcher] = []
        while current.kind != .rightBrace {
            let t = current
            if t.kind == .eof {
                if let lexError { throw Failure(error: lexError) }
                throw failure("unexpected end of input inside braces", open.start..<t.start)
            }
            var label: String
            if t.kind == .string {
                advance()
                label = try stringValue(t)
                if current.kind == .comma || current.kind == .rightBrace {
                    if let name {
                        softErrors.append(PromQLError(.type, "metric name must not be set twice: \(PromQLPrinter.quote(name)) or \(PromQLPrinter.quote(label))", range: t.range))
                    }
                    name = label
                    if current.kind == .comma { advance() }
                    continue
                }
            } else if isLabelToken(t) {
                advance()
                label = text(t)
            } else {
                throw unexpected("label matching", expected: "label name")
            }
            let op: MatchOp
            switch current.kind {
            case .assign: op = .equal
            case .neq: op = .notEqual
            case .regexMatch: op = .regexMatch
            case .regexNoMatch: op = .regexNoMatch
            case .eof where lexError == nil: throw failure("unexpected end of input inside braces", open.start..<current.start)
            default: throw unexpected("label matching", expected: "label matching operator")
            }
            advance()
            guard current.kind == .string else {
                if current.kind == .eof, lexError == nil { throw failure("unexpected end of input inside braces", open.start..<current.start) }
                throw unexpected("label matching", expected: "string")
            }
            let v = advance()
            matchers.append(LabelMatcher(name: label, op: op, value: try stringValue(v), range: t.start..<v.end))
            if current.kind == .comma {
                advance()
            } else if current.kind != .rightBrace {
                if current.kind == .eof, lexError == nil { throw failure("unexpected end of input inside braces", open.start..<current.start) }
                throw unexpected("label matching", expected: "\",\" or \"}\"")
            }
        }
        let close = advance()
        return Expr(.vectorSelector(VectorSelector(name: name, matchers: matchers)), range: start..<close.end)
    }

    /// `( label, … )` with an optional trailing comma; labels may be quoted.
    mutating func parseLabelList(context: String) throws(Failure) -> [String] {
        guard current.kind == .leftParen else { throw unexpected(context, expected: "\"(\"") }
        advance()
        var labels: [String] = []
        while current.kind != .rightParen {
            let t = current
            if t.kind == .string {
                labels.append(try stringValue(t))
            } else if isLabelToken(t) {
                labels.append(text(t))
            } else {
                throw unexpected(context, expected: labels.isEmpty ? "label" : "\",\" or \")\"")
            }
            advance()
            if current.kind == .comma { advance() } else if current.kind != .rightParen {
                throw unexpected(context, expected: "\",\" or \")\"")
            }
        }
        advance()
        return labels
    }

    // MARK: Calls and aggregations

    mutating func parseArgs(context: String) throws(Failure) -> (args: [Expr], end: Int) {
        let open = advance() // (
        openParens.append(open.start)
        defer { openParens.removeLast() }
        var args: [Expr] = []
        while current.kind != .rightParen {
            if current.kind == .eof, lexError == nil, !args.isEmpty { throw failure("unclosed left parenthesis", open.range) }
            args.append(try parseBinary(minPrecedence: 1))
            if current.kind == .comma { advance() } else if current.kind != .rightParen {
                if current.kind == .eof, lexError == nil { throw failure("unclosed left parenthesis", open.range) }
                throw unexpected(context, expected: "\",\" or \")\"")
            }
        }
        return (args, advance().end)
    }

    mutating func parseCall(name: String, nameToken: Token) throws(Failure) -> Expr {
        guard let fn = PromQLFunction.named(name) else {
            throw failure("unknown function with name \(PromQLPrinter.quote(name))", nameToken.range)
        }
        if fn.experimental, !options.experimentalFunctions {
            softErrors.append(PromQLError(.syntax, "function \(PromQLPrinter.quote(name)) is not enabled", range: nameToken.range))
        }
        try enter(nameToken.start)
        defer { depth -= 1 }
        let (args, end) = try parseArgs(context: "function call")
        let e = Expr(.call(Call(function: fn, args: args)), range: nameToken.start..<end)
        try checkHeight(e)
        return e
    }

    mutating func parseGrouping() throws(Failure) -> Grouping? {
        guard current.kind == .keyword, current.keyword == .by || current.keyword == .without else { return nil }
        let by = advance().keyword == .by
        let labels = try parseLabelList(context: "grouping")
        if by { return labels.isEmpty ? Grouping.none : .by(labels) }
        return .without(labels)
    }

    mutating func parseAggregate() throws(Failure) -> Expr {
        let t = advance()
        guard let op = t.aggregator else { throw failure("unexpected aggregator", t.range) }
        try enter(t.start)
        defer { depth -= 1 }
        if op.isExperimental, !options.experimentalFunctions {
            softErrors.append(PromQLError(.syntax, "limitk() and limit_ratio() are experimental and must be enabled with --enable-feature=promql-experimental-functions", range: t.range))
        }
        var grouping = try parseGrouping()
        let groupedBefore = grouping != nil
        guard current.kind == .leftParen else { throw unexpected("aggregation", expected: "\"(\"") }
        let (args, argsEnd) = try parseArgs(context: "aggregation")
        var end = argsEnd
        if !groupedBefore {
            let groupStart = i
            grouping = try parseGrouping()
            if grouping != nil { end = tokens[i - 1].end } else { i = groupStart }
        } else if current.kind == .keyword, current.keyword == .by || current.keyword == .without {
            throw unexpected()
        }
        let range = t.start..<end
        let expected = op.takesParameter ? 2 : 1
        if args.isEmpty { throw failure("no arguments for aggregate expression provided", range) }
        if args.count != expected {
            throw failure("wrong number of arguments for aggregate expression provided, expected \(expected), got \(args.count)", range)
        }
        let agg = Aggregate(op: op, expr: args[args.count - 1], param: op.takesParameter ? args[0] : nil,
                            grouping: grouping ?? Grouping.none, groupingAfterBody: !groupedBefore && grouping != nil)
        let e = Expr(.aggregate(agg), range: range)
        try checkHeight(e)
        return e
    }

    // MARK: Literals

    func stringValue(_ t: Token) throws(Failure) -> String {
        switch StringLiteralDecoder.decode(bytes, t.range) {
        case .success(let s): return s
        case .failure(let e): throw Failure(error: e)
        }
    }

    func numberValue(_ t: Token) throws(Failure) -> Double {
        let s = text(t)
        if let v = PromQLNumber.parse(s) { return v }
        throw failure("error parsing number: \(s)", t.range)
    }

    /// Milliseconds of a duration token, or of a number token read as seconds.
    func durationValue(_ t: Token) throws(Failure) -> Int64 {
        let s = text(t)
        if t.kind == .number {
            guard let v = PromQLNumber.parse(s), v.isFinite, abs(v) < 9.2e15 else {
                throw failure("duration out of range", t.range)
            }
            return Int64((v * 1000).rounded())
        }
        guard let ms = PromQLDuration.parse(s) else { throw failure("not a valid duration string: \(PromQLPrinter.quote(s))", t.range) }
        return ms
    }
}

/// PromQL number literals, read as Prometheus reads them (integers with Go's base prefixes first).
public enum PromQLNumber {
    /// The value of a number literal, or nil when it is not one.
    public static func parse(_ s: String) -> Double? {
        var lower = s.lowercased()
        if lower.utf8.contains(UInt8(ascii: "_")) {
            guard let cleaned = removingUnderscores(lower) else { return nil }
            lower = cleaned
        }
        if lower == "inf" || lower == "+inf" { return .infinity }
        if lower == "-inf" { return -.infinity }
        if lower == "nan" { return .nan }
        if lower.hasPrefix("0x") { return UInt64(lower.dropFirst(2), radix: 16).map { Double($0) } }
        if lower.count > 1, lower.hasPrefix("0"), lower.allSatisfy({ $0 >= "0" && $0 <= "7" }) {
            return UInt64(lower.dropFirst(), radix: 8).map { Double($0) }
        }
        guard let first = lower.utf8.first, first == 0x2E || Lexer.isDigit(first) else { return nil }
        return Double(lower)
    }
}

extension PromQLNumber {
    /// `lower` without digit separators, or nil when an underscore does not stand between two
    /// digits (or right after a `0x` prefix).
    static func removingUnderscores(_ lower: String) -> String? {
        let b = Array(lower.utf8)
        let hex = lower.hasPrefix("0x")
        func isDigit(_ c: UInt8) -> Bool { Lexer.isDigit(c) || (hex && c >= 0x61 && c <= 0x66) }
        var out: [UInt8] = []
        for (i, c) in b.enumerated() {
            guard c == 0x5F else { out.append(c); continue }
            let before = i > 0 ? b[i - 1] : 0
            let after = i + 1 < b.count ? b[i + 1] : 0
            guard isDigit(after), isDigit(before) || (hex && i == 2) else { return nil }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Prometheus durations (`1h30m`, `500ms`, `1y2w3d`), in milliseconds.
public enum PromQLDuration {
    private static let units: [(String, Int64)] = [
        ("y", 365 * 86_400_000), ("w", 7 * 86_400_000), ("d", 86_400_000), ("h", 3_600_000), ("m", 60_000), ("s", 1000), ("ms", 1),
    ]

    /// Milliseconds of a duration string, or nil when it is not one (units must come in order
    /// y w d h m s ms, each at most once).
    public static func parse(_ s: String) -> Int64? {
        let b = Array(s.utf8)
        var i = 0
        var lastUnit = -1
        var total: Int64 = 0
        guard !b.isEmpty else { return nil }
        while i < b.count {
            var n: Int64 = 0
            let start = i
            while i < b.count, Lexer.isDigit(b[i]) {
                let (m, o1) = n.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int64(b[i] - 0x30))
                if o1 || o2 { return nil }
                n = a
                i += 1
            }
            guard i > start, i < b.count else { return nil }
            var unit: Int
            switch b[i] {
            case 0x79: unit = 0
            case 0x77: unit = 1
            case 0x64: unit = 2
            case 0x68: unit = 3
            case 0x6D: unit = (i + 1 < b.count && b[i + 1] == 0x73) ? 6 : 4
            case 0x73: unit = 5
            default: return nil
            }
            i += unit == 6 ? 2 : 1
            guard unit > lastUnit else { return nil }
            lastUnit = unit
            let (m, o1) = n.multipliedReportingOverflow(by: units[unit].1)
            let (a, o2) = total.addingReportingOverflow(m)
            if o1 || o2 { return nil }
            total = a
        }
        return total
    }

    /// Prometheus's rendering of a duration: largest units first, `y` and `w` only when exact.
    public static func format(_ ms: Int64) -> String {
        if ms == 0 { return "0s" }
        if ms < 0 { return "-" + format(ms == Int64.min ? Int64.max : -ms) }
        var rest = ms
        var out = ""
        for (index, (name, mult)) in units.enumerated() {
            if index < 2, rest % mult != 0 { continue }
            let v = rest / mult
            if v > 0 {
                out += "\(v)\(name)"
                rest -= v * mult
            }
        }
        return out
    }
}
