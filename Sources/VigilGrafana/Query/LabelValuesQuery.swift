/// A Prometheus variable query: `label_values(metric{…}, label)`, `label_values(label)`,
/// `label_names()`, `metrics(regex)`, `query_result(expr)`, or plain PromQL.
public struct LabelValuesQuery: Sendable {
    /// The function used, or nil for plain PromQL.
    public var function: String?
    /// The PromQL part (a selector for `label_values`, an expression for `query_result`),
    /// nil when there is none.
    public var promql: String?
    /// Where the PromQL part is in the text (UTF-8 offsets).
    public var promqlRange: Range<Int>?
    /// The label argument of `label_values`.
    public var label: String?

    /// Parses the query text; nil when it is empty.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        let bytes = Array(text.utf8)
        for fn in ["label_values", "label_names", "metrics", "query_result"] {
            guard trimmed.hasPrefix(fn + "("), trimmed.hasSuffix(")") else { continue }
            function = fn
            guard let open = bytes.firstIndex(of: 0x28), let close = bytes.lastIndex(of: 0x29), open < close else { return }
            let inner = open + 1..<close
            switch fn {
            case "label_values":
                // The label is after the last top-level comma.
                var depth = 0
                var quote: UInt8?
                var lastComma: Int?
                for i in inner {
                    let c = bytes[i]
                    if let q = quote { if c == q { quote = nil }; continue }
                    if c == 0x22 || c == 0x27 { quote = c } else if c == 0x28 || c == 0x7B || c == 0x5B { depth += 1 } else if c == 0x29 || c == 0x7D || c == 0x5D { depth -= 1 } else if c == 0x2C && depth == 0 { lastComma = i }
                }
                if let comma = lastComma {
                    label = String(decoding: bytes[(comma + 1)..<close], as: UTF8.self).trimmingCharacters(in: .whitespaces)
                    let part = inner.lowerBound..<comma
                    promqlRange = part
                    promql = String(decoding: bytes[part], as: UTF8.self)
                } else {
                    label = String(decoding: bytes[inner], as: UTF8.self).trimmingCharacters(in: .whitespaces)
                }
            case "query_result":
                promqlRange = inner
                promql = String(decoding: bytes[inner], as: UTF8.self)
            default:
                break
            }
            return
        }
        promql = text
        promqlRange = 0..<bytes.count
    }
}

import Foundation
