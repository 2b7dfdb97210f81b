import VigilCore
import VigilPromQL

/// Rule expressions parse and type-check as PromQL.
public struct InvalidExpression: RuleCheck {
    public static let rule = RuleDescription(
        id: "promql/invalid-expression", severity: .error,
        summary: "A rule's `expr` is not valid PromQL (syntax or type error).",
        rationale: "Prometheus refuses to load the rule file (promtool: \"could not parse expression\"). Vigil points at the exact place inside the expression and reports every type error, not just the first.",
        triggering: [Example.alert("rate(http_requests_total[5m] > 1"), Example.alert("sum(rate(http_requests_total[5m])) by (job) > \"1\"")],
        nonTriggering: [Example.alert("sum by (job) (rate(http_requests_total[5m])) > 1")])

    public init() {}

    public func run(_ rules: ArraySlice<RuleInContext>, _ context: LintContext, _ report: inout CheckReport) {
        for r in rules {
            for e in r.rule.exprErrors {
                report.add("could not parse expression: \(e.message)", rule: r.rule, exprRange: e.range)
            }
        }
    }
}
