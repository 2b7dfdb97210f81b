import Foundation

/// A regular expression in Go's RE2 syntax, anchored at both ends as Alertmanager anchors
/// `match_re` values and `=~` matchers (`^(?:re)$`).
///
/// Evaluated with ICU, after rejecting the Perl constructs RE2 refuses (look-around,
/// back-references, atomic groups, possessive repetition) and translating `(?P<name>`.
public struct GoRegex: @unchecked Sendable, Hashable, CustomStringConvertible {
    /// The expression as written (unanchored).
    public let pattern: String
    // NSRegularExpression is immutable and documented as thread-safe.
    private let compiled: NSRegularExpression

    public init(_ pattern: String) throws {
        if let problem = GoRegex.unsupported(pattern) {
            throw GoRegexError(pattern: pattern, reason: problem)
        }
        let translated = pattern.replacingOccurrences(of: "(?P<", with: "(?<")
        do {
            compiled = try NSRegularExpression(pattern: "\\A(?:" + translated + ")\\z", options: [])
        } catch {
            throw GoRegexError(pattern: pattern, reason: "invalid regular expression")
        }
        self.pattern = pattern
    }

    /// Whether the whole of `s` matches.
    public func matches(_ s: String) -> Bool {
        let ns = s as NSString
        return compiled.firstMatch(in: s, options: [], range: NSRange(location: 0, length: ns.length)) != nil
    }

    public var description: String { pattern }
    public static func == (a: GoRegex, b: GoRegex) -> Bool { a.pattern == b.pattern }
    public func hash(into hasher: inout Hasher) { hasher.combine(pattern) }

    /// The first RE2-incompatible construct in `p`, described as Go's regexp package would.
    static func unsupported(_ p: String) -> String? {
        let chars = Array(p)
        var i = 0
        var inClass = false
        while i < chars.count {
            let c = chars[i]
            if c == "\\" {
                if i + 1 < chars.count {
                    let n = chars[i + 1]
                    if !inClass, n.isNumber, n != "0" { return "invalid escape sequence: `\\\(n)` (back-references are not supported)" }
                    if "ZGK".contains(n) { return "invalid escape sequence: `\\\(n)`" }
                } else {
                    return "trailing backslash at end of expression"
                }
                i += 2
                continue
            }
            if inClass {
                if c == "]" { inClass = false }
                i += 1
                continue
            }
            if c == "[" {
                inClass = true
                i += 1
                if i < chars.count, chars[i] == "^" { i += 1 }
                if i < chars.count, chars[i] == "]" { i += 1 }
                continue
            }
            if c == "(", i + 2 < chars.count, chars[i + 1] == "?" {
                let n = chars[i + 2]
                if n == "=" || n == "!" || n == ">" { return "invalid or unsupported Perl syntax: `(?\(n)`" }
                if n == "<", i + 3 < chars.count, chars[i + 3] == "=" || chars[i + 3] == "!" {
                    return "invalid or unsupported Perl syntax: `(?<`"
                }
            }
            if "*+?}".contains(c), i + 1 < chars.count, chars[i + 1] == "+" {
                return "invalid nested repetition operator: `\(c)+`"
            }
            if "*+".contains(c), i + 1 < chars.count, chars[i + 1] == "*" {
                return "invalid nested repetition operator: `\(c)*`"
            }
            i += 1
        }
        return nil
    }
}

/// A regular expression Go's regexp package would reject.
public struct GoRegexError: Error, CustomStringConvertible, Sendable {
    public let pattern: String
    public let reason: String
    /// Go's message; a pattern longer than 200 characters is shortened in the middle.
    public var description: String {
        let shown = pattern.count > 200 ? "\(pattern.prefix(100))…\(pattern.suffix(100))" : pattern
        return "error parsing regexp: \(reason): `\(shown)`"
    }
}
