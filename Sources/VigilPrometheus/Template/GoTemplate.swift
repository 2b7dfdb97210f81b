/// A Go `text/template` parsed the way Prometheus parses alert labels and annotations: only for
/// validity (what `template.Parse` rejects) and for what the template reads (`$labels.x`,
/// `$value`, functions).
///
/// Prometheus runs every alert template with `$labels`, `$externalLabels`, `$externalURL` and
/// `$value` predefined and a fixed function map; using another variable or function fails to
/// parse, as Go's parser checks both at parse time.
public struct GoTemplate: Sendable, Hashable {
    /// A problem that makes Go's parser reject the template, with its byte range in the text.
    public struct ParseError: Sendable, Hashable {
        public var message: String
        public var range: Range<Int>
    }

    /// A label the template reads from the alert (`$labels.x`, `.Labels.x`, `index $labels "x"`).
    public struct LabelReference: Sendable, Hashable {
        public var name: String
        public var range: Range<Int>
    }

    /// The first error, when the template does not parse.
    public var error: ParseError?
    /// Labels of the alert the template reads.
    public var labelReferences: [LabelReference] = []
    /// Where the template reads the alert's value (`$value`, `.Value`).
    public var valueReferences: [Range<Int>] = []
    /// Functions called, in order.
    public var functions: [String] = []
    /// Whether the template reads the whole label set (`range $labels`, `$labels` passed on).
    public var readsAllLabels = false

    /// Variables Prometheus defines before every alert template.
    public static let prometheusVariables: Set<String> = ["$", "$labels", "$externalLabels", "$externalURL", "$value"]

    /// Go's built-in template functions.
    public static let builtinFunctions: Set<String> = [
        "and", "call", "html", "index", "slice", "js", "len", "not", "or", "print", "printf", "println",
        "urlquery", "eq", "ge", "gt", "le", "lt", "ne",
    ]

    /// The functions Prometheus adds for alert and console templates (2.x and 3.x).
    public static let prometheusFunctions: Set<String> = [
        "query", "first", "label", "value", "strvalue", "args", "reReplaceAll", "safeHtml", "match", "title",
        "toUpper", "toLower", "graphLink", "tableLink", "sortByLabel", "humanize", "humanize1024",
        "humanizeDuration", "humanizePercentage", "humanizeTimestamp", "pathPrefix", "externalURL",
        "parseDuration", "stripPort", "stripDomain", "toTime", "toDuration", "now",
    ]

    /// Every function an alert template may call.
    public static let alertFunctions = builtinFunctions.union(prometheusFunctions)

    /// Whether `text` contains template actions at all (only those are parsed).
    public static func hasActions(_ text: String) -> Bool {
        // Annotations are long and most have no action: a byte search, not a Character walk.
        text.containsBytes("{{")
    }

    /// Parses `text` with the given predefined variables and functions.
    public static func parse(_ text: String, variables: Set<String> = prometheusVariables,
                             functions: Set<String> = alertFunctions) -> GoTemplate {
        var p = TemplateParser(bytes: Array(text.utf8), functions: functions)
        p.scopes = [variables]
        p.run()
        return p.result
    }
}

/// The scanner and parser behind `GoTemplate.parse`.
struct TemplateParser {
    enum Tok: Equatable {
        case ident(String), variable(String), field(String), string, number, char
        case leftParen, rightParen, pipe, declare, assign, comma, dot, end, eof
        case bad(String)
    }

    struct Token {
        var tok: Tok
        var range: Range<Int>
    }

    enum Block: String { case `if`, with, range, define, block }

    let bytes: [UInt8]
    let functions: Set<String>
    var scopes: [Set<String>] = []
    var blocks: [(Block, Range<Int>, sawElse: Bool)] = []
    var result = GoTemplate()
    var tokens: [Token] = []
    var k = 0
    /// Parenthesised pipelines open around the operand being parsed.
    var parenDepth = 0
    /// Deepest parenthesis nesting accepted; parsing recurses per level, so this bounds the stack.
    /// (Go stops at 10 000 with "max expression depth exceeded"; real templates use a handful.)
    static let maxParenDepth = 100
    /// Deepest `{{if}}`/`{{range}}`/`{{with}}`/`{{define}}` nesting accepted, which keeps the
    /// per-action scope and block lookups short.
    static let maxBlockDepth = 1_000

    init(bytes: [UInt8], functions: Set<String>) {
        self.bytes = bytes
        self.functions = functions
    }

    struct Failure: Error { let error: GoTemplate.ParseError }

    func fail(_ message: String, _ range: Range<Int>) -> Failure {
        Failure(error: GoTemplate.ParseError(message: message, range: range))
    }

    mutating func run() {
        do {
            var i = 0
            let n = bytes.count
            while i + 1 < n {
                guard bytes[i] == 0x7B, bytes[i + 1] == 0x7B else { i += 1; continue }
                let open = i
                i += 2
                if i + 1 < n, bytes[i] == 0x2D, bytes[i + 1] == 0x20 || bytes[i + 1] == 0x09 || bytes[i + 1] == 0x0A || bytes[i + 1] == 0x0D { i += 2 }
                // Comments: {{/* … */}}
                let j = i
                if j + 1 < n, bytes[j] == 0x2F, bytes[j + 1] == 0x2A {
                    guard let close = find([0x2A, 0x2F], from: j + 2) else { throw fail("unclosed comment", open..<n) }
                    var e = close + 2
                    while e < n, isSpace(bytes[e]) { e += 1 }
                    if e < n, bytes[e] == 0x2D { e += 1 }
                    guard e + 1 < n, bytes[e] == 0x7D, bytes[e + 1] == 0x7D else { throw fail("comment ends before closing delimiter", open..<e) }
                    i = e + 2
                    continue
                }
                tokens.removeAll(keepingCapacity: true)
                k = 0
                i = try lexAction(from: i, open: open)
                try parseAction(open: open)
            }
            if let (block, range, _) = blocks.last {
                throw fail("unexpected EOF: {{\(block.rawValue)}} is never closed with {{end}}", range)
            }
        } catch let f as Failure {
            result.error = f.error
        } catch {
            result.error = GoTemplate.ParseError(message: "invalid template", range: 0..<bytes.count)
        }
    }

    func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }
    func isAlnum(_ c: UInt8) -> Bool { c == 0x5F || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c >= 0x80 }

    func find(_ needle: [UInt8], from: Int) -> Int? {
        var i = from
        while i + needle.count <= bytes.count {
            if bytes[i] == needle[0] && (needle.count < 2 || bytes[i + 1] == needle[1]) { return i }
            i += 1
        }
        return nil
    }

    /// Tokenises one action; returns the offset after its closing delimiter.
    mutating func lexAction(from start: Int, open: Int) throws -> Int {
        var i = start
        let n = bytes.count
        func word(_ from: Int) -> Int {
            var e = from
            while e < n, isAlnum(bytes[e]) { e += 1 }
            return e
        }
        while true {
            guard i < n else { throw fail("unclosed action", open..<n) }
            let c = bytes[i]
            if isSpace(c) {
                // " -}}" closes with trimming.
                var j = i
                while j < n, isSpace(bytes[j]) { j += 1 }
                if j + 2 < n, bytes[j] == 0x2D, bytes[j + 1] == 0x7D, bytes[j + 2] == 0x7D {
                    tokens.append(Token(tok: .end, range: j..<(j + 3)))
                    tokens.append(Token(tok: .eof, range: (j + 3)..<(j + 3)))
                    return j + 3
                }
                i = j
                continue
            }
            if c == 0x7D, i + 1 < n, bytes[i + 1] == 0x7D {
                tokens.append(Token(tok: .end, range: i..<(i + 2)))
                tokens.append(Token(tok: .eof, range: (i + 2)..<(i + 2)))
                return i + 2
            }
            switch c {
            case 0x28: tokens.append(Token(tok: .leftParen, range: i..<(i + 1))); i += 1
            case 0x29: tokens.append(Token(tok: .rightParen, range: i..<(i + 1))); i += 1
            case 0x7C: tokens.append(Token(tok: .pipe, range: i..<(i + 1))); i += 1
            case 0x2C: tokens.append(Token(tok: .comma, range: i..<(i + 1))); i += 1
            case 0x3A:
                guard i + 1 < n, bytes[i + 1] == 0x3D else { throw fail("expected :=", i..<(i + 1)) }
                tokens.append(Token(tok: .declare, range: i..<(i + 2))); i += 2
            case 0x3D: tokens.append(Token(tok: .assign, range: i..<(i + 1))); i += 1
            case 0x24:  // $var
                let e = word(i + 1)
                tokens.append(Token(tok: .variable(String(decoding: bytes[i..<e], as: UTF8.self)), range: i..<e))
                i = e
            case 0x2E:  // . or .Field
                if i + 1 < n, isAlnum(bytes[i + 1]), !(bytes[i + 1] >= 0x30 && bytes[i + 1] <= 0x39) {
                    let e = word(i + 1)
                    tokens.append(Token(tok: .field(String(decoding: bytes[(i + 1)..<e], as: UTF8.self)), range: i..<e))
                    i = e
                } else if i + 1 < n, bytes[i + 1] >= 0x30, bytes[i + 1] <= 0x39 {
                    i = lexNumber(i)
                } else {
                    tokens.append(Token(tok: .dot, range: i..<(i + 1))); i += 1
                }
            case 0x22:
                var j = i + 1
                while j < n, bytes[j] != 0x22 {
                    if bytes[j] == 0x5C { j += 1 }
                    if j < n, bytes[j] == 0x0A { throw fail("unterminated quoted string", i..<j) }
                    j += 1
                }
                guard j < n else { throw fail("unterminated quoted string", i..<n) }
                tokens.append(Token(tok: .string, range: i..<(j + 1)))
                i = j + 1
            case 0x60:
                guard let e = find([0x60], from: i + 1) else { throw fail("unterminated raw quoted string", i..<n) }
                tokens.append(Token(tok: .string, range: i..<(e + 1)))
                i = e + 1
            case 0x27:
                var j = i + 1
                while j < n, bytes[j] != 0x27 {
                    if bytes[j] == 0x5C { j += 1 }
                    j += 1
                }
                guard j < n else { throw fail("unterminated character constant", i..<n) }
                tokens.append(Token(tok: .char, range: i..<(j + 1)))
                i = j + 1
            case 0x2D, 0x2B, 0x30...0x39:
                i = lexNumber(i)
            default:
                if isAlnum(c) {
                    let e = word(i)
                    var end = e
                    // A function or keyword may be followed by a field chain only after ')' or vars.
                    tokens.append(Token(tok: .ident(String(decoding: bytes[i..<e], as: UTF8.self)), range: i..<e))
                    end = e
                    i = end
                } else {
                    let s = String(decoding: bytes[i..<min(n, i + 1)], as: UTF8.self)
                    throw fail("unexpected \"\(s)\" in command", i..<(i + 1))
                }
            }
        }
    }

    mutating func lexNumber(_ start: Int) -> Int {
        var e = start
        if e < bytes.count, bytes[e] == 0x2D || bytes[e] == 0x2B { e += 1 }
        while e < bytes.count, isAlnum(bytes[e]) || bytes[e] == 0x2E || ((bytes[e] == 0x2D || bytes[e] == 0x2B) && (bytes[e - 1] == 0x65 || bytes[e - 1] == 0x45)) { e += 1 }
        tokens.append(Token(tok: .number, range: start..<e))
        return e
    }

    // MARK: Parsing

    var current: Token { tokens[min(k, tokens.count - 1)] }
    mutating func advance() { if k < tokens.count - 1 { k += 1 } }

    /// Whether the variable `name` (a token from `lexAction`, which ends variable names before
    /// any `.field`) is declared in some open scope.
    func isDeclared(_ name: String) -> Bool {
        scopes.contains { !$0.isEmpty && $0.contains(name) }
    }

    mutating func parseAction(open: Int) throws {
        guard case .ident(let word) = current.tok else {
            if current.tok == .end { throw fail("missing value for command", open..<current.range.upperBound) }
            try parsePipeline(allowDeclaration: true, context: "command")
            return try expectEnd()
        }
        let range = current.range
        switch word {
        case "if", "with", "range":
            advance()
            guard blocks.count < Self.maxBlockDepth else {
                throw fail("blocks nested deeper than \(Self.maxBlockDepth) levels", open..<range.upperBound)
            }
            scopes.append([])
            blocks.append((Block(rawValue: word) ?? .if, open..<range.upperBound, false))
            try parsePipeline(allowDeclaration: true, context: word, rangeDeclaration: word == "range")
            try expectEnd()
        case "else":
            guard let top = blocks.last, top.0 == .if || top.0 == .with || top.0 == .range else {
                throw fail("unexpected {{else}}", open..<range.upperBound)
            }
            if top.sawElse, top.0 == .range { throw fail("expected end; found {{else}}", open..<range.upperBound) }
            advance()
            if case .ident(let w) = current.tok, w == "if" || w == "with" {
                advance()
                try parsePipeline(allowDeclaration: true, context: w)
            } else {
                blocks[blocks.count - 1].sawElse = true
            }
            try expectEnd()
        case "end":
            advance()
            guard !blocks.isEmpty else { throw fail("unexpected {{end}}", open..<range.upperBound) }
            blocks.removeLast()
            if scopes.count > 1 { scopes.removeLast() }
            try expectEnd()
        case "define", "block":
            advance()
            guard current.tok == .string else { throw fail("expected template name string in \(word)", current.range) }
            advance()
            if word == "block" { try parsePipeline(allowDeclaration: false, context: "block") }
            guard blocks.count < Self.maxBlockDepth else {
                throw fail("blocks nested deeper than \(Self.maxBlockDepth) levels", open..<range.upperBound)
            }
            blocks.append((word == "define" ? .define : .block, open..<range.upperBound, false))
            scopes.append(word == "define" ? ["$"] : [])
            try expectEnd()
        case "template":
            advance()
            guard current.tok == .string else { throw fail("unexpected \(describe(current)) in template clause", current.range) }
            advance()
            if current.tok != .end { try parsePipeline(allowDeclaration: false, context: "template") }
            try expectEnd()
        case "break", "continue":
            guard blocks.contains(where: { $0.0 == .range }) else { throw fail("{{\(word)}} outside {{range}}", open..<range.upperBound) }
            advance()
            try expectEnd()
        default:
            try parsePipeline(allowDeclaration: true, context: "command")
            try expectEnd()
        }
    }

    mutating func expectEnd() throws {
        guard current.tok == .end else { throw fail("unexpected \(describe(current)) in command", current.range) }
        advance()
    }

    func describe(_ t: Token) -> String {
        let text = String(decoding: bytes[t.range.clamped(to: 0..<bytes.count)], as: UTF8.self)
        switch t.tok {
        case .eof, .end: return "end of action"
        case .rightParen: return "right paren"
        default: return "\"\(text)\""
        }
    }

    mutating func parsePipeline(allowDeclaration: Bool, context: String, rangeDeclaration: Bool = false) throws {
        let start = current.range
        // Declarations: $x := …, $i, $e := … (range), $x = … (assignment).
        if allowDeclaration, case .variable(let name) = current.tok {
            let save = k
            advance()
            if current.tok == .declare || current.tok == .assign {
                let isDeclare = current.tok == .declare
                if !isDeclare && !isDeclared(name) { throw fail("undefined variable \"\(name)\"", start) }
                advance()
                try parseCommands(context: context)
                if isDeclare { scopes[scopes.count - 1].insert(name) }
                return
            } else if rangeDeclaration, current.tok == .comma {
                advance()
                guard case .variable(let second) = current.tok else { throw fail("range can only initialize variables", current.range) }
                advance()
                guard current.tok == .declare else { throw fail("expected := in range declaration", current.range) }
                advance()
                try parseCommands(context: context)
                scopes[scopes.count - 1].insert(name)
                scopes[scopes.count - 1].insert(second)
                return
            }
            k = save
        }
        try parseCommands(context: context)
    }

    mutating func parseCommands(context: String) throws {
        while true {
            try parseCommand(context: context)
            if current.tok == .pipe {
                advance()
                continue
            }
            return
        }
    }

    /// One command: operands up to `|`, `)` or the end of the action.
    mutating func parseCommand(context: String) throws {
        var operands = 0
        var firstIsFunction: String?
        // Only the second and third operands matter (`index $labels "name"`): no array of all.
        var second: Token?
        var third: Token?
        let readsAllBefore = result.readsAllLabels
        loop: while true {
            switch current.tok {
            case .end, .eof, .pipe, .rightParen:
                break loop
            default:
                let t = current
                if operands == 0, case .ident(let f) = t.tok { firstIsFunction = f }
                if operands == 1 { second = t } else if operands == 2 { third = t }
                try parseOperand()
                operands += 1
            }
        }
        if operands == 0 { throw fail("missing value for \(context)", current.range) }
        // index $labels "name" reads one label.
        if firstIsFunction == "index", let second, let third, case .variable("$labels") = second.tok, third.tok == .string {
            let r = third.range
            let name = String(decoding: bytes[(r.lowerBound + 1)..<(r.upperBound - 1)], as: UTF8.self)
            if let last = result.labelReferences.indices.last, result.labelReferences[last].range == second.range {
                result.labelReferences.removeLast()
            }
            if operands == 3 { result.readsAllLabels = readsAllBefore }
            result.labelReferences.append(GoTemplate.LabelReference(name: name, range: r))
        }
    }

    mutating func parseOperand() throws {
        let t = current
        switch t.tok {
        case .ident(let name):
            switch name {
            case "true", "false", "nil": break
            case "if", "else", "end", "range", "with", "define", "template", "block", "break", "continue":
                throw fail("unexpected <\(name)> in command", t.range)
            default:
                guard functions.contains(name) else { throw fail("function \"\(name)\" not defined", t.range) }
                result.functions.append(name)
            }
            advance()
        case .variable(let name):
            guard isDeclared(name) else { throw fail("undefined variable \"\(name)\"", t.range) }
            advance()
            var fields: [Token] = []
            while case .field = current.tok, current.range.lowerBound == (fields.last?.range ?? t.range).upperBound {
                fields.append(current)
                advance()
            }
            record(root: name, rootRange: t.range, fields: fields)
        case .field(let f):
            advance()
            var fields: [Token] = [t]
            while case .field = current.tok, current.range.lowerBound == fields[fields.count - 1].range.upperBound {
                fields.append(current)
                advance()
            }
            // Inside range/with `.` is rebound to something else than the alert.
            let dotIsAlert = !blocks.contains { $0.0 == .range || $0.0 == .with || $0.0 == .define }
            if f == "Labels", dotIsAlert {
                record(root: "$labels", rootRange: t.range, fields: Array(fields.dropFirst()))
            } else if f == "Value", dotIsAlert {
                result.valueReferences.append(t.range)
            }
        case .dot, .string, .number, .char:
            advance()
        case .leftParen:
            guard parenDepth < Self.maxParenDepth else {
                throw fail("max expression depth exceeded (more than \(Self.maxParenDepth) nested parentheses)", t.range)
            }
            parenDepth += 1
            defer { parenDepth -= 1 }
            advance()
            try parsePipeline(allowDeclaration: false, context: "parenthesized pipeline")
            guard current.tok == .rightParen else { throw fail("unclosed left paren", t.range) }
            advance()
            while case .field = current.tok { advance() }
        case .declare, .assign:
            throw fail("unexpected \(describe(t)) in operand", t.range)
        default:
            throw fail("unexpected \(describe(t)) in operand", t.range)
        }
    }

    mutating func record(root: String, rootRange: Range<Int>, fields: [Token]) {
        switch root {
        case "$labels":
            if let first = fields.first, case .field(let label) = first.tok {
                result.labelReferences.append(GoTemplate.LabelReference(name: label, range: rootRange.lowerBound..<first.range.upperBound))
            } else {
                result.readsAllLabels = true
                result.labelReferences.append(GoTemplate.LabelReference(name: "", range: rootRange))
            }
        case "$value":
            result.valueReferences.append(rootRange)
        default: break
        }
    }
}

extension GoTemplate {
    /// Label references naming one label (without whole-set uses).
    public var namedLabelReferences: [LabelReference] { labelReferences.filter { !$0.name.isEmpty } }
}
