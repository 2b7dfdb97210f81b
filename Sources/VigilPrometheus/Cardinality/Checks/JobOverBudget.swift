import VigilCore

/// A scrape job whose estimated series exceed the per-job budget.
public struct JobOverBudget: Check {
    public static let rule = RuleDescription(
        id: "cardinality/job-over-budget", severity: .warning,
        summary: "The estimated series of all metrics of one scrape job exceed the per-job budget (default 200 000).",
        rationale: "Every target of a job exposes the whole catalogue: series add up across metrics and multiply with targets (replicas). Set `budgets: {job: N}` deliberately or trim the catalogue.",
        triggering: [RuleExample("""
        apiVersion: vigil/v1
        kind: MetricCatalogue
        budgets: {job: 1000, metric: 100000}
        metrics:
          - {name: a_total, type: counter, labels: {x: {max: 40}, y: {max: 30}}}
          - {name: b_total, type: counter, labels: {x: {max: 30}}}
        """, path: "catalogue.yaml")],
        nonTriggering: [RuleExample("""
        apiVersion: vigil/v1
        kind: MetricCatalogue
        budgets: {job: 1000}
        metrics:
          - {name: a_total, type: counter, labels: {x: {max: 30}}}
          - {name: b_total, type: counter, labels: {x: {max: 30}}}
        """, path: "catalogue.yaml")])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        let targets = context.options.settings["targets"].flatMap { Int($0) } ?? 1
        for a in context.all(MetricCatalogueArtifact.self) {
            let budget = context.options.settings["cardinality-job-budget"].flatMap { Int($0) }
                ?? a.catalogue.budgets?.job ?? CardinalityBudgets.defaultJob
            let r = CardinalityReport(catalogue: a.catalogue, targets: targets)
            for job in r.jobs {
                guard let total = r.total(of: job), total > budget else { continue }
                report.add("the catalogue's metrics add up to \(total) series per job (\(job.targets) target\(job.targets == 1 ? "" : "s")), over the job budget of \(budget)",
                           at: a.catalogue.origin, key: "metrics", hint: "`vigil cardinality \(a.file.path)` shows which metrics dominate")
            }
        }
    }
}
