/// A code sample that documents a rule and is run as a test: linted as a file named `path`.
public struct RuleExample: Sendable {
    public let path: String
    public let text: String

    public init(_ text: String, path: String = "example.yaml") {
        self.text = text
        self.path = path
    }
}

/// What a rule is: its stable id, default severity, summary, rationale and examples.
///
/// Triggering examples must produce at least one finding of this rule when linted;
/// non-triggering ones must produce none. One test walks the whole registry to check that.
public struct RuleDescription: Sendable {
    /// `area/name`, kebab-case, stable across releases.
    public let id: String
    public let severity: Severity
    /// One line: what the rule finds.
    public let summary: String
    /// Why it matters and what to do instead.
    public let rationale: String
    /// Examples that must produce a finding of this rule.
    public var triggering: [RuleExample] { makeTriggering() }
    /// Examples that must produce none.
    public var nonTriggering: [RuleExample] { makeNonTriggering() }

    // Built when asked (tests, `vigil explain`, the README): several rules generate theirs, and
    // every check's description is made the first time the check runs in a process.
    private let makeTriggering: @Sendable () -> [RuleExample]
    private let makeNonTriggering: @Sendable () -> [RuleExample]

    public init(
        id: String, severity: Severity, summary: String, rationale: String,
        triggering: @autoclosure @escaping @Sendable () -> [RuleExample],
        nonTriggering: @autoclosure @escaping @Sendable () -> [RuleExample]
    ) {
        self.id = id
        self.severity = severity
        self.summary = summary
        self.rationale = rationale
        self.makeTriggering = triggering
        self.makeNonTriggering = nonTriggering
    }

    /// The area part of the id (`promql` of `promql/self-ratio`).
    public var area: String { String(id.split(separator: "/").first ?? Substring(id)) }
}
