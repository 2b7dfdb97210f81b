/// How a matcher compares a label value.
public enum MatchOperator: String, Sendable, Hashable, CaseIterable {
    case equal = "="
    case notEqual = "!="
    case regex = "=~"
    case notRegex = "!~"

    /// Alertmanager's order when it sorts matchers (`=`, `!=`, `=~`, `!~`).
    var rank: Int {
        switch self {
        case .equal: return 0
        case .notEqual: return 1
        case .regex: return 2
        case .notRegex: return 3
        }
    }
}

/// One label matcher: `severity="critical"`, `service=~"api|web"`, `env!="dev"`.
public struct LabelMatcher: Sendable, Hashable, CustomStringConvertible {
    public let name: String
    public let op: MatchOperator
    public let value: String
    /// The anchored expression for `=~` and `!~`.
    public let regex: GoRegex?

    /// A matcher; throws when a regex operator is given an expression Go rejects.
    public init(name: String, op: MatchOperator, value: String) throws {
        self.name = name
        self.op = op
        self.value = value
        regex = (op == .regex || op == .notRegex) ? try GoRegex(value) : nil
    }

    /// Whether a label value (empty when the label is absent) satisfies the matcher.
    public func matches(_ labelValue: String) -> Bool {
        switch op {
        case .equal: return labelValue == value
        case .notEqual: return labelValue != value
        case .regex: return regex?.matches(labelValue) ?? false
        case .notRegex: return !(regex?.matches(labelValue) ?? false)
        }
    }

    /// Whether the labels satisfy the matcher (absent labels count as empty).
    public func matches(labels: [String: String]) -> Bool { matches(labels[name] ?? "") }

    /// Whether an absent label satisfies the matcher.
    public var matchesEmpty: Bool { matches("") }

    /// Alertmanager's text: `name="value"`, the value escaped OpenMetrics style; names that are
    /// not classic matcher names (`[a-zA-Z_:][a-zA-Z0-9_:]*`) are quoted.
    public var description: String {
        let scalars = Array(name.unicodeScalars)
        let classic = !scalars.isEmpty && scalars.enumerated().allSatisfy { MatcherParser.isNameScalar($0.element, first: $0.offset == 0) }
        let shownName = classic ? name : "\"\(LabelMatcher.escape(name))\""
        return "\(shownName)\(op.rawValue)\"\(LabelMatcher.escape(value))\""
    }

    /// Escapes by Unicode scalar, not by Character: a quote followed by a combining mark is one
    /// Character (`"\u{0742}`) that equals no quote, and would print unescaped (found by fuzzing).
    static func escape(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for c in s.unicodeScalars {
            switch c {
            case "\\": out.append(contentsOf: "\\\\".unicodeScalars)
            case "\n": out.append(contentsOf: "\\n".unicodeScalars)
            case "\"": out.append(contentsOf: "\\\"".unicodeScalars)
            default: out.append(c)
            }
        }
        return String(out)
    }

    /// Alertmanager's sort order for a route's matchers: name, then value, then operator.
    public static func routeOrder(_ a: LabelMatcher, _ b: LabelMatcher) -> Bool {
        if a.name != b.name { return a.name < b.name }
        if a.value != b.value { return a.value < b.value }
        return a.op.rank < b.op.rank
    }

    /// `{a="1",b=~"2"}`, as amtool prints a matcher list.
    public static func render(_ matchers: [LabelMatcher]) -> String {
        "{" + matchers.map(\.description).joined(separator: ",") + "}"
    }
}

/// Whether all matchers hold for the labels.
public func allMatch(_ matchers: [LabelMatcher], _ labels: [String: String]) -> Bool {
    matchers.allSatisfy { $0.matches(labels: labels) }
}
