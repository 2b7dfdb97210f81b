import VigilCore

/// A catalogue label declared without a bound.
public struct UnboundedLabel: Check {
    public static let rule = RuleDescription(
        id: "cardinality/unbounded-label", severity: .warning,
        summary: "A metric label has no bound on its values.",
        rationale: "Every distinct label value is a new time series. A label with no known bound can grow until Prometheus runs out of memory; declare its values or a maximum (`{max: 40}`), or drop the label.",
        triggering: [RuleExample("""
        apiVersion: vigil/v1
        kind: MetricCatalogue
        metrics:
          - name: app_requests_total
            type: counter
            labels: {path: unbounded}
        """, path: "catalogue.yaml")],
        nonTriggering: [RuleExample("""
        apiVersion: vigil/v1
        kind: MetricCatalogue
        metrics:
          - name: app_requests_total
            type: counter
            labels: {route: {max: 40}, method: [GET, POST]}
        """, path: "catalogue.yaml")])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for a in context.all(MetricCatalogueArtifact.self) {
            for m in a.catalogue.metrics {
                for (label, domain) in m.labels ?? [:] where domain == .unbounded {
                    let range = m.origin?.node?["labels"]?.mapping?.pair(for: label)?.key.range ?? m.origin?.range
                    report.add("label \"\(label)\" of \(m.name) has no bound: its series count cannot be estimated",
                               in: a.file, at: range, hint: "declare its values or a maximum, e.g. `\(label): {max: 50}`")
                }
            }
        }
    }
}
