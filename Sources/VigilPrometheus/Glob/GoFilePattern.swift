/// The syntax of the file patterns Prometheus expands with Go's `filepath.Glob` (`rule_files`,
/// `scrape_config_files`), checked as Go checks them before it reads the file system.
///
/// Go's grammar (`path/filepath.Match`, Unix): `*`, `?`, `\c` (c literally), and classes
/// `[` [`^`] ranges `]` where a range is `c` or `lo-hi`, `c` being any character but `\`, `-`
/// and `]` unless escaped. A class must be closed and non-empty, an escape must have a character
/// after it; anything else is `syntax error in pattern` (Go's `ErrBadPattern`), for the whole
/// pattern, not just the part that would be matched.
public enum GoFilePattern {
    /// A syntax error: Go's message and the byte range in the pattern that is malformed.
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        public var range: Range<Int>
        /// What is wrong, in addition to Go's message.
        public var reason: String
        public var description: String { "syntax error in pattern" }
    }

    /// nil when `filepath.Glob` accepts `pattern`, else where it is malformed.
    public static func validate(_ pattern: String) -> Failure? {
        let b = Array(pattern.utf8)
        var i = 0
        while i < b.count {
            switch b[i] {
            case UInt8(ascii: "\\"):
                guard i + 1 < b.count else { return Failure(range: i..<b.count, reason: "a `\\` at the end escapes nothing") }
                i += 2
            case UInt8(ascii: "["):
                let start = i
                i += 1
                if i < b.count, b[i] == UInt8(ascii: "^") { i += 1 }
                var ranges = 0
                while true {
                    if i < b.count, b[i] == UInt8(ascii: "]"), ranges > 0 {
                        i += 1
                        break
                    }
                    guard let afterLow = classCharacter(b, i) else { return classFailure(b, start, i, upperBound: false) }
                    i = afterLow
                    if b[i] == UInt8(ascii: "-") {
                        guard let afterHigh = classCharacter(b, i + 1) else { return classFailure(b, start, i + 1, upperBound: true) }
                        i = afterHigh
                    }
                    ranges += 1
                }
            default:
                i += 1
            }
        }
        return nil
    }

    /// Go's `getEsc`: the index after one class character at `i` (escaped or not), or nil when
    /// there is none or the class would end there unclosed.
    static func classCharacter(_ b: [UInt8], _ start: Int) -> Int? {
        var i = start
        guard i < b.count, b[i] != UInt8(ascii: "-"), b[i] != UInt8(ascii: "]") else { return nil }
        if b[i] == UInt8(ascii: "\\") {
            i += 1
            guard i < b.count else { return nil }
        }
        i += 1
        while i < b.count, b[i] & 0xC0 == 0x80 { i += 1 }  // the rest of a UTF-8 character
        return i < b.count ? i : nil
    }

    /// Why the class opened at `start` fails at `at`.
    static func classFailure(_ b: [UInt8], _ start: Int, _ at: Int, upperBound: Bool) -> Failure {
        if at < b.count, b[at] == UInt8(ascii: "]") {
            return upperBound
                ? Failure(range: at..<(at + 1), reason: "a range needs an upper bound before `]` (write `\\-` for a literal `-`)")
                : Failure(range: start..<(at + 1), reason: "a character class must not be empty (write `\\]` for a literal `]`)")
        }
        if at < b.count, b[at] == UInt8(ascii: "-") {
            return Failure(range: at..<(at + 1), reason: "`-` in a character class needs a character on both sides (write `\\-` for a literal `-`)")
        }
        return Failure(range: start..<b.count, reason: "the character class `[` is not closed")
    }

    /// Whether Prometheus accepts `path` as a rule or scrape config file path: a `*` only in the
    /// last path element (`rules/*.yml`, not `rules/*/alerts.yml`), Prometheus'
    /// `^[^*]*(\*[^/]*)?$`.
    public static func hasWildcardOnlyInLastElement(_ path: String) -> Bool {
        guard let star = path.utf8.firstIndex(of: UInt8(ascii: "*")) else { return true }
        return !path.utf8[star...].contains(UInt8(ascii: "/"))
    }
}
