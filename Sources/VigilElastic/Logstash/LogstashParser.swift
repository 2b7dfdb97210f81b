import VigilCore

/// A syntax error in a Logstash pipeline, with the range it concerns.
public struct LogstashSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var range: SourceRange
    public var hint: String?
    /// A related location ("`{` opened here").
    public var note: (message: String, range: SourceRange)?

    public init(_ message: String, range: SourceRange, hint: String? = nil, note: (String, SourceRange)? = nil) {
        self.message = message
        self.range = range
        self.hint = hint
        self.note = note
    }

    public static func == (a: LogstashSyntaxError, b: LogstashSyntaxError) -> Bool {
        a.message == b.message && a.range == b.range && a.hint == b.hint
    }
    public func hash(into hasher: inout Hasher) { hasher.combine(message); hasher.combine(range) }

    public var description: String { "\(range.start): \(message)" }
}

/// What parsing produced: the pipeline (nil after a fatal error) and every error found.
/// Some errors are recovered from (commas between hash entries), so a pipeline and errors can
/// both be present.
public struct LogstashParseResult: Sendable {
    public var pipeline: LogstashPipeline?
    public var errors: [LogstashSyntaxError]
}

/// Parses Logstash's configuration language, as Logstash's own grammar (`lscl`) accepts it.
///
/// Hand-written recursive descent over bytes with at most a few bytes of lookahead, so any input
/// is answered in linear time; nesting deeper than `maxDepth` is an error, not a stack overflow.
/// An unclosed brace is reported at the end of the file with a note at the brace that opened it.
public struct LogstashParser: Sendable {
    public var maxDepth: Int

    public init(maxDepth: Int = 100) { self.maxDepth = maxDepth }

    /// Parses a whole pipeline file.
    public func parse(_ file: SourceFile) -> LogstashParseResult {
        var state = ParserState(file: file, maxDepth: maxDepth)
        do {
            let p = try state.config()
            return LogstashParseResult(pipeline: p, errors: state.recovered)
        } catch let e as LogstashSyntaxError {
            return LogstashParseResult(pipeline: nil, errors: state.recovered + [e])
        } catch {
            return LogstashParseResult(pipeline: nil, errors: state.recovered)
        }
    }

    /// Parses text; throws the first error.
    public func parse(_ text: String, path: String = "pipeline.conf") throws -> LogstashPipeline {
        let r = parse(SourceFile(path: path, text: text))
        if let e = r.errors.first { throw e }
        guard let p = r.pipeline else { throw LogstashSyntaxError("empty result", range: SourceRange(at: SourcePosition(line: 1, column: 1, offset: 0))) }
        return p
    }

    /// Parses a condition alone (`[level] == "ERROR" or [level] == "CRITICAL"`).
    public func parseCondition(_ text: String) throws -> Condition {
        var state = ParserState(file: SourceFile(path: "<condition>", text: text), maxDepth: maxDepth)
        state.skipSpace()
        let c = try state.condition()
        state.skipSpace()
        guard state.atEnd else { throw state.error("unexpected \(state.describeHere()) after the condition") }
        return c
    }
}

private struct ParserState {
    let file: SourceFile
    let b: [UInt8]
    var i = 0
    var depth = 0
    let maxDepth: Int
    var pendingComments: [String] = []
    var recovered: [LogstashSyntaxError] = []
    /// Opening braces and brackets not yet closed: (character, offset, what they open).
    var open: [(UInt8, Int, String)] = []

    init(file: SourceFile, maxDepth: Int) {
        self.file = file
        self.b = file.bytes
        self.maxDepth = maxDepth
    }

    var atEnd: Bool { i >= b.count }
    func peek(_ k: Int = 0) -> UInt8? { i + k < b.count ? b[i + k] : nil }

    func pos(_ o: Int) -> SourcePosition { file.position(atOffset: o) }
    func range(_ s: Int, _ e: Int) -> SourceRange { SourceRange(start: pos(s), end: pos(e)) }
    func span(_ s: Int) -> Span { Span(range(s, i)) }

    func error(_ message: String, at offset: Int? = nil, length: Int = 1, hint: String? = nil) -> LogstashSyntaxError {
        let s = offset ?? i
        return LogstashSyntaxError(message, range: range(s, min(b.count, s + length)), hint: hint)
    }

    /// A short description of what is at the cursor, for "expected X, found Y".
    func describeHere() -> String {
        guard let c = peek() else { return "end of file" }
        if isWordByte(c) {
            var j = i
            while j < b.count, isWordByte(b[j]), j - i < 40 { j += 1 }
            return "`\(String(decoding: b[i..<j], as: UTF8.self))`"
        }
        if c == 0x22 || c == 0x27 { return "a string" }
        if c >= 0x80 { return "a non-ASCII character" }
        return "`\(String(UnicodeScalar(c)))`"
    }

    func isWordByte(_ c: UInt8) -> Bool {
        (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x5F || c == 0x2D
    }
    func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }

    /// Skips whitespace and comments, collecting comments for the next item.
    mutating func skipSpace() {
        while let c = peek() {
            if isSpace(c) { i += 1; continue }
            if c == 0x23 {
                var j = i + 1
                while j < b.count, b[j] != 0x0A, b[j] != 0x0D { j += 1 }
                // Trimmed by bytes, not Characters: a combining mark after the space would join
                // it into one grapheme, and the printed `# ` would then not read back the same.
                var start = i + 1
                if start < j, b[start] == 0x20 { start += 1 }
                var end = j
                while end > start, b[end - 1] == 0x20 || b[end - 1] == 0x09 { end -= 1 }
                pendingComments.append(String(decoding: b[start..<end], as: UTF8.self))
                i = j
                continue
            }
            break
        }
    }

    mutating func takeComments() -> [String] {
        defer { pendingComments = [] }
        return pendingComments
    }

    mutating func enter(_ what: String) throws {
        depth += 1
        if depth > maxDepth {
            throw error("\(what) nested deeper than \(maxDepth) levels", hint: "flatten the configuration; Vigil stops here to protect itself")
        }
    }

    /// Reads a word made of `[A-Za-z0-9_-]`.
    mutating func word() -> (String, Int)? {
        let s = i
        while let c = peek(), isWordByte(c) { i += 1 }
        guard i > s else { return nil }
        return (String(decoding: b[s..<i], as: UTF8.self), s)
    }

    /// Whether the word at the cursor is `w` (followed by a non-word byte).
    func lookingAt(word w: String) -> Bool {
        let u = Array(w.utf8)
        guard i + u.count <= b.count, Array(b[i..<(i + u.count)]) == u else { return false }
        if let n = (i + u.count < b.count ? b[i + u.count] : nil), isWordByte(n) { return false }
        return true
    }

    mutating func expect(_ c: UInt8, _ what: String, after context: String) throws {
        guard peek() == c else {
            throw error("expected \(what) \(context), found \(describeHere())")
        }
        i += 1
    }

    /// Consumes `{` and remembers it for the unclosed-brace report.
    mutating func openBrace(_ what: String, after context: String) throws {
        try expect(0x7B, "`{`", after: context)
        open.append((0x7B, i - 1, what))
    }

    mutating func closeBrace() {
        i += 1
        _ = open.popLast()
    }

    /// The error at the end of input: names the innermost unclosed brace or bracket.
    func unexpectedEnd(expecting: String) -> LogstashSyntaxError {
        if let (c, o, what) = open.last {
            let p = pos(o)
            let ch = c == 0x7B ? "{" : "["
            return LogstashSyntaxError("unexpected end of file: `\(ch)` of \(what) opened at line \(p.line), column \(p.column) is never closed",
                                       range: range(b.count, b.count), hint: "add the missing `\(c == 0x7B ? "}" : "]")`",
                                       note: ("opened here", range(o, o + 1)))
        }
        return LogstashSyntaxError("unexpected end of file, expected \(expecting)", range: range(b.count, b.count))
    }

    // MARK: config

    mutating func config() throws -> LogstashPipeline {
        var sections: [PipelineSection] = []
        skipSpace()
        while !atEnd {
            sections.append(try section())
            skipSpace()
        }
        return LogstashPipeline(sections: sections, trailingComments: takeComments())
    }

    mutating func section() throws -> PipelineSection {
        let comments = takeComments()
        let s = i
        guard let (name, ws) = word() else {
            if peek() == 0x7D { throw error("unexpected `}`: there is no open block to close", hint: "remove it, or look for a block that was closed twice") }
            throw error("expected `input`, `filter` or `output`, found \(describeHere())")
        }
        guard let kind = PipelineSection.Kind(rawValue: name) else {
            let hint = Suggestion.closest(to: name, in: PipelineSection.Kind.allCases.map(\.rawValue)).map { "did you mean `\($0)`?" }
            throw error("expected `input`, `filter` or `output`, found `\(name)`", at: ws, length: name.utf8.count,
                        hint: hint ?? "a pipeline is made of `input { }`, `filter { }` and `output { }` sections")
        }
        skipSpace()
        try openBrace("`\(name)`", after: "after `\(name)`")
        let (items, trailing) = try block(in: "`\(name)`")
        return PipelineSection(kind: kind, items: items, comments: comments, trailingComments: trailing, span: span(s))
    }

    /// The items of a section or clause body, up to and including the closing brace.
    mutating func block(in what: String) throws -> ([PipelineItem], [String]) {
        try enter("blocks")
        defer { depth -= 1 }
        var items: [PipelineItem] = []
        skipSpace()
        while true {
            guard let c = peek() else { throw unexpectedEnd(expecting: "`}`") }
            if c == 0x7D { break }
            if lookingAt(word: "if") {
                items.append(.branch(try branch()))
            } else if lookingAt(word: "else") {
                throw error("`else` without a preceding `if`", length: 4, hint: "put `else` right after the closing `}` of an `if` block")
            } else {
                items.append(.plugin(try plugin(in: what)))
            }
            skipSpace()
        }
        let trailing = takeComments()
        closeBrace()
        return (items, trailing)
    }

    // MARK: plugins

    mutating func pluginName() throws -> (String, Int, Int)? {
        let s = i
        if let c = peek(), c == 0x22 || c == 0x27 {
            let (text, _) = try stringLiteral()
            return (text, s, i)
        }
        guard let (w, _) = word() else { return nil }
        return (w, s, i)
    }

    mutating func plugin(in what: String) throws -> Plugin {
        let comments = takeComments()
        let s = i
        guard let (name, ns, ne) = try pluginName() else {
            throw error("expected a plugin name or `if` in \(what), found \(describeHere())")
        }
        skipSpace()
        if peek() == 0x3D, peek(1) == 0x3E {
            throw error("`\(name) =>` outside a plugin: attributes belong inside a plugin's braces", at: ns, length: ne - ns,
                        hint: "wrap it in a plugin, e.g. `stdout { \(name) => … }`")
        }
        try openBrace("plugin `\(name)`", after: "after plugin name `\(name)`")
        return try pluginBody(name: name, start: s, nameRange: (ns, ne), comments: comments)
    }

    /// Attributes up to and including the closing brace.
    mutating func pluginBody(name: String, start s: Int, nameRange: (Int, Int), comments: [String]) throws -> Plugin {
        try enter("plugins")
        defer { depth -= 1 }
        var attributes: [Attribute] = []
        skipSpace()
        while true {
            guard let c = peek() else { throw unexpectedEnd(expecting: "`}`") }
            if c == 0x7D { break }
            attributes.append(try attribute(of: name))
            skipSpace()
        }
        let trailing = takeComments()
        closeBrace()
        return Plugin(name: name, attributes: attributes, comments: comments, trailingComments: trailing,
                      span: span(s), nameSpan: Span(range(nameRange.0, nameRange.1)))
    }

    mutating func attribute(of plugin: String) throws -> Attribute {
        let comments = takeComments()
        let s = i
        guard let (name, ns, ne) = try pluginName() else {
            if peek() == 0x2C { throw error("unexpected `,` between attributes of `\(plugin)`", hint: "attributes are separated by whitespace; remove the comma") }
            throw error("expected an attribute name or `}` in plugin `\(plugin)`, found \(describeHere())")
        }
        skipSpace()
        guard peek() == 0x3D, peek(1) == 0x3E else {
            if peek() == 0x7B {
                throw error("expected `=>` after `\(name)`, found `{`", hint: "a plugin cannot be nested in `\(plugin)`; to set an option write `\(name) => …`, to use a codec `codec => \(name) { … }`")
            }
            if peek() == 0x3D || peek() == 0x3A {
                throw error("expected `=>` after attribute name `\(name)`, found \(describeHere())", hint: "Logstash assigns with `=>`: `\(name) => …`")
            }
            throw error("expected `=>` after attribute name `\(name)`, found \(describeHere())")
        }
        i += 2
        skipSpace()
        let v = try value(context: "attribute `\(name)`")
        return Attribute(name: name, value: v, comments: comments, span: span(s), nameSpan: Span(range(ns, ne)))
    }

    // MARK: values

    mutating func value(context: String) throws -> Value {
        try enter("values")
        defer { depth -= 1 }
        let s = i
        guard let c = peek() else { throw unexpectedEnd(expecting: "a value for \(context)") }
        switch c {
        case 0x22, 0x27:
            let (text, q) = try stringLiteral()
            // A quoted name followed by `{` is a plugin.
            let save = i
            let savedComments = pendingComments  // skipSpace collects comments; a backtrack must drop them
            skipSpace()
            if peek() == 0x7B {
                let comments = takeComments()
                open.append((0x7B, i, "plugin `\(text)`"))
                i += 1
                let p = try pluginBody(name: text, start: s, nameRange: (s, save), comments: comments)
                return Value(.plugin(p), span: span(s))
            }
            i = save
            pendingComments = savedComments
            return Value(.string(text, q), span: span(s))
        case 0x5B: return try array(start: s)
        case 0x7B: return try hash(start: s)
        default:
            break
        }
        if c == 0x2D || (c >= 0x30 && c <= 0x39) {
            if let n = number() {
                // `5044` alone is a number; `5044x {` cannot be, but a word like `123abc` is a name.
                if let d = peek(), isWordByte(d) { i = s } else {
                    return Value(.number(n), span: span(s))
                }
            }
        }
        guard let (w, ws) = word() else {
            throw error("expected a value for \(context), found \(describeHere())",
                        hint: "values are strings (\"…\"), numbers, words, arrays ([…]) or hashes ({…})")
        }
        let save = i
        let savedComments = pendingComments
        skipSpace()
        if peek() == 0x7B {
            let comments = takeComments()
            open.append((0x7B, i, "plugin `\(w)`"))
            i += 1
            let p = try pluginBody(name: w, start: ws, nameRange: (ws, save), comments: comments)
            return Value(.plugin(p), span: span(s))
        }
        i = save
        pendingComments = savedComments
        guard isBareword(w) else {
            throw error("`\(w)` is not a valid bare value for \(context)", at: ws, length: w.utf8.count,
                        hint: "quote it: \"\(w)\"")
        }
        return Value(.bareword(w), span: span(s))
    }

    /// Logstash's bareword: a letter or `_`, then at least one of `[A-Za-z0-9_]`.
    func isBareword(_ w: String) -> Bool {
        let u = Array(w.utf8)
        guard u.count >= 2, let f = u.first, (f >= 0x41 && f <= 0x5A) || (f >= 0x61 && f <= 0x7A) || f == 0x5F else { return false }
        return !u.contains(0x2D)
    }

    mutating func number() -> String? {
        let s = i
        if peek() == 0x2D { i += 1 }
        let digits = i
        while let c = peek(), c >= 0x30 && c <= 0x39 { i += 1 }
        guard i > digits else { i = s; return nil }
        if peek() == 0x2E {
            i += 1
            while let c = peek(), c >= 0x30 && c <= 0x39 { i += 1 }
        }
        return String(decoding: b[s..<i], as: UTF8.self)
    }

    /// A quoted string; a backslash before the quote character escapes it.
    mutating func stringLiteral() throws -> (String, Quote) {
        let s = i
        let q = b[i]
        i += 1
        let contentStart = i
        while let c = peek() {
            if c == 0x5C, peek(1) == q { i += 2; continue }
            if c == q {
                let text = String(decoding: b[contentStart..<i], as: UTF8.self)
                i += 1
                return (text, q == 0x22 ? .double : .single)
            }
            i += 1
        }
        let p = pos(s)
        throw LogstashSyntaxError("unterminated string starting at line \(p.line), column \(p.column)", range: range(s, s + 1),
                                  hint: "close it with \(q == 0x22 ? "\"" : "'")")
    }

    mutating func array(start s: Int) throws -> Value {
        open.append((0x5B, i, "an array"))
        i += 1
        var items: [Value] = []
        skipSpace()
        if peek() == 0x5D {
            i += 1; _ = open.popLast()
            return Value(.array([]), span: span(s))
        }
        while true {
            if atEnd { throw unexpectedEnd(expecting: "`]`") }
            items.append(try value(context: "an array element"))
            skipSpace()
            guard let c = peek() else { throw unexpectedEnd(expecting: "`,` or `]`") }
            if c == 0x5D { i += 1; _ = open.popLast(); break }
            if c == 0x2C {
                i += 1
                skipSpace()
                if peek() == 0x5D {
                    throw error("trailing `,` before `]`", at: i - 1, hint: "remove the last comma; Logstash does not accept it")
                }
                continue
            }
            throw error("expected `,` or `]` in an array, found \(describeHere())", hint: "separate array elements with commas")
        }
        return Value(.array(items), span: span(s))
    }

    mutating func hash(start s: Int) throws -> Value {
        open.append((0x7B, i, "a hash"))
        i += 1
        var entries: [HashEntry] = []
        var firstComma: Int?
        var commas = 0
        defer {
            if let at = firstComma {
                let more = commas > 1 ? " (\(commas) commas in this hash)" : ""
                recovered.append(error("unexpected `,` between hash entries\(more)", at: at,
                                       hint: "Logstash separates hash entries with whitespace, not commas: remove the commas (this is not JSON)"))
            }
        }
        skipSpace()
        while true {
            guard let c = peek() else { throw unexpectedEnd(expecting: "`}`") }
            if c == 0x7D { i += 1; _ = open.popLast(); break }
            if c == 0x2C {
                // Logstash separates hash entries by whitespace only; note the first comma of
                // the hash and go on, so the rest of the pipeline is still checked.
                if firstComma == nil { firstComma = i }
                commas += 1
                i += 1
                skipSpace()
                continue
            }
            let ks = i
            let key: Value
            if c == 0x22 || c == 0x27 {
                let (t, q) = try stringLiteral()
                key = Value(.string(t, q), span: span(ks))
            } else if let n = number(), !(peek().map(isWordByte) ?? false) {
                key = Value(.number(n), span: span(ks))
            } else {
                i = ks
                guard let (w, _) = word() else {
                    throw error("expected a hash key or `}`, found \(describeHere())")
                }
                guard isBareword(w) else {
                    throw error("`\(w)` is not a valid hash key", at: ks, length: w.utf8.count, hint: "quote it: \"\(w)\"")
                }
                key = Value(.bareword(w), span: span(ks))
            }
            skipSpace()
            guard peek() == 0x3D, peek(1) == 0x3E else {
                if peek() == 0x3A {
                    throw error("expected `=>` after hash key, found `:`", hint: "Logstash hashes use `=>`: { \"key\" => \"value\" } (this is not JSON)")
                }
                throw error("expected `=>` after hash key, found \(describeHere())")
            }
            i += 2
            skipSpace()
            let v = try value(context: "a hash entry")
            entries.append(HashEntry(key: key, value: v))
            skipSpace()
        }
        _ = takeComments()
        return Value(.hash(entries), span: span(s))
    }

    // MARK: conditionals

    mutating func branch() throws -> Branch {
        let comments = takeComments()
        let s = i
        var clauses: [Clause] = []
        i += 2
        clauses.append(try clause(start: s, keyword: "if"))
        while true {
            let save = i
            let savedComments = pendingComments
            skipSpace()
            guard lookingAt(word: "else") else { i = save; pendingComments = savedComments; break }
            let cs = i
            i += 4
            skipSpace()
            if lookingAt(word: "if") {
                i += 2
                clauses.append(try clause(start: cs, keyword: "else if"))
            } else {
                _ = takeComments()
                try openBrace("`else`", after: "after `else`")
                let (body, trailing) = try block(in: "`else`")
                clauses.append(Clause(condition: nil, body: body, trailingComments: trailing, span: span(cs)))
                break
            }
        }
        return Branch(clauses: clauses, comments: comments, span: span(s))
    }

    mutating func clause(start s: Int, keyword: String) throws -> Clause {
        skipSpace()
        if peek() == 0x7B { throw error("`\(keyword)` without a condition", hint: "write the condition before `{`, e.g. `\(keyword) [type] == \"nginx\" {`") }
        let c = try condition()
        skipSpace()
        _ = takeComments()
        try openBrace("`\(keyword)`", after: "after the condition of `\(keyword)`")
        let (body, trailing) = try block(in: "`\(keyword)`")
        return Clause(condition: c, body: body, trailingComments: trailing, span: span(s))
    }

    mutating func booleanOperator() -> BooleanOperator? {
        for op in BooleanOperator.allCases where lookingAt(word: op.rawValue) {
            i += op.rawValue.utf8.count
            return op
        }
        return nil
    }

    mutating func condition() throws -> Condition {
        try enter("conditions")
        defer { depth -= 1 }
        let first = try expression()
        var rest: [(BooleanOperator, Condition)] = []
        while true {
            let save = i
            let savedComments = pendingComments
            skipSpace()
            guard let op = booleanOperator() else { i = save; pendingComments = savedComments; break }
            skipSpace()
            rest.append((op, try expression()))
        }
        return rest.isEmpty ? first : .chain(first, rest)
    }

    mutating func expression() throws -> Condition {
        try enter("expressions")
        defer { depth -= 1 }
        guard let c = peek() else { throw unexpectedEnd(expecting: "a condition") }
        if c == 0x28 {
            open.append((0x28, i, "a parenthesis"))
            i += 1
            skipSpace()
            let inner = try condition()
            skipSpace()
            guard peek() == 0x29 else {
                if atEnd { throw unexpectedEnd(expecting: "`)`") }
                throw error("expected `)` or a boolean operator (`and`, `or`, `xor`, `nand`), found \(describeHere())")
            }
            i += 1
            _ = open.popLast()
            return .group(inner)
        }
        if c == 0x21, peek(1) != 0x3D, peek(1) != 0x7E {
            i += 1
            skipSpace()
            if peek() == 0x28 {
                let g = try expression()
                return .not(g)
            }
            guard peek() == 0x5B else {
                throw error("`!` must be followed by a field reference or a parenthesised condition, found \(describeHere())",
                            hint: "write `![field]` or `!(condition)`")
            }
            let s = i
            guard let sel = try selector() else { throw error("expected a field reference after `!`") }
            return .not(.value(RValue(.field(sel), span: span(s))))
        }
        let left = try rvalue()
        let save = i
        let savedComments = pendingComments
        skipSpace()
        if lookingAt(word: "in") {
            i += 2
            skipSpace()
            return .in(left, negated: false, try rvalue())
        }
        if lookingAt(word: "not") {
            let ns = i
            i += 3
            skipSpace()
            guard lookingAt(word: "in") else { throw error("expected `in` after `not`", at: ns, length: 3) }
            i += 2
            skipSpace()
            return .in(left, negated: true, try rvalue())
        }
        if peek() == 0x3D, peek(1) == 0x7E { i += 2; skipSpace(); return .match(left, negated: false, try matchTarget()) }
        if peek() == 0x21, peek(1) == 0x7E { i += 2; skipSpace(); return .match(left, negated: true, try matchTarget()) }
        for op in [CompareOperator.equal, .notEqual, .lessOrEqual, .greaterOrEqual, .less, .greater] {
            let u = Array(op.rawValue.utf8)
            if i + u.count <= b.count, Array(b[i..<(i + u.count)]) == u {
                i += u.count
                skipSpace()
                return .compare(left, op, try rvalue())
            }
        }
        if peek() == 0x3D {
            throw error("`=` is not a comparison operator", hint: "compare with `==`")
        }
        i = save
        pendingComments = savedComments
        return .value(left)
    }

    mutating func matchTarget() throws -> RValue {
        guard let c = peek(), c == 0x22 || c == 0x27 || c == 0x2F else {
            throw error("expected a regexp (`/…/`) or a string after `=~`/`!~`, found \(describeHere())")
        }
        return try rvalue()
    }

    /// `[a][b]`: each element is `[` followed by anything but `[`, `]` and `,`, then `]`.
    /// Returns nil (cursor unchanged) when the bracket starts an array instead.
    mutating func selector() throws -> FieldReference? {
        let s = i
        var parts: [String] = []
        while peek() == 0x5B {
            var j = i + 1
            while j < b.count, b[j] != 0x5D, b[j] != 0x5B, b[j] != 0x2C, b[j] != 0x0A { j += 1 }
            guard j < b.count, b[j] == 0x5D, j > i + 1 else {
                if parts.isEmpty { i = s; return nil }
                break
            }
            parts.append(String(decoding: b[(i + 1)..<j], as: UTF8.self))
            i = j + 1
        }
        return parts.isEmpty ? nil : FieldReference(parts)
    }

    mutating func rvalue() throws -> RValue {
        let s = i
        guard let c = peek() else { throw unexpectedEnd(expecting: "a value") }
        switch c {
        case 0x22, 0x27:
            let (t, q) = try stringLiteral()
            return RValue(.string(t, q), span: span(s))
        case 0x5B:
            if let sel = try selector() { return RValue(.field(sel), span: span(s)) }
            let v = try array(start: s)
            if case .array(let a) = v.kind { return RValue(.array(a), span: span(s)) }
            throw error("expected an array")
        case 0x2F:
            i += 1
            while let d = peek() {
                if d == 0x5C, peek(1) == 0x2F { i += 2; continue }
                if d == 0x2F { break }
                i += 1
            }
            guard peek() == 0x2F else {
                let p = pos(s)
                throw LogstashSyntaxError("unterminated regexp starting at line \(p.line), column \(p.column)", range: range(s, s + 1), hint: "close it with `/`")
            }
            let text = String(decoding: b[(s + 1)..<i], as: UTF8.self)
            i += 1
            return RValue(.regexp(text), span: span(s))
        default: break
        }
        if c == 0x2D || (c >= 0x30 && c <= 0x39), let n = number() {
            return RValue(.number(n), span: span(s))
        }
        if let (w, ws) = word() {
            let save = i
            let savedComments = pendingComments
            skipSpace()
            if peek() == 0x28, isBareword(w) {
                open.append((0x28, i, "the call of `\(w)`"))
                i += 1
                var args: [RValue] = []
                skipSpace()
                if peek() != 0x29 {
                    while true {
                        args.append(try rvalue())
                        skipSpace()
                        if peek() == 0x2C { i += 1; skipSpace(); continue }
                        break
                    }
                }
                guard peek() == 0x29 else {
                    if atEnd { throw unexpectedEnd(expecting: "`)`") }
                    throw error("expected `,` or `)` in the call of `\(w)`, found \(describeHere())")
                }
                i += 1
                _ = open.popLast()
                return RValue(.call(w, args), span: span(s))
            }
            i = save
            pendingComments = savedComments
            let hint: String
            if ["true", "false"].contains(w) { hint = "conditions compare with strings: \"\(w)\"" } else { hint = "field references are written in brackets: [\(w)]" }
            throw error("`\(w)` is not a value in a condition", at: ws, length: w.utf8.count, hint: hint)
        }
        throw error("expected a value in the condition, found \(describeHere())",
                    hint: "conditions compare field references ([field]), strings, numbers, arrays and regexps")
    }
}
