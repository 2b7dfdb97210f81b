import VigilCore
import VigilPromQL

/// A query reads a metric the catalogue does not know (often a typo).
public struct UnknownMetric: Check {
    public static let rule = RuleDescription(
        id: "catalogue/unknown-metric", severity: .error,
        summary: "A rule or dashboard query reads a metric that is neither in the metric catalogue nor recorded by a rule.",
        rationale: "A selector on a metric nothing exports returns nothing: the alert can never fire and nobody notices. With a catalogue (`--catalogue`, or a stack), every metric a query reads must be declared; the hint names the closest one.",
        triggering: [CatalogueExample.rules("      - {alert: Errors, expr: 'rate(app_request_total[5m]) > 1', for: 5m}\n")],
        nonTriggering: [CatalogueExample.rules("      - {alert: Errors, expr: 'rate(app_requests_total[5m]) > 1', for: 5m}\n")])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        guard let index = context.catalogueIndex else { return }
        let recorded = context.recordedNames
        var candidates: [String]?
        for q in context.catalogueQueries {
            for use in q.selectors {
                guard let name = use.metricName, index.definition(of: name) == nil, !recorded.contains(name),
                      q.nameIsLiteral(use) else { continue }
                if candidates == nil { candidates = index.seriesNames + recorded.sorted() }
                let hint = Suggestion.closest(to: name, in: candidates ?? []).map { "did you mean \"\($0)\"?" }
                    ?? "declare it in the catalogue, or fix the name"
                report.add("metric \"\(name)\" is not in the catalogue and no rule records it: this selector returns nothing",
                           query: q, range: use.position, hint: hint)
            }
        }
    }
}
