import VigilCore

/// A metric whose estimated series exceed the per-metric budget.
public struct MetricOverBudget: Check {
    public static let rule = RuleDescription(
        id: "cardinality/metric-over-budget", severity: .warning,
        summary: "A metric's estimated series count exceeds the per-metric budget (default 10 000).",
        rationale: "The estimate multiplies the label domains (and a histogram's buckets) by the scrape targets. Above the budget a metric dominates memory and query cost; drop a label, coarsen buckets, or raise the budget deliberately (`budgets: {metric: N}` in the catalogue or `--set cardinality-metric-budget=N`).",
        triggering: [RuleExample("""
        apiVersion: vigil/v1
        kind: MetricCatalogue
        metrics:
          - name: app_request_duration_seconds
            type: histogram
            buckets: [0.1, 0.5, 1, 5]
            labels: {endpoint: {max: 200}, status_code: {max: 60}}
        """, path: "catalogue.yaml")],
        nonTriggering: [RuleExample("""
        apiVersion: vigil/v1
        kind: MetricCatalogue
        metrics:
          - name: app_request_duration_seconds
            type: histogram
            buckets: [0.1, 0.5, 1, 5]
            labels: {endpoint: {max: 40}, status_class: [2xx, 3xx, 4xx, 5xx]}
        """, path: "catalogue.yaml")])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        let targets = context.options.settings["targets"].flatMap { Int($0) } ?? 1
        for a in context.all(MetricCatalogueArtifact.self) {
            let budget = context.options.settings["cardinality-metric-budget"].flatMap { Int($0) }
                ?? a.catalogue.budgets?.metric ?? CardinalityBudgets.defaultMetric
            for m in a.catalogue.metrics {
                let e = SeriesEstimate(m)
                guard let total = e.total(targets: targets), total > budget else { continue }
                let shown = total == Int.max ? "more than \(Int.max)" : String(total)
                report.add("\(m.name) is estimated at \(shown) series (\(targets) target\(targets == 1 ? "" : "s")), over the budget of \(budget)",
                           at: m.origin, key: "name", hint: "the largest label domains multiply: \(largest(m))")
            }
        }
    }

    private func largest(_ m: MetricDefinition) -> String {
        let sized = (m.labels ?? [:]).compactMap { (k, v) in v.size.map { (k, $0) } }.sorted { ($0.1, $1.0) > ($1.1, $0.0) }
        return sized.prefix(3).map { "\($0.0) (\($0.1))" }.joined(separator: " × ")
    }
}
