import Testing
import VigilCore
@testable import VigilGrafana

@Suite("Rule examples")
struct RuleExampleTests {
    static let rules = GrafanaLint.registry.allRules.map(\.id)

    @Test("every rule's examples trigger (or not) as documented", arguments: rules)
    func examples(_ id: String) async throws {
        let rule = try #require(GrafanaLint.registry.rule(id: id))
        #expect(!rule.triggering.isEmpty && !rule.nonTriggering.isEmpty)
        for e in rule.triggering {
            let r = await Support.linter.lint(text: e.text, path: e.path)
            #expect(r.diagnostics.contains { $0.rule == id }, "\(id) did not trigger on:\n\(e.text)\n\(r.diagnostics)")
        }
        for e in rule.nonTriggering {
            let r = await Support.linter.lint(text: e.text, path: e.path)
            #expect(!r.diagnostics.contains { $0.rule == id }, "\(id) triggered on:\n\(e.text)\n\(r.diagnostics.filter { $0.rule == id })")
        }
    }

    @Test("real dashboards lint without errors")
    func corpusHasNoErrors() async throws {
        for path in Support.corpus {
            let r = await Support.linter.lint(paths: [path])
            let errors = r.diagnostics.filter { $0.severity == .error }
            #expect(errors.isEmpty, "\(path): \(errors.prefix(5))")
        }
    }

    @Test("the guide's dashboard: defects found, errors point into expr")
    func guideDefects() async throws {
        let text = try #require(Support.guideDashboard)
        let r = await Support.lint(text, path: "aurelis-dashboard.json")
        let rules = Set(r.diagnostics.map(\.rule))
        #expect(rules.contains("grafana/datasource-variable"))
        #expect(rules.contains("grafana/rate-interval"))
        #expect(rules.contains("grafana/hard-coded-job"))
        #expect(rules.contains("grafana/deprecated-panel"))
        #expect(rules.contains("grafana/dashboard-editable"))
        // "Error Rate", "Cache Hit Rate" and "GitHub API Rate Limit" start their thresholds at 0.
        #expect(r.diagnostics.filter { $0.rule == "grafana/threshold-base-not-null" }.map { $0.range?.start.line ?? 0 } == [82, 118, 143])
    }

    @Test("a PromQL error points at the character in the JSON file")
    func errorPosition() async throws {
        let text = Support.dashboard(panels: #"{"id": 1, "type": "timeseries", "title": "p", "datasource": "$datasource", "gridPos": {"x": 0, "y": 0, "w": 12, "h": 8}, "targets": [{"expr": "rate(x{job=~\"${job:regex}\"}[$__rate_interval]) +", "refId": "A"}]}"#,
                                     templating: Support.datasourceVariable + #", {"name": "job", "type": "query", "query": "label_values(up, job)", "refresh": 2}"#)
        let r = await Support.lint(text)
        let d = try #require(r.diagnostics.first { $0.rule == "grafana/query-invalid" })
        let file = SourceFile(path: "x", text: text)
        let range = try #require(d.range)
        // The error is at the end of the expression, right before the closing quote.
        let exprEnd = try #require(text.range(of: "+\", \"refId\""))
        let expected = text.utf8.distance(from: text.startIndex, to: exprEnd.lowerBound) + 1
        #expect(range.start.offset == expected, "\(d.message) at \(range) in \(file.lineText(range.start.line))")
    }
}
