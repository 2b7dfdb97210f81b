import VigilCore
import VigilPromQL

extension LintContext {
    /// The catalogue knowledge of the run, when a catalogue was given or linted.
    var catalogueIndex: CatalogueIndex? {
        options.knowledge((any MetricKnowledge).self) as? CatalogueIndex
    }

    /// Series names recording rules of the run produce.
    var recordedNames: Set<String> {
        Set(allRules.compactMap(\.rule.record))
    }
}

/// A rule file with one alerting rule, and a catalogue beside it, for examples.
enum CatalogueExample {
    static let catalogue = """
    apiVersion: vigil/v1
    kind: MetricCatalogue
    scrapeLabels: [job, instance]
    metrics:
      - {name: app_requests_total, type: counter, labels: {method: [GET, POST], status_code: {max: 20}}}
      - {name: app_request_duration_seconds, type: histogram, buckets: [0.1, 0.5, 1, 5], labels: {method: [GET, POST]}}
      - {name: app_cache_hit_ratio, type: gauge, unit: ratio}
      - {name: app_cache_hit_rate, type: gauge, help: Cache hit rate percentage}
    """

    /// One file holding the catalogue and the rules as two documents.
    static func rules(_ body: String) -> RuleExample {
        RuleExample(catalogue + "\n---\ngroups:\n  - name: example\n    rules:\n" + body, path: "rules.yaml")
    }
}
