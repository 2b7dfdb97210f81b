import VigilCore

/// Mutes alerts matching the target matchers while an alert matching the source matchers
/// fires, when both carry the same values for the `equal` labels.
public struct InhibitRule: Sendable, Codable {
    public var sourceMatch: StringMap<String>?
    public var sourceMatchRE: StringMap<RegexValue>?
    public var sourceMatchers: [MatcherLine]?
    public var targetMatch: StringMap<String>?
    public var targetMatchRE: StringMap<RegexValue>?
    public var targetMatchers: [MatcherLine]?
    public var equal: [String]?
    public var origin: Provenance?

    enum CodingKeys: String, CodingKey {
        case sourceMatch = "source_match"
        case sourceMatchRE = "source_match_re"
        case sourceMatchers = "source_matchers"
        case targetMatch = "target_match"
        case targetMatchRE = "target_match_re"
        case targetMatchers = "target_matchers"
        case equal, origin
    }

    public init() {}

    /// Source matchers, legacy forms included.
    public var allSourceMatchers: [LabelMatcher] { combine(sourceMatch, sourceMatchRE, sourceMatchers) }
    /// Target matchers, legacy forms included.
    public var allTargetMatchers: [LabelMatcher] { combine(targetMatch, targetMatchRE, targetMatchers) }

    private func combine(_ eq: StringMap<String>?, _ re: StringMap<RegexValue>?, _ lines: [MatcherLine]?) -> [LabelMatcher] {
        var out: [LabelMatcher] = []
        for (k, v) in eq ?? StringMap() { if let m = try? LabelMatcher(name: k, op: .equal, value: v) { out.append(m) } }
        for (k, v) in re ?? StringMap() { if let m = try? LabelMatcher(name: k, op: .regex, value: v.pattern) { out.append(m) } }
        for l in lines ?? [] { out.append(contentsOf: l.matchers) }
        return out
    }
}
