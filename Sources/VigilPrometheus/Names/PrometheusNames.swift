/// Prometheus' rules for label and metric names (the classic, pre-UTF-8 character sets that
/// promtool 2.x enforces and that every current Prometheus accepts).
public enum PrometheusNames {
    /// `[a-zA-Z_][a-zA-Z0-9_]*` (`model.LabelName.IsValid`).
    public static func isValidLabelName(_ s: String) -> Bool {
        var first = true
        for c in s.utf8 {
            let ok = c == 0x5F || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || (!first && c >= 0x30 && c <= 0x39)
            if !ok { return false }
            first = false
        }
        return !first
    }

    /// `[a-zA-Z_:][a-zA-Z0-9_:]*` (`model.IsValidMetricName`).
    public static func isValidMetricName(_ s: String) -> Bool {
        var first = true
        for c in s.utf8 {
            let ok = c == 0x5F || c == 0x3A || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || (!first && c >= 0x30 && c <= 0x39)
            if !ok { return false }
            first = false
        }
        return !first
    }

    /// Whether a label name is reserved for Prometheus' internal use (`__…`).
    public static func isReserved(_ s: String) -> Bool { s.hasPrefix("__") }

    /// Suffixes by which counters (and the counter parts of histograms and summaries) are named.
    public static let counterSuffixes = ["_total", "_count", "_sum", "_bucket"]

    /// Whether a metric is named like a counter.
    public static func looksLikeCounter(_ name: String) -> Bool {
        counterSuffixes.contains { name.hasSuffix($0) }
    }
}
