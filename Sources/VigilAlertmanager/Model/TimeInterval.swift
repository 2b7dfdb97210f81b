import VigilCore

/// A named set of time intervals (`time_intervals` / `mute_time_intervals` entries), used by
/// routes' `mute_time_intervals` and `active_time_intervals`.
public struct NamedTimeInterval: Sendable, Codable {
    public var name: String?
    public var timeIntervals: [TimeInterval]?
    public var origin: Provenance?

    enum CodingKeys: String, CodingKey {
        case name
        case timeIntervals = "time_intervals"
        case origin
    }
}

/// One interval: times of day, weekdays, days of month, months, years, time zone.
public struct TimeInterval: Sendable, Codable {
    public var times: [TimeRange]?
    public var weekdays: [CalendarRange<WeekdayUnit>]?
    public var daysOfMonth: [CalendarRange<DayOfMonthUnit>]?
    public var months: [CalendarRange<MonthUnit>]?
    public var years: [CalendarRange<YearUnit>]?
    public var location: String?
    public var origin: Provenance?

    enum CodingKeys: String, CodingKey {
        case times, weekdays
        case daysOfMonth = "days_of_month"
        case months, years, location, origin
    }
}

/// `start_time`–`end_time` within a day, in minutes since midnight.
public struct TimeRange: Sendable, Codable {
    public var startMinute: Int
    public var endMinute: Int

    enum CodingKeys: String, CodingKey {
        case startTime = "start_time"
        case endTime = "end_time"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let start = try c.decodeIfPresent(String.self, forKey: .startTime) ?? ""
        let end = try c.decodeIfPresent(String.self, forKey: .endTime) ?? ""
        guard !start.isEmpty, !end.isEmpty else {
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath, debugDescription: "both start and end times must be provided"))
        }
        guard let s = TimeRange.minutes(start) else {
            throw DecodingError.dataCorruptedError(forKey: .startTime, in: c, debugDescription: "couldn't parse timestamp \(start), invalid format; use HH:MM (00:00 to 24:00)")
        }
        guard let e = TimeRange.minutes(end) else {
            throw DecodingError.dataCorruptedError(forKey: .endTime, in: c, debugDescription: "couldn't parse timestamp \(end), invalid format; use HH:MM (00:00 to 24:00)")
        }
        guard s < e else {
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath, debugDescription: "start time cannot be equal or greater than end time"))
        }
        startMinute = s
        endMinute = e
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(TimeRange.text(startMinute), forKey: .startTime)
        try c.encode(TimeRange.text(endMinute), forKey: .endTime)
    }

    static func minutes(_ s: String) -> Int? {
        if s == "24:00" { return 1440 }
        let b = Array(s.utf8)
        guard b.count == 5, b[2] == UInt8(ascii: ":"), let h = Int(String(s.prefix(2))), let m = Int(String(s.suffix(2))),
              b[0] >= 48 && b[0] <= 50, (0...23).contains(h), (0...59).contains(m), b[3] >= 48 && b[3] <= 53 else { return nil }
        return h * 60 + m
    }

    static func text(_ minutes: Int) -> String {
        let h = minutes / 60, m = minutes % 60
        return (h < 10 ? "0" : "") + String(h) + ":" + (m < 10 ? "0" : "") + String(m)
    }
}

/// The members of a calendar range kind (weekdays, days of month, months, years).
public protocol CalendarUnit: Sendable {
    static func member(_ text: String) throws -> Int
    static func validate(begin: Int, end: Int, text: String) throws
}

/// `monday:friday`, `1:15`, `-1`, `january:march`, `2024:2026`: an inclusive range.
public struct CalendarRange<Unit: CalendarUnit>: Sendable, Codable {
    public var begin: Int
    public var end: Int
    public var text: String

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let raw = try c.decode(String.self)
        let s = raw.lowercased()
        do {
            let parts = s.split(separator: ":", omittingEmptySubsequences: false)
            switch parts.count {
            case 1: begin = try Unit.member(s); end = begin
            case 2: begin = try Unit.member(String(parts[0])); end = try Unit.member(String(parts[1]))
            default: throw CalendarRangeError("couldn't parse range \(s), invalid format")
            }
            try Unit.validate(begin: begin, end: end, text: raw)
        } catch let e as CalendarRangeError {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: e.message)
        }
        text = raw
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(text)
    }
}

struct CalendarRangeError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

public enum WeekdayUnit: CalendarUnit {
    static let names = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
    public static func member(_ text: String) throws -> Int {
        guard let i = names.firstIndex(of: text) else { throw CalendarRangeError("\(text) is not a valid weekday") }
        return i
    }
    public static func validate(begin: Int, end: Int, text: String) throws {
        if begin > end { throw CalendarRangeError("start day cannot be before end day") }
    }
}

public enum DayOfMonthUnit: CalendarUnit {
    public static func member(_ text: String) throws -> Int {
        guard let i = Int(text) else { throw CalendarRangeError("\(text) is not a valid day of the month") }
        return i
    }
    public static func validate(begin: Int, end: Int, text: String) throws {
        for v in [begin, end] where v == 0 || v < -31 || v > 31 {
            throw CalendarRangeError("\(v) is not a valid day of the month: out of range")
        }
        if begin < 0 && end > 0 { throw CalendarRangeError("end day must be negative if start day is negative") }
        let b = begin < 0 ? 28 + begin : begin
        let e = end < 0 ? 28 + end : end
        if b > e { throw CalendarRangeError("end day \(end) is always before start day \(begin)") }
    }
}

public enum MonthUnit: CalendarUnit {
    static let names = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
    public static func member(_ text: String) throws -> Int {
        if let i = names.firstIndex(of: text) { return i + 1 }
        if let n = Int(text) {
            guard (1...12).contains(n) else { throw CalendarRangeError("\(text) is not a valid month") }
            return n
        }
        throw CalendarRangeError("\(text) is not a valid month")
    }
    public static func validate(begin: Int, end: Int, text: String) throws {
        if begin > end { throw CalendarRangeError("end month \(names[end - 1]) is before start month \(names[begin - 1])") }
    }
}

public enum YearUnit: CalendarUnit {
    public static func member(_ text: String) throws -> Int {
        guard let i = Int(text) else { throw CalendarRangeError("\(text) is not a valid year") }
        return i
    }
    public static func validate(begin: Int, end: Int, text: String) throws {
        if begin > end { throw CalendarRangeError("end year \(end) is before start year \(begin)") }
    }
}
