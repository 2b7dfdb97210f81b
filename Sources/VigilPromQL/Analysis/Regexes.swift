/// Checks of the regular expressions in `=~` and `!~` matchers against what Prometheus's RE2
/// engine accepts. Compiling a pattern costs tens of microseconds, so this is not part of
/// `PromQL.parse`; lint checks and `vigil promql check` call it.
public enum RegexCheck {
    /// Perl syntax that RE2 refuses although other engines accept it.
    static let unsupported: [(String, String)] = [
        ("(?=", "lookahead"), ("(?!", "negative lookahead"), ("(?<=", "lookbehind"), ("(?<!", "negative lookbehind"),
        ("(?>", "atomic group"), ("*+", "possessive quantifier"), ("++", "possessive quantifier"), ("?+", "possessive quantifier"),
    ]

    /// Why RE2 would reject `pattern`, or nil when it is acceptable.
    public static func problem(in pattern: String) -> String? {
        let bytes = Array(pattern.utf8)
        var i = 0
        var inClass = false
        while i < bytes.count {
            let c = bytes[i]
            if c == 0x5C, i + 1 < bytes.count { // backslash
                let n = bytes[i + 1]
                if !inClass, n >= 0x31 && n <= 0x39 { return "invalid escape sequence: `\\\(Character(UnicodeScalar(n)))` (backreferences are not supported)" }
                i += 2
                continue
            }
            if c == 0x5B { inClass = true } else if c == 0x5D { inClass = false }
            if !inClass {
                for (token, what) in unsupported where bytes[i...].starts(with: token.utf8) {
                    return "invalid or unsupported Perl syntax: `\(token)` (\(what))"
                }
            }
            i += 1
        }
        do {
            _ = try Regex("^(?:" + pattern + ")$")
        } catch {
            return "\(error)"
        }
        return nil
    }

    /// An error for every regular-expression matcher in `expr` that Prometheus would reject.
    public static func errors(in expr: Expr, maxDepth: Int = 500) -> [PromQLError] {
        var out: [PromQLError] = []
        for use in expr.selectors(maxDepth: maxDepth) {
            for m in use.matchers where m.op == .regexMatch || m.op == .regexNoMatch {
                if let reason = problem(in: m.value) {
                    out.append(PromQLError(.type, "error parsing regexp: \(reason)", range: m.range))
                }
            }
        }
        return out
    }
}
