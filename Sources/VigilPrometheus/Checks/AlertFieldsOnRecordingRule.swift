import VigilCore

/// `for`, `keep_firing_for` and `annotations` belong to alerting rules only.
public struct AlertFieldsOnRecordingRule: RuleCheck {
    public static let rule = RuleDescription(
        id: "rules/alert-field-on-recording-rule", severity: .error,
        summary: "A recording rule sets `for`, `keep_firing_for` or `annotations`.",
        rationale: "These fields only mean something for alerts; promtool rejects the file (\"invalid field 'for' in recording rule\"). Remove them, or turn the rule into an alert.",
        triggering: [Example.record("job:up:sum", "sum by (job) (up)", extra: "        for: 5m\n"),
                     Example.record("job:up:sum", "sum by (job) (up)", extra: "        annotations:\n          summary: x\n")],
        nonTriggering: [Example.record("job:up:sum", "sum by (job) (up)", extra: "        labels:\n          team: infra\n")])

    public init() {}

    public func run(_ rules: ArraySlice<RuleInContext>, _ context: LintContext, _ report: inout CheckReport) {
        for r in rules where r.rule.isRecord {
            let m = r.rule.node.mapping
            for key in ["for", "keep_firing_for", "annotations"] {
                guard let pair = m?.pair(for: key) else { continue }
                if key == "annotations", pair.value.mapping?.isEmpty ?? true { continue }
                if key != "annotations", (pair.value.scalarText ?? "").isEmpty || pair.value.scalarText == "0" || pair.value.scalarText == "0s" { continue }
                report.add("invalid field '\(key)' in recording rule \"\(r.rule.name)\"", in: r.file.file, node: pair.key,
                           hint: "remove `\(key)`, or make this an alerting rule")
            }
        }
    }
}
