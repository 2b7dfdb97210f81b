import VigilCore

/// Every rule has a non-empty `expr`.
public struct MissingExpression: RuleCheck {
    public static let rule = RuleDescription(
        id: "rules/missing-expr", severity: .error,
        summary: "A rule has no `expr` (or an empty one).",
        rationale: "promtool rejects it: \"field 'expr' must be set in rule\". A rule without an expression evaluates nothing.",
        triggering: [RuleExample("groups:\n  - name: g\n    rules:\n      - alert: Down\n        for: 5m\n")],
        nonTriggering: [Example.alert("up == 0")])

    public init() {}

    public func run(_ rules: ArraySlice<RuleInContext>, _ context: LintContext, _ report: inout CheckReport) {
        for r in rules where r.rule.expr == nil {
            report.add("field 'expr' must be set in \(r.rule.label)", in: r.file.file, node: r.rule.exprNode ?? r.rule.alertNode ?? r.rule.recordNode ?? r.rule.node)
        }
    }
}
