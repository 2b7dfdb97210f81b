import VigilPromQL

/// Compares PromQL expressions by meaning: both sides are parsed and compared as trees, so
/// whitespace, line breaks, redundant formatting and label-matcher spacing are no change; a
/// real change is shown with both sides printed canonically (`promtool promql format` style).
/// An expression that does not parse (Grafana template variables like `$__rate_interval`)
/// is compared as text with runs of whitespace outside string literals collapsed.
public enum PromQLNormaliser {
    /// The outcome of comparing two expressions.
    public struct Comparison: Sendable, Equatable {
        public var equal: Bool
        /// What to show for each side: canonical when it parsed, else the text as written.
        public var old: String
        public var new: String
        /// Whether both sides parsed (the comparison was by tree).
        public var canonical: Bool
    }

    /// Compares two expressions.
    public static func compare(_ a: String, _ b: String) -> Comparison {
        if a == b { return Comparison(equal: true, old: a, new: b, canonical: false) }
        let options = ParseOptions(experimentalFunctions: true)
        let pa = PromQL.parse(a, options: options)
        let pb = PromQL.parse(b, options: options)
        if let ea = pa.expr, let eb = pb.expr, pa.errors.isEmpty, pb.errors.isEmpty {
            if ea == eb { return Comparison(equal: true, old: a, new: b, canonical: true) }
            return Comparison(equal: false, old: PromQLPrinter.pretty(ea), new: PromQLPrinter.pretty(eb), canonical: true)
        }
        let equal = collapsedWhitespace(a) == collapsedWhitespace(b)
        return Comparison(equal: equal, old: a, new: b, canonical: false)
    }

    /// The text with leading and trailing whitespace removed and every run of whitespace outside
    /// quotes replaced by one space.
    static func collapsedWhitespace(_ s: String) -> String {
        var out = ""
        var quote: Character?
        var escaped = false
        var pendingSpace = false
        for ch in s {
            if let q = quote {
                out.append(ch)
                if escaped { escaped = false } else if ch == "\\" { escaped = true } else if ch == q { quote = nil }
                continue
            }
            if ch.isWhitespace { pendingSpace = true; continue }
            if pendingSpace && !out.isEmpty { out.append(" ") }
            pendingSpace = false
            if ch == "\"" || ch == "'" || ch == "`" { quote = ch }
            out.append(ch)
        }
        return out
    }
}
