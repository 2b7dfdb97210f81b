import VigilCore

/// Recording rule names are valid metric names.
public struct InvalidRecordName: RuleCheck {
    public static let rule = RuleDescription(
        id: "rules/invalid-record-name", severity: .error,
        summary: "A recording rule's `record` is not a valid metric name.",
        rationale: "The recorded series is named by `record`, so it must match `[a-zA-Z_:][a-zA-Z0-9_:]*`; promtool rejects anything else (\"invalid recording rule name\").",
        triggering: [Example.record("job-up-sum", "sum by (job) (up)"), Example.record("job:up sum", "sum by (job) (up)")],
        nonTriggering: [Example.record("job:up:sum", "sum by (job) (up)")])

    public init() {}

    public func run(_ rules: ArraySlice<RuleInContext>, _ context: LintContext, _ report: inout CheckReport) {
        for r in rules {
            guard let name = r.rule.record, r.rule.alert == nil, !PrometheusNames.isValidMetricName(name) else { continue }
            let fixed = String(name.map { c -> Character in
                c.isASCII && (c.isLetter || c.isNumber || c == "_" || c == ":") ? c : "_"
            })
            report.add("invalid recording rule name: \(name)", in: r.file.file, node: r.rule.recordNode,
                       hint: "use letters, digits, `_` and `:` only, e.g. \(fixed)")
        }
    }
}
