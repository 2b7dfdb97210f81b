import VigilCore

/// Every rule is exactly one of a recording rule (`record`) and an alerting rule (`alert`).
public struct RecordOrAlert: RuleCheck {
    public static let rule = RuleDescription(
        id: "rules/record-or-alert", severity: .error,
        summary: "A rule sets both `record` and `alert`, or neither.",
        rationale: "Prometheus refuses the whole rule file (promtool: \"one of 'record' or 'alert' must be set\" / \"only one of 'record' and 'alert' must be set\"). Split a rule that does both into a recording rule and an alert that reads the recorded series.",
        triggering: [RuleExample("groups:\n  - name: g\n    rules:\n      - expr: up == 0\n"),
                     RuleExample("groups:\n  - name: g\n    rules:\n      - record: job:up:sum\n        alert: Down\n        expr: sum by (job) (up)\n")],
        nonTriggering: [Example.record("job:up:sum", "sum by (job) (up)")])

    public init() {}

    public func run(_ rules: ArraySlice<RuleInContext>, _ context: LintContext, _ report: inout CheckReport) {
        for r in rules {
            let rule = r.rule
            if rule.record != nil && rule.alert != nil {
                report.add("only one of 'record' and 'alert' must be set (rule \(rule.index) of group \"\(r.group.name)\")",
                           in: r.file.file, node: rule.alertNode, hint: "split it into a recording rule and an alert that reads the recorded series")
            } else if rule.record == nil && rule.alert == nil {
                report.add("one of 'record' or 'alert' must be set (rule \(rule.index) of group \"\(r.group.name)\")",
                           in: r.file.file, node: rule.node, hint: "add `alert: <Name>` or `record: <level:metric:operations>`")
            }
        }
    }
}
