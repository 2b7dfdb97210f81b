import Testing
import VigilCore
import VigilStack

/// The catalogue checks read dashboard queries as they read rule expressions, with positions
/// inside the JSON string, and leave names that come from template variables alone.
@Suite struct DashboardCatalogueTests {
    static let catalogue = """
    apiVersion: vigil/v1
    kind: MetricCatalogue
    scrapeLabels: [job, instance]
    metrics:
      - {name: app_requests_total, type: counter, labels: {method: [GET, POST], status_code: {max: 20}}}
    """

    static func dashboard(_ exprs: [String]) -> String {
        let targets = exprs.enumerated().map { i, e in
            "{\"refId\": \"\(["A", "B", "C", "D"][i])\", \"datasource\": {\"type\": \"prometheus\", \"uid\": \"${datasource}\"}, \"expr\": \"\(e)\"}"
        }.joined(separator: ",\n        ")
        return """
        {
          "uid": "app", "title": "App", "schemaVersion": 39,
          "templating": {"list": [
            {"name": "datasource", "type": "datasource", "query": "prometheus"},
            {"name": "metric", "type": "custom", "query": "app_requests_total"},
            {"name": "label", "type": "custom", "query": "method"}
          ]},
          "panels": [
            {"id": 1, "type": "timeseries", "title": "Requests", "gridPos": {"x": 0, "y": 0, "w": 12, "h": 8},
             "datasource": {"type": "prometheus", "uid": "${datasource}"},
             "targets": [
                \(targets)
             ]}
          ]
        }
        """
    }

    func lint(_ exprs: [String]) -> [Diagnostic] {
        let files = [SourceFile(path: "metrics.yaml", text: Self.catalogue),
                     SourceFile(path: "dashboard.json", text: Self.dashboard(exprs))]
        return Linter(registry: VigilRegistry.all).lintSynchronously(files: files).diagnostics
            .filter { $0.rule.hasPrefix("catalogue/") }
    }

    @Test func unknownMetricInAPanelQueryIsReportedInsideTheString() throws {
        let found = lint(["sum(rate(app_request_total[$__rate_interval]))"])
        let d = try #require(found.first { $0.rule == "catalogue/unknown-metric" })
        #expect(d.file == "dashboard.json")
        #expect(d.hint == "did you mean \"app_requests_total\"?")
        // At the selector inside the JSON string, not at the start of the string.
        let lines = Self.dashboard(["sum(rate(app_request_total[$__rate_interval]))"]).split(separator: "\n", omittingEmptySubsequences: false)
        let lineIndex = try #require(lines.firstIndex { $0.contains("app_request_total") })
        let text = lines[lineIndex]
        let start = try #require(text.ranges(of: "app_request_total").first)
        #expect(d.range?.start.line == lineIndex + 1)
        #expect(d.range?.start.column == text.distance(from: text.startIndex, to: start.lowerBound) + 1)
    }

    @Test func unknownLabelInAPanelQuery() {
        let found = lint(["sum by (method) (rate(app_requests_total{code=\\\"500\\\"}[5m]))"])
        #expect(found.map(\.rule) == ["catalogue/unknown-label"])
        #expect(found.first?.message.contains("no label \"code\"") == true)
    }

    @Test func groupingByALabelTheMetricLacks() {
        let found = lint(["sum by (endpoint) (rate(app_requests_total[5m]))"])
        #expect(found.map(\.rule) == ["catalogue/unknown-label"])
    }

    @Test func namesFromVariablesAreNotChecked() {
        #expect(lint(["sum(rate(${metric}[5m]))", "sum by ($label) (rate(app_requests_total[5m]))",
                      "rate(app_requests_total{job=~\\\"$job\\\", method=\\\"GET\\\"}[5m])"]).isEmpty)
    }

    @Test func catalogueMetricsAndScrapeLabelsPass() {
        #expect(lint(["sum by (instance, status_code) (rate(app_requests_total{job=\\\"app\\\"}[5m]))"]).isEmpty)
    }
}
