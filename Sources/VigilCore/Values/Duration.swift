/// A Prometheus duration such as `5m`, `1h30m` or `500ms`, stored as whole milliseconds.
///
/// Parsing follows Prometheus' `model.ParseDuration`: one or more `<digits><unit>` parts with
/// units `y` (365 days), `w`, `d`, `h`, `m`, `s`, `ms`, each at most once and in that order, or
/// `0` alone. Durations that Prometheus cannot hold (over 2⁶³−1 nanoseconds, about 292 years)
/// are rejected. `description` is Prometheus' canonical form (`model.Duration.String()`):
/// `90m` prints `1h30m`, `0` prints `0s`, `14d` prints `2w`, `90d` stays `90d`.
///
/// Encoded as a string; decoded from a string (or an integer, so that YAML `for: 0` works).
public struct Duration: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The length in milliseconds (negative only for results of arithmetic).
    public let milliseconds: Int64

    /// The largest duration Prometheus accepts, in milliseconds (`Int64.max` nanoseconds).
    public static let maxMilliseconds: Int64 = Int64.max / 1_000_000

    /// A duration of zero.
    public static let zero = Duration(milliseconds: 0)

    /// A duration of `milliseconds` milliseconds.
    public init(milliseconds: Int64) {
        self.milliseconds = milliseconds
    }

    /// A duration of `seconds` seconds, rounded to the nearest millisecond; NaN gives zero and
    /// values out of range saturate at `Int64` milliseconds.
    public init(seconds: Double) {
        let ms = (seconds * 1000).rounded()
        if ms.isNaN {
            self.milliseconds = 0
        } else if ms >= 9.223372036854775e18 {
            self.milliseconds = .max
        } else if ms <= -9.223372036854775e18 {
            self.milliseconds = .min
        } else {
            self.milliseconds = Int64(ms)
        }
    }

    /// Parses a Prometheus duration string.
    public init(_ text: String) throws {
        self = try Duration.parse(text)
    }

    /// A duration of `n` seconds (saturating).
    public static func seconds(_ n: Int64) -> Duration { Duration(milliseconds: n.saturatingMultiply(1000)) }
    /// A duration of `n` minutes (saturating).
    public static func minutes(_ n: Int64) -> Duration { Duration(milliseconds: n.saturatingMultiply(60_000)) }
    /// A duration of `n` hours (saturating).
    public static func hours(_ n: Int64) -> Duration { Duration(milliseconds: n.saturatingMultiply(3_600_000)) }
    /// A duration of `n` days (saturating).
    public static func days(_ n: Int64) -> Duration { Duration(milliseconds: n.saturatingMultiply(86_400_000)) }

    /// The length in seconds.
    public var seconds: Double { Double(milliseconds) / 1000 }

    private static let units: [(name: String, ms: Int64)] = [
        ("y", 365 * 86_400_000), ("w", 7 * 86_400_000), ("d", 86_400_000),
        ("h", 3_600_000), ("m", 60_000), ("s", 1000), ("ms", 1),
    ]

    /// Parses a Prometheus duration string, throwing `DurationError` with Prometheus' message.
    public static func parse(_ text: String) throws -> Duration {
        if text == "0" { return .zero }
        if text.isEmpty { throw DurationError.empty }
        let b = Array(text.utf8)
        var i = 0
        var lastUnit = -1
        var total: Int64 = 0
        while i < b.count {
            var n: Int64 = 0
            var digits = 0
            var overflow = false
            while i < b.count, b[i] >= 48, b[i] <= 57 {
                let (m, o1) = n.multipliedReportingOverflow(by: 10)
                let (s, o2) = m.addingReportingOverflow(Int64(b[i] - 48))
                if o1 || o2 { overflow = true }
                n = s
                i += 1
                digits += 1
            }
            guard digits > 0, i < b.count else { throw DurationError.invalid(text) }
            let unit: Int
            switch b[i] {
            case UInt8(ascii: "y"): unit = 0
            case UInt8(ascii: "w"): unit = 1
            case UInt8(ascii: "d"): unit = 2
            case UInt8(ascii: "h"): unit = 3
            case UInt8(ascii: "m"):
                if i + 1 < b.count && b[i + 1] == UInt8(ascii: "s") {
                    unit = 6
                    i += 1
                } else {
                    unit = 4
                }
            case UInt8(ascii: "s"): unit = 5
            default: throw DurationError.invalid(text)
            }
            i += 1
            guard unit > lastUnit else { throw DurationError.invalid(text) }
            lastUnit = unit
            if overflow { throw DurationError.outOfRange(text) }
            let (part, o1) = n.multipliedReportingOverflow(by: units[unit].ms)
            let (sum, o2) = total.addingReportingOverflow(part)
            if o1 || o2 || sum > maxMilliseconds { throw DurationError.outOfRange(text) }
            total = sum
        }
        return Duration(milliseconds: total)
    }

    /// Prometheus' canonical text: largest units first, years and weeks only when they divide
    /// the rest exactly, `0s` for zero.
    public var description: String {
        if milliseconds == 0 { return "0s" }
        if milliseconds < 0 {
            if milliseconds == .min { return "-" + Duration(milliseconds: .max).description }
            return "-" + Duration(milliseconds: -milliseconds).description
        }
        var ms = milliseconds
        var out = ""
        for (index, unit) in Duration.units.enumerated() {
            let exactOnly = index < 2
            if exactOnly && ms % unit.ms != 0 { continue }
            let v = ms / unit.ms
            if v > 0 {
                out += String(v) + unit.name
                ms -= v * unit.ms
            }
        }
        return out
    }

    public static func < (a: Duration, b: Duration) -> Bool { a.milliseconds < b.milliseconds }

    /// The sum, saturating at the `Int64` range.
    public static func + (a: Duration, b: Duration) -> Duration {
        Duration(milliseconds: a.milliseconds.saturatingAdd(b.milliseconds))
    }

    /// The difference, saturating at the `Int64` range.
    public static func - (a: Duration, b: Duration) -> Duration {
        Duration(milliseconds: a.milliseconds.saturatingAdd(b.milliseconds == .min ? .max : -b.milliseconds))
    }

    /// The duration `n` times over, saturating at the `Int64` range.
    public static func * (a: Duration, n: Int64) -> Duration {
        Duration(milliseconds: a.milliseconds.saturatingMultiply(n))
    }

    /// The duration `n` times over, saturating at the `Int64` range.
    public static func * (n: Int64, a: Duration) -> Duration { a * n }

    /// How many times `b` fits in `a`, as a fraction (e.g. a range over a scrape interval).
    public static func / (a: Duration, b: Duration) -> Double {
        Double(a.milliseconds) / Double(b.milliseconds)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        // A plain `0` in YAML is an integer, and Prometheus (reading any scalar as text) takes it.
        let text: String
        if let s = try? container.decode(String.self) {
            text = s
        } else if let i = try? container.decode(Int64.self) {
            text = String(i)
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "a duration must be a string such as \"5m\"")
        }
        do {
            self = try Duration.parse(text)
        } catch let error as DurationError {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// Why a duration string was rejected, with Prometheus' wording.
public enum DurationError: Error, CustomStringConvertible, Equatable, Sendable {
    case empty
    case invalid(String)
    case outOfRange(String)

    public var description: String {
        switch self {
        case .empty: return "empty duration string"
        case .invalid(let s): return "not a valid duration string: \"\(s)\""
        case .outOfRange(let s): return "duration out of range: \"\(s)\""
        }
    }
}

extension Int64 {
    fileprivate func saturatingAdd(_ other: Int64) -> Int64 {
        let (r, o) = addingReportingOverflow(other)
        if !o { return r }
        return other > 0 ? .max : .min
    }

    fileprivate func saturatingMultiply(_ other: Int64) -> Int64 {
        let (r, o) = multipliedReportingOverflow(by: other)
        if !o { return r }
        return (self < 0) == (other < 0) ? .max : .min
    }
}
