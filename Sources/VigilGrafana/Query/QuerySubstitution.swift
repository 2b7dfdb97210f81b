import VigilCore

/// A panel query with its Grafana variables replaced by values of the right type, so it can
/// be parsed as PromQL, with the map from offsets in the substituted text back to the original.
///
/// What replaces a reference depends on where it is: inside a range or subquery bracket or
/// after `offset` a duration (`5m`); inside a quoted string a regex-safe word; `$__interval_ms`,
/// `$__range_s`, `$__from` and the like a number; anywhere else an identifier (a metric or label
/// name), or a number when `numbersOutside` asks for it (`topk($n, …)`).
public struct QuerySubstitution: Sendable {
    /// The text PromQL sees.
    public let text: String
    /// The references that were replaced.
    public let references: [VariableSyntax.Reference]
    /// (substituted range, original range) of each replacement, ascending.
    private let spans: [(Range<Int>, Range<Int>)]

    public init(_ original: String, numbersOutside: Bool = false) {
        let refs = VariableSyntax.references(in: original)
        let bytes = Array(original.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var spans: [(Range<Int>, Range<Int>)] = []
        var cursor = 0
        // Lexical context, tracked as we copy.
        var quote: UInt8?
        var bracketDepth = 0
        var used: [VariableSyntax.Reference] = []
        func scan(_ from: Int, _ to: Int) {
            var i = from
            while i < to {
                let c = bytes[i]
                if let q = quote {
                    if c == 0x5C { i += 2; continue }
                    if c == q { quote = nil }
                } else if c == 0x22 || c == 0x27 || c == 0x60 {
                    quote = c
                } else if c == 0x5B {
                    bracketDepth += 1
                } else if c == 0x5D {
                    bracketDepth = max(0, bracketDepth - 1)
                }
                i += 1
            }
        }
        for r in refs {
            guard r.range.lowerBound >= cursor else { continue }
            scan(cursor, r.range.lowerBound)
            out.append(contentsOf: bytes[cursor..<r.range.lowerBound])
            let replacement: String
            if quote != nil {
                replacement = QuerySubstitution.word(for: r)
            } else if bracketDepth > 0 || QuerySubstitution.followsOffset(bytes, r.range.lowerBound) {
                replacement = "5m"
            } else if QuerySubstitution.numericBuiltIns.contains(r.name) {
                replacement = "60000"
            } else if QuerySubstitution.durationBuiltIns.contains(r.name) {
                // A duration outside brackets is a number of seconds in PromQL ≥ 2.x duration arithmetic.
                replacement = "300"
            } else {
                replacement = numbersOutside ? "1" : QuerySubstitution.word(for: r)
            }
            let start = out.count
            out.append(contentsOf: replacement.utf8)
            spans.append((start..<out.count, r.range))
            used.append(r)
            cursor = r.range.upperBound
        }
        out.append(contentsOf: bytes[cursor..<bytes.count])
        self.text = String(decoding: out, as: UTF8.self)
        self.references = used
        self.spans = spans
    }

    static let numericBuiltIns: Set<String> = ["__interval_ms", "__rate_interval_ms", "__range_s", "__range_ms", "__from", "__to"]
    static let durationBuiltIns: Set<String> = ["__interval", "__rate_interval", "__range", "__auto_interval", "__auto"]

    /// A replacement that is a valid identifier and regex: letters only.
    static func word(for r: VariableSyntax.Reference) -> String {
        let letters = r.name.filter { $0.isLetter && $0.isASCII }
        return "v" + letters.prefix(12)
    }

    static func followsOffset(_ b: [UInt8], _ at: Int) -> Bool {
        var i = at - 1
        while i >= 0, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A { i -= 1 }
        let word = Array("offset".utf8)
        guard i + 1 >= word.count else { return false }
        return Array(b[(i + 1 - word.count)...i]) == word
    }

    /// The offset in the original text of an offset in the substituted text: positions inside a
    /// replacement map to the reference's start (its end for an end offset).
    public func originalOffset(_ offset: Int, isEnd: Bool = false) -> Int {
        var shift = 0
        for (sub, orig) in spans {
            if offset < sub.lowerBound { break }
            if offset < sub.upperBound || (isEnd && offset == sub.upperBound) {
                return isEnd && offset > sub.lowerBound ? orig.upperBound : orig.lowerBound
            }
            shift = orig.upperBound - sub.upperBound
        }
        return offset + shift
    }

    /// A range in the substituted text mapped back to the original.
    public func originalRange(_ r: Range<Int>) -> Range<Int> {
        let s = originalOffset(r.lowerBound)
        let e = max(s, originalOffset(r.upperBound, isEnd: true))
        return s..<e
    }
}
