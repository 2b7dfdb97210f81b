import VigilCore
import VigilPromQL

/// A matcher or `by` clause names a label the metric does not have.
public struct UnknownLabel: Check {
    public static let rule = RuleDescription(
        id: "catalogue/unknown-label", severity: .error,
        summary: "A query filters or groups by a label the metric (per the catalogue) does not carry.",
        rationale: "`{statuscode=\"500\"}` on a metric labelled `status_code` matches nothing; `sum by (endpoint)` over a metric without `endpoint` collapses everything into one series. Both fail silently.",
        triggering: [CatalogueExample.rules("      - {alert: Errors, expr: 'sum(rate(app_requests_total{code=\"500\"}[5m])) > 1', for: 5m}\n")],
        nonTriggering: [CatalogueExample.rules("      - {alert: Errors, expr: 'sum by (method) (rate(app_requests_total{status_code=\"500\"}[5m])) > 1', for: 5m}\n")])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        guard let index = context.catalogueIndex else { return }
        for q in context.catalogueQueries {
            for use in q.selectors {
                guard let name = use.metricName, let labels = index.labels(of: name), q.nameIsLiteral(use) else { continue }
                for m in use.matchers where m.name != "__name__" && !labels.contains(m.name) && q.isLiteral(m.range) {
                    // `label=""` asks for the label's absence, which is always true: not an error.
                    if m.op == .equal && m.value.isEmpty { continue }
                    let hint = Suggestion.closest(to: m.name, in: labels.sorted()).map { "did you mean \"\($0)\"?" }
                        ?? "labels of \(name): \(labels.sorted().joined(separator: ", "))"
                    report.add("\(name) has no label \"\(m.name)\": this matcher never matches", query: q, range: m.range, hint: hint)
                }
            }
            _ = PromQLWalker().walk(q.expr) { node, _ in
                guard case .aggregate(let a) = node.kind, case .by(let by) = a.grouping else { return .descend }
                let input = a.expr.outputLabels { index.labels(of: $0) }
                for label in by where input.lacks(label) && q.isLiteral(node.range) {
                    report.add("`by (\(label))` groups by a label its input cannot carry: everything falls into one series",
                               query: q, range: node.range, hint: "group by a label the metric has, or drop it from `by`")
                }
                return .descend
            }
        }
    }
}
