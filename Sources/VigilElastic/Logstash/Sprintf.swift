/// Logstash's `%{…}` references in option values (`index => "app-%{+YYYY.MM.dd}"`).
public enum Sprintf {
    /// One piece of a sprintf string.
    public enum Part: Sendable, Hashable {
        case literal(String)
        /// `%{[field]}` or `%{field}`.
        case field(String)
        /// `%{+FORMAT}`: the event's `@timestamp` in a Joda-Time format.
        case date(String)
    }

    public static func parts(_ s: String) -> [Part] {
        var out: [Part] = []
        var rest = Substring(s)
        while let open = rest.range(of: "%{") {
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else { break }
            if open.lowerBound > rest.startIndex { out.append(.literal(String(rest[..<open.lowerBound]))) }
            let inner = String(rest[open.upperBound..<close])
            out.append(inner.hasPrefix("+") ? .date(String(inner.dropFirst())) : .field(inner))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { out.append(.literal(String(rest))) }
        return out
    }

    /// A concrete value the string can take: dates as 2024-01-31 13:45:56 UTC, fields as `x`.
    public static func sample(_ s: String) -> String {
        parts(s).map { p in
            switch p {
            case .literal(let l): return l
            case .field: return "x"
            case .date(let f): return formatSampleDate(f)
            }
        }.joined()
    }

    /// Formats the sample date with a Joda-Time pattern (letters repeated; `'…'` literal).
    public static func formatSampleDate(_ pattern: String) -> String {
        var out = ""
        let chars = Array(pattern)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "'" {
                var j = i + 1
                while j < chars.count, chars[j] != "'" { out.append(chars[j]); j += 1 }
                i = j + 1
                continue
            }
            guard c.isLetter else { out.append(c); i += 1; continue }
            var n = 1
            while i + n < chars.count, chars[i + n] == c { n += 1 }
            switch c {
            case "y", "Y", "x", "u": out += n == 2 ? "24" : "2024"
            case "M": out += n >= 4 ? "January" : n == 3 ? "Jan" : "01"
            case "d": out += "31"
            case "D": out += "031"
            case "H", "k", "h", "K": out += "13"
            case "m": out += "45"
            case "s": out += "56"
            case "S": out += String(repeating: "0", count: n)
            case "w": out += "05"
            case "e": out += "3"
            case "E": out += n >= 4 ? "Wednesday" : "Wed"
            case "a": out += "PM"
            case "Z", "z": out += "Z"
            default: out += String(repeating: "0", count: n)
            }
            i += n
        }
        return out
    }

    /// Whether `name` matches an Elasticsearch index pattern (`*` matches any run of characters).
    public static func glob(_ pattern: String, matches name: String) -> Bool {
        let p = Array(pattern.utf8)
        let s = Array(name.utf8)
        var pi = 0, si = 0
        var star = -1, mark = 0
        while si < s.count {
            if pi < p.count, p[pi] == s[si] { pi += 1; si += 1 } else if pi < p.count, p[pi] == UInt8(ascii: "*") {
                star = pi; mark = si; pi += 1
            } else if star >= 0 {
                pi = star + 1; mark += 1; si = mark
            } else { return false }
        }
        while pi < p.count, p[pi] == UInt8(ascii: "*") { pi += 1 }
        return pi == p.count
    }
}
