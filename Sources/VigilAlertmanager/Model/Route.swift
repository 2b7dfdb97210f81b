import VigilCore

/// A node of the routing tree: which alerts it takes (`matchers`, legacy `match`/`match_re`),
/// where they go (`receiver`), how they are batched, and its child routes.
public struct Route: Sendable, Codable {
    public var receiver: String?
    public var groupBy: [String]?
    /// Legacy equality matchers (deprecated): label → value.
    public var match: StringMap<String>?
    /// Legacy regex matchers (deprecated): label → regex.
    public var matchRE: StringMap<RegexValue>?
    /// Matchers in the current syntax, one or more per line.
    public var matchers: [MatcherLine]?
    public var muteTimeIntervals: [String]?
    public var activeTimeIntervals: [String]?
    public var `continue`: Bool?
    public var routes: [Route]?
    public var groupWait: Duration?
    public var groupInterval: Duration?
    public var repeatInterval: Duration?
    public var origin: Provenance?

    enum CodingKeys: String, CodingKey {
        case receiver
        case groupBy = "group_by"
        case match
        case matchRE = "match_re"
        case matchers
        case muteTimeIntervals = "mute_time_intervals"
        case activeTimeIntervals = "active_time_intervals"
        case `continue`
        case routes
        case groupWait = "group_wait"
        case groupInterval = "group_interval"
        case repeatInterval = "repeat_interval"
        case origin
    }

    public init(receiver: String? = nil, matchers: [LabelMatcher] = [], continue: Bool? = nil, routes: [Route]? = nil) {
        self.receiver = receiver
        self.matchers = matchers.isEmpty ? nil : matchers.map { MatcherLine(matchers: [$0], text: $0.description) }
        self.continue = `continue`
        self.routes = routes
    }

    /// All matchers of this route (legacy ones converted), in Alertmanager's sorted order.
    public var allMatchers: [LabelMatcher] {
        var out: [LabelMatcher] = []
        for (k, v) in match ?? StringMap() {
            if let m = try? LabelMatcher(name: k, op: .equal, value: v) { out.append(m) }
        }
        for (k, v) in matchRE ?? StringMap() {
            if let m = try? LabelMatcher(name: k, op: .regex, value: v.pattern) { out.append(m) }
        }
        for line in matchers ?? [] { out.append(contentsOf: line.matchers) }
        return out.sorted(by: LabelMatcher.routeOrder)
    }

    /// Whether the route has any matcher, legacy or current.
    public var hasMatchers: Bool {
        !(match?.isEmpty ?? true) || !(matchRE?.isEmpty ?? true) || (matchers ?? []).contains { !$0.matchers.isEmpty }
    }

    /// Whether `group_by` is the `...` wildcard (group by all labels).
    public var groupsByAll: Bool { groupBy?.contains("...") ?? false }
}

/// One entry of a `matchers:` list: a line of text holding one or more matchers.
public struct MatcherLine: Sendable, Codable, Hashable {
    public let matchers: [LabelMatcher]
    /// The text as written.
    public let text: String

    public init(matchers: [LabelMatcher], text: String) {
        self.matchers = matchers
        self.text = text
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        do {
            matchers = try MatcherParser.parseList(s)
        } catch let e as MatcherError {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: e.description)
        }
        text = s
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(text)
    }
}

/// A `match_re` value: a Go regular expression, anchored when matched.
public struct RegexValue: Sendable, Codable, Hashable, CustomStringConvertible {
    public let regex: GoRegex
    public var pattern: String { regex.pattern }
    public var description: String { pattern }

    public init(_ pattern: String) throws { regex = try GoRegex(pattern) }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "invalid regexp value: a regular expression is required (write \"\" to match the empty value)")
        }
        let s = try c.decode(String.self)
        do { regex = try GoRegex(s) } catch let e as GoRegexError {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: e.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(pattern)
    }
}
