/// Parses Alertmanager matchers: `name="value"`, `name=~"re"`, `name!="v"`, `name!~"re"`,
/// optionally in braces and comma-separated (`{a="1", b=~"x|y",}`), values quoted or bare,
/// names classic (`[a-zA-Z_:][a-zA-Z0-9_:]*`) or quoted UTF-8 (`"service.name"="api"`).
///
/// Follows Alertmanager's parser: OpenMetrics escapes in values (`\"`, `\n`, `\\`), a stray
/// backslash is literal, commas inside quotes do not split, one trailing comma is allowed.
public enum MatcherParser {
    /// Parses a list of matchers (one line of a `matchers:` list, or a `{…}` selector).
    public static func parseList(_ input: String) throws -> [LabelMatcher] {
        var s = Substring(input)
        if s.hasPrefix("{") { s = s.dropFirst() }
        if s.hasSuffix("}") { s = s.dropLast() }
        var tokens: [String] = []
        var token = ""
        var insideQuotes = false
        var escaped = false
        for c in s {
            switch c {
            case ",":
                if !insideQuotes {
                    tokens.append(token)
                    token = ""
                    continue
                }
            case "\"":
                if !escaped { insideQuotes.toggle() } else { escaped = false }
            case "\\":
                escaped.toggle()
            default:
                escaped = false
            }
            token.append(c)
        }
        let last = token.trimmingGoSpace()
        if !last.isEmpty { tokens.append(last) }
        return try tokens.map(parse)
    }

    /// Parses one matcher.
    public static func parse(_ input: String) throws -> LabelMatcher {
        let chars = Array(input.unicodeScalars)
        var i = 0
        func skipSpace() { while i < chars.count, isGoSpace(chars[i]) { i += 1 } }
        skipSpace()
        var name = ""
        if i < chars.count, chars[i] == "\"" {
            i += 1
            var closed = false
            var esc = false
            while i < chars.count {
                let c = chars[i]
                i += 1
                if esc {
                    esc = false
                    switch c {
                    case "n": name.append("\n")
                    case "\"", "\\": name.unicodeScalars.append(c)
                    default: name.append("\\"); name.unicodeScalars.append(c)
                    }
                    continue
                }
                if c == "\\" { esc = true; continue }
                if c == "\"" { closed = true; break }
                name.unicodeScalars.append(c)
            }
            guard closed, !name.isEmpty else { throw MatcherError.badFormat(input) }
        } else {
            let start = i
            while i < chars.count, isNameScalar(chars[i], first: i == start) { i += 1 }
            guard i > start else { throw MatcherError.badFormat(input) }
            name = String(String.UnicodeScalarView(chars[start..<i]))
        }
        skipSpace()
        let op: MatchOperator
        func at(_ k: Int) -> Unicode.Scalar? { k < chars.count ? chars[k] : nil }
        switch (at(i), at(i + 1)) {
        case ("=", "~"): op = .regex; i += 2
        case ("=", _): op = .equal; i += 1
        case ("!", "="): op = .notEqual; i += 2
        case ("!", "~"): op = .notRegex; i += 2
        default: throw MatcherError.badFormat(input)
        }
        skipSpace()
        var end = chars.count
        while end > i, isGoSpace(chars[end - 1]) { end -= 1 }
        var raw = Array(chars[i..<end])
        let shownRaw = String(String.UnicodeScalarView(raw))
        var expectTrailingQuote = false
        if raw.first == "\"" {
            raw.removeFirst()
            expectTrailingQuote = true
        }
        var value = ""
        var escaped = false
        for (k, c) in raw.enumerated() {
            if escaped {
                escaped = false
                switch c {
                case "n": value.append("\n")
                case "\"", "\\": value.unicodeScalars.append(c)
                default: value.append("\\"); value.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\\":
                if k < raw.count - 1 { escaped = true; continue }
                value.append("\\")
            case "\"":
                if !expectTrailingQuote || k < raw.count - 1 { throw MatcherError.unescapedQuote(shownRaw) }
                expectTrailingQuote = false
            default:
                value.unicodeScalars.append(c)
            }
        }
        if expectTrailingQuote { throw MatcherError.unescapedQuote(shownRaw) }
        do {
            return try LabelMatcher(name: name, op: op, value: value)
        } catch let e as GoRegexError {
            throw MatcherError.regex(e)
        }
    }

    static func isGoSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" }

    static func isNameScalar(_ c: Unicode.Scalar, first: Bool) -> Bool {
        switch c {
        case "a"..."z", "A"..."Z", "_", ":": return true
        case "0"..."9": return !first
        default: return false
        }
    }
}

/// Why a matcher was rejected, in Alertmanager's words.
public enum MatcherError: Error, CustomStringConvertible, Sendable {
    case badFormat(String)
    case unescapedQuote(String)
    case regex(GoRegexError)

    public var description: String {
        switch self {
        case .badFormat(let s): return "bad matcher format: \(s)"
        case .unescapedQuote(let s): return "matcher value contains unescaped double quote: \(s)"
        case .regex(let e): return e.description
        }
    }
}

extension String {
    func trimmingGoSpace() -> String {
        var scalars = Substring(self).unicodeScalars
        while let f = scalars.first, MatcherParser.isGoSpace(f) { scalars.removeFirst() }
        while let l = scalars.last, MatcherParser.isGoSpace(l) { scalars.removeLast() }
        return String(scalars)
    }
}
