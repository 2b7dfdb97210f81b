/// Grafana's variable reference syntax: `$var`, `${var}`, `${var:format}`, `${var.field}`,
/// `[[var]]`, `[[var:format]]`, and the built-ins (`$__interval`, `$__rate_interval`,
/// `$__range`, `$__from`…).
public enum VariableSyntax {
    /// One reference found in a text.
    public struct Reference: Sendable, Hashable {
        /// The variable name (`job`, `__rate_interval`).
        public var name: String
        /// The format after `:` (`regex`, `pipe`, `csv`…), if any.
        public var format: String?
        /// UTF-8 byte range of the whole reference in the text.
        public var range: Range<Int>

        /// Whether the name is one of Grafana's built-in (`__`-prefixed) variables.
        public var isBuiltIn: Bool { name.hasPrefix("__") }
    }

    private static func isWord(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F
    }

    /// Every variable reference in `text`, left to right (Grafana's own regular expression,
    /// written out).
    public static func references(in text: String) -> [Reference] {
        let b = Array(text.utf8)
        var out: [Reference] = []
        var i = 0
        while i < b.count {
            if b[i] == 0x24 {  // $
                if i + 1 < b.count, b[i + 1] == 0x7B {  // ${
                    var j = i + 2
                    while j < b.count, b[j] != 0x7D, b[j] != 0x24 { j += 1 }
                    if j < b.count, b[j] == 0x7D, j > i + 2 {
                        let inner = String(decoding: b[(i + 2)..<j], as: UTF8.self)
                        let parts = inner.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
                        var name = String(parts[0])
                        if let dot = name.firstIndex(of: ".") { name = String(name[..<dot]) }
                        if !name.isEmpty, name.utf8.allSatisfy(isWord) {
                            out.append(Reference(name: name, format: parts.count > 1 ? String(parts[1]) : nil, range: i..<(j + 1)))
                            i = j + 1
                            continue
                        }
                    }
                } else {
                    var j = i + 1
                    while j < b.count, isWord(b[j]) { j += 1 }
                    if j > i + 1 {
                        out.append(Reference(name: String(decoding: b[(i + 1)..<j], as: UTF8.self), format: nil, range: i..<j))
                        i = j
                        continue
                    }
                }
            } else if b[i] == 0x5B, i + 1 < b.count, b[i + 1] == 0x5B {  // [[
                var j = i + 2
                while j < b.count, isWord(b[j]) { j += 1 }
                let nameEnd = j
                var format: String?
                if j < b.count, b[j] == 0x3A {
                    var k = j + 1
                    while k < b.count, b[k] != 0x5D, b[k] != 0x5B { k += 1 }
                    format = String(decoding: b[(j + 1)..<k], as: UTF8.self)
                    j = k
                }
                if nameEnd > i + 2, j + 1 < b.count, b[j] == 0x5D, b[j + 1] == 0x5D {
                    out.append(Reference(name: String(decoding: b[(i + 2)..<nameEnd], as: UTF8.self), format: format, range: i..<(j + 2)))
                    i = j + 2
                    continue
                }
            }
            i += 1
        }
        return out
    }

    /// Built-in variables Grafana defines for every dashboard.
    public static let builtIns: Set<String> = [
        "__interval", "__interval_ms", "__rate_interval", "__rate_interval_ms", "__range", "__range_s", "__range_ms",
        "__from", "__to", "__timeFilter", "__timeFrom", "__timeTo", "__dashboard", "__org", "__user", "__name",
        "__all", "__auto_interval", "__auto", "__series", "__field", "__value", "__data", "__cell", "__url_time_range",
        "__timezone", "__searchQuery",
    ]
}
