/// Splits a PromQL expression into tokens, working on UTF-8 bytes.
///
/// Comments (`#` to end of line) and white space are skipped. A lexical error ends the token
/// stream with the error recorded; the parser reports it when it reaches that point.
struct Lexer {
    let bytes: [UInt8]
    private(set) var tokens: [Token] = []
    private(set) var error: PromQLError?
    private var pos = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
        tokens.reserveCapacity(bytes.count / 3 + 4)
    }

    static func isAlpha(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A || c == 0x5F }
    static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    static func isAlnum(_ c: UInt8) -> Bool { isAlpha(c) || isDigit(c) }
    static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C || c == 0x0B }

    mutating func run() {
        let n = bytes.count
        while error == nil {
            while pos < n, Lexer.isSpace(bytes[pos]) { pos += 1 }
            guard pos < n else { break }
            let c = bytes[pos]
            let start = pos
            if c == 0x23 { // '#'
                while pos < n, bytes[pos] != 0x0A { pos += 1 }
                continue
            }
            if Lexer.isAlpha(c) { lexWord(); continue }
            if Lexer.isDigit(c) || (c == 0x2E && pos + 1 < n && Lexer.isDigit(bytes[pos + 1])) { lexNumberOrDuration(); continue }
            if c == 0x22 || c == 0x27 { lexQuoted(c); continue }
            if c == 0x60 { lexRaw(); continue }
            pos += 1
            let next: UInt8 = pos < n ? bytes[pos] : 0
            var kind: TokenKind
            switch c {
            case 0x28: kind = .leftParen
            case 0x29: kind = .rightParen
            case 0x7B: kind = .leftBrace
            case 0x7D: kind = .rightBrace
            case 0x5B: kind = .leftBracket
            case 0x5D: kind = .rightBracket
            case 0x2C: kind = .comma
            case 0x3A: kind = .colon
            case 0x40: kind = .at
            case 0x2B: kind = .add
            case 0x2D: kind = .sub
            case 0x2A: kind = .mul
            case 0x2F: kind = .div
            case 0x25: kind = .mod
            case 0x5E: kind = .pow
            case 0x3D: // =
                if next == 0x3D { pos += 1; kind = .eql } else if next == 0x7E { pos += 1; kind = .regexMatch } else { kind = .assign }
            case 0x21: // !
                if next == 0x3D { pos += 1; kind = .neq } else if next == 0x7E { pos += 1; kind = .regexNoMatch } else {
                    fail("unexpected character after '!': \(Lexer.describe(bytes, at: pos))", start..<min(pos + 1, n))
                    continue
                }
            case 0x3C: if next == 0x3D { pos += 1; kind = .lte } else { kind = .lss }
            case 0x3E: if next == 0x3D { pos += 1; kind = .gte } else { kind = .gtr }
            default:
                let width = Lexer.scalarWidth(c)
                fail("unexpected character: \(Lexer.describe(bytes, at: start))", start..<min(start + width, n))
                continue
            }
            tokens.append(Token(kind: kind, start: start, end: pos))
        }
        tokens.append(Token(kind: .eof, start: n, end: n))
    }

    private mutating func fail(_ message: String, _ range: Range<Int>) {
        error = PromQLError(.syntax, message, range: range)
    }

    static func scalarWidth(_ lead: UInt8) -> Int {
        if lead < 0x80 { return 1 }
        if lead >= 0xF0 { return 4 }
        if lead >= 0xE0 { return 3 }
        if lead >= 0xC0 { return 2 }
        return 1
    }

    /// `'x'` for the character at `i`, quoted as Go's %q prints a rune.
    static func describe(_ bytes: [UInt8], at i: Int) -> String {
        guard i < bytes.count else { return "end of input" }
        let w = min(scalarWidth(bytes[i]), bytes.count - i)
        let s = String(decoding: bytes[i..<(i + w)], as: UTF8.self)
        if s == "'" { return "'\\''" }
        return "'" + s + "'"
    }

    private mutating func lexWord() {
        let n = bytes.count
        let start = pos
        var hasColon = false
        while pos < n {
            let c = bytes[pos]
            if Lexer.isAlnum(c) { pos += 1 } else if c == 0x3A { hasColon = true; pos += 1 } else { break }
        }
        if hasColon {
            tokens.append(Token(kind: .metricIdentifier, start: start, end: pos))
            return
        }
        let len = pos - start
        if len == 3 {
            let a = bytes[start] | 0x20, b = bytes[start + 1] | 0x20, d = bytes[start + 2] | 0x20
            if (a == 0x69 && b == 0x6E && d == 0x66) || (a == 0x6E && b == 0x61 && d == 0x6E) { // inf, nan
                tokens.append(Token(kind: .number, start: start, end: pos))
                return
            }
        }
        var token = Token(kind: .identifier, start: start, end: pos)
        if len >= 2 && len <= 12 {
            let (kw, agg) = Lexer.keyword(bytes, start, pos)
            if kw != .none {
                token.kind = .keyword
                token.keyword = kw
                token.aggregator = agg
            }
        }
        tokens.append(token)
    }

    private static let keywords: [(String, Keyword, AggregationOp?)] = {
        var list: [(String, Keyword, AggregationOp?)] = [
            ("and", .and, nil), ("or", .or, nil), ("unless", .unless, nil), ("atan2", .atan2, nil),
            ("by", .by, nil), ("without", .without, nil), ("on", .on, nil), ("ignoring", .ignoring, nil),
            ("group_left", .groupLeft, nil), ("group_right", .groupRight, nil), ("bool", .bool, nil),
            ("offset", .offset, nil),
        ]
        for op in AggregationOp.allCases { list.append((op.rawValue, .aggregator, op)) }
        return list
    }()

    private static let keywordBytes: [([UInt8], Keyword, AggregationOp?)] = keywords.map { (Array($0.0.utf8), $0.1, $0.2) }

    /// Keywords are matched case-insensitively, as Prometheus does.
    /// The length of the longest keyword.
    static let longestKeyword = keywordBytes.map { $0.0.count }.max() ?? 0

    static func keyword(_ bytes: [UInt8], _ start: Int, _ end: Int) -> (Keyword, AggregationOp?) {
        let len = end - start
        outer: for (word, kw, agg) in keywordBytes where word.count == len {
            for i in 0..<len {
                var b = bytes[start + i]
                if b >= 0x41 && b <= 0x5A { b |= 0x20 }
                if b != word[i] { continue outer }
            }
            return (kw, agg)
        }
        return (.none, nil)
    }

    private static func isDurationUnit(_ c: UInt8) -> Bool {
        c == 0x73 || c == 0x6D || c == 0x68 || c == 0x64 || c == 0x77 || c == 0x79 // s m h d w y
    }

    private mutating func lexNumberOrDuration() {
        let n = bytes.count
        let start = pos
        // Try a duration first: (digits unit)+ with units ms s m h d w y.
        var p = pos
        var units = 0
        while p < n, Lexer.isDigit(bytes[p]) {
            var q = p
            while q < n, Lexer.isDigit(bytes[q]) { q += 1 }
            guard q < n, Lexer.isDurationUnit(bytes[q]) else { break }
            q += 1
            if bytes[q - 1] == 0x6D, q < n, bytes[q] == 0x73 { q += 1 } // ms
            p = q
            units += 1
        }
        if units > 0, !(p < n && (Lexer.isAlnum(bytes[p]) || bytes[p] == 0x2E)) {
            pos = p
            tokens.append(Token(kind: .duration, start: start, end: pos))
            return
        }
        // A number: hex, or decimal with optional fraction and exponent.
        p = pos
        // Digits may be separated by underscores (`1_000_000`, `0x_ff`), as in Go.
        if bytes[p] == 0x30, p + 1 < n, bytes[p + 1] | 0x20 == 0x78 {
            p += 2
            while p < n, Lexer.isDigit(bytes[p]) || bytes[p] == 0x5F || (bytes[p] | 0x20 >= 0x61 && bytes[p] | 0x20 <= 0x66) { p += 1 }
        } else {
            while p < n, Lexer.isDigit(bytes[p]) || bytes[p] == 0x5F { p += 1 }
            if p < n, bytes[p] == 0x2E {
                p += 1
                while p < n, Lexer.isDigit(bytes[p]) || bytes[p] == 0x5F { p += 1 }
            }
            if p < n, bytes[p] | 0x20 == 0x65 {
                var q = p + 1
                if q < n, bytes[q] == 0x2B || bytes[q] == 0x2D { q += 1 }
                if q < n, Lexer.isDigit(bytes[q]) {
                    while q < n, Lexer.isDigit(bytes[q]) || bytes[q] == 0x5F { q += 1 }
                    p = q
                }
            }
        }
        if p < n, Lexer.isAlnum(bytes[p]) || bytes[p] == 0x2E {
            var q = p
            while q < n, Lexer.isAlnum(bytes[q]) || bytes[q] == 0x2E { q += 1 }
            let text = String(decoding: bytes[start..<q], as: UTF8.self)
            fail("bad number or duration syntax: \"\(text)\"", start..<q)
            return
        }
        pos = p
        tokens.append(Token(kind: .number, start: start, end: pos))
    }

    private mutating func lexQuoted(_ quote: UInt8) {
        let n = bytes.count
        let start = pos
        pos += 1
        while pos < n {
            let c = bytes[pos]
            if c == 0x5C { pos += 2; continue }
            if c == 0x0A { break }
            if c == quote {
                pos += 1
                tokens.append(Token(kind: .string, start: start, end: pos))
                return
            }
            pos += 1
        }
        fail("unterminated quoted string", start..<min(pos, n))
    }

    private mutating func lexRaw() {
        let n = bytes.count
        let start = pos
        pos += 1
        while pos < n, bytes[pos] != 0x60 { pos += 1 }
        if pos >= n {
            fail("unterminated raw string", start..<n)
            return
        }
        pos += 1
        tokens.append(Token(kind: .string, start: start, end: pos))
    }
}

/// Decoding of PromQL string literals (Go escape rules).
enum StringLiteralDecoder {
    /// The value of the quoted literal `bytes[range]`, or an error message.
    static func decode(_ bytes: [UInt8], _ range: Range<Int>) -> Result<String, PromQLError> {
        let quote = bytes[range.lowerBound]
        let inner = (range.lowerBound + 1)..<(range.upperBound - 1)
        if quote == 0x60 { return .success(String(decoding: bytes[inner], as: UTF8.self)) }
        var fast = true
        for i in inner where bytes[i] == 0x5C { fast = false; break }
        if fast { return .success(String(decoding: bytes[inner], as: UTF8.self)) }
        var out: [UInt8] = []
        out.reserveCapacity(inner.count)
        var i = inner.lowerBound
        func bad(_ at: Int, _ message: String) -> Result<String, PromQLError> {
            .failure(PromQLError(.syntax, message, range: at..<min(at + 2, inner.upperBound)))
        }
        while i < inner.upperBound {
            let c = bytes[i]
            guard c == 0x5C else { out.append(c); i += 1; continue }
            guard i + 1 < inner.upperBound else { return bad(i, "unterminated escape sequence") }
            let e = bytes[i + 1]
            i += 2
            switch e {
            case 0x61: out.append(0x07)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x76: out.append(0x0B)
            case 0x5C: out.append(0x5C)
            case 0x22, 0x27:
                if e != quote { return bad(i - 2, "unknown escape sequence \\\(Character(UnicodeScalar(e)))") }
                out.append(e)
            case 0x78, 0x75, 0x55: // \xHH \uHHHH \UHHHHHHHH
                let count = e == 0x78 ? 2 : (e == 0x75 ? 4 : 8)
                guard i + count <= inner.upperBound else { return bad(i - 2, "invalid escape sequence") }
                var value: UInt32 = 0
                for j in i..<(i + count) {
                    let h = bytes[j]
                    let d: UInt32
                    if Lexer.isDigit(h) { d = UInt32(h - 0x30) } else if (h | 0x20) >= 0x61 && (h | 0x20) <= 0x66 { d = UInt32((h | 0x20) - 0x61 + 10) } else {
                        return bad(i - 2, "invalid escape sequence")
                    }
                    value = value * 16 + d
                }
                i += count
                if e == 0x78 { out.append(UInt8(value)) } else {
                    guard let scalar = UnicodeScalar(value) else { return bad(i - count - 2, "escape sequence is invalid Unicode code point") }
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                }
            case 0x30...0x37: // \ooo
                guard i + 2 <= inner.upperBound else { return bad(i - 2, "invalid escape sequence") }
                var value: UInt32 = UInt32(e - 0x30)
                for j in i..<(i + 2) {
                    let h = bytes[j]
                    guard h >= 0x30 && h <= 0x37 else { return bad(i - 2, "invalid escape sequence") }
                    value = value * 8 + UInt32(h - 0x30)
                }
                guard value <= 255 else { return bad(i - 2, "octal escape value > 255") }
                i += 2
                out.append(UInt8(value))
            default:
                return bad(i - 2, "unknown escape sequence \\" + String(decoding: [e], as: UTF8.self))
            }
        }
        return .success(String(decoding: out, as: UTF8.self))
    }
}
