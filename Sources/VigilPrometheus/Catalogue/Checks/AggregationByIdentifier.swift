import VigilCore
import VigilPromQL

/// An aggregation `by` a label that names identities.
public struct AggregationByIdentifier: RuleCheck {
    public static let rule = RuleDescription(
        id: "cardinality/by-identifier", severity: .warning,
        summary: "A rule aggregates `by` an identity label (user_id, request_id, ip…).",
        rationale: "A recording rule `sum by (user_id)` writes one new series per user on every evaluation; an alert by identity pages once per user. Aggregate by bounded categories and keep identities in logs.",
        triggering: [RuleExample("groups:\n  - name: g\n    rules:\n      - {record: user:requests:rate5m, expr: 'sum by (user_id) (rate(requests_total[5m]))'}\n", path: "rules.yaml")],
        nonTriggering: [RuleExample("groups:\n  - name: g\n    rules:\n      - {record: endpoint:requests:rate5m, expr: 'sum by (endpoint) (rate(requests_total[5m]))'}\n", path: "rules.yaml")])

    public init() {}

    public func run(_ rules: ArraySlice<RuleInContext>, _ context: LintContext, _ report: inout CheckReport) {
        for r in rules {
            guard let expr = r.rule.parsed else { continue }
            _ = PromQLWalker().walk(expr) { node, _ in
                guard case .aggregate(let a) = node.kind, case .by(let by) = a.grouping else { return .descend }
                for label in by where IdentifierLabel.isIdentifier(label) {
                    report.add("aggregates by \"\(label)\": one series per identity", rule: r.rule, exprRange: node.range,
                               hint: "aggregate by a bounded category instead")
                }
                return .descend
            }
        }
    }
}
