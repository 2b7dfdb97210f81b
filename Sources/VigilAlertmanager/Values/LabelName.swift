/// Prometheus label-name rules as Alertmanager 0.25 applies them to `match`, `group_by` and
/// `equal`: `[a-zA-Z_][a-zA-Z0-9_]*`.
public enum LabelName {
    public static func isValid(_ name: String) -> Bool {
        guard let first = name.utf8.first else { return false }
        guard isLetter(first) || first == UInt8(ascii: "_") else { return false }
        return name.utf8.allSatisfy { isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "_") }
    }

    static func isLetter(_ b: UInt8) -> Bool { (b >= 65 && b <= 90) || (b >= 97 && b <= 122) }
    static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
}

/// Go `time.ParseDuration` syntax (`1m30s`, `1.5h`, `300ms`), used by Pushover's `retry` and
/// `expire` (unlike route timings, which use Prometheus durations).
public struct GoDuration: Sendable, Hashable, Codable, CustomStringConvertible {
    public let text: String
    /// The duration in seconds.
    public let seconds: Double

    public init(validating text: String) throws {
        var s = Substring(text)
        if s.hasPrefix("-") || s.hasPrefix("+") { s = s.dropFirst() }
        if s == "0" { self.text = text; seconds = 0; return }
        guard !s.isEmpty else { throw GoDurationError(text: text) }
        let units: [(String, Double)] = [("ns", 1e-9), ("us", 1e-6), ("µs", 1e-6), ("μs", 1e-6), ("ms", 1e-3), ("s", 1), ("m", 60), ("h", 3600)]
        var total = 0.0
        while !s.isEmpty {
            let number = s.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            guard !number.isEmpty, number != ".", let v = Double(number.hasPrefix(".") ? "0" + number : String(number)) else { throw GoDurationError(text: text) }
            s = s.dropFirst(number.count)
            let unitText = s.prefix { !($0.isASCII && ($0.isNumber || $0 == ".")) }
            guard let unit = units.first(where: { $0.0 == unitText }) else { throw GoDurationError(text: text) }
            s = s.dropFirst(unitText.count)
            total += v * unit.1
        }
        self.text = text
        seconds = text.hasPrefix("-") ? -total : total
    }

    public var description: String { text }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        do { self = try GoDuration(validating: s) } catch let e as GoDurationError {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: e.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(text)
    }
}

struct GoDurationError: Error, CustomStringConvertible {
    let text: String
    var description: String { "time: invalid duration \"\(text)\"; use a Go duration such as 30s, 1m30s or 1.5h" }
}
