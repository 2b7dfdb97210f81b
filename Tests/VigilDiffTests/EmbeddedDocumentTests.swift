import Testing
import VigilCore
@testable import VigilDiff

/// ConfigMap values that hold documents of their own are parsed and compared structurally,
/// with paths that continue into them and locations in the outer file.
@Suite struct EmbeddedDocumentTests {
    /// A ConfigMap with one data key holding `body` (indented as a literal block).
    static func configMap(key: String, _ body: String) -> String {
        let indented = body.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "    " + $0 }.joined(separator: "\n")
        return "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg, namespace: mon}\ndata:\n  \(key): |\n\(indented)"
    }

    static let rules = """
        groups:
          - name: api
            rules:
              - alert: HighErrorRate
                expr: sum(rate(errors_total[5m])) / sum(rate(requests_total[5m])) > 0.05
                for: 5m
                labels: {severity: critical}

        """
    static let alertmanager = """
        route:
          receiver: chat
          routes:
            - matchers: [severity="critical"]
              receiver: pager
        receivers:
          - name: chat
          - name: pager

        """
    static let dashboard = """
        {
          "title": "API",
          "panels": [
            {"id": 1, "title": "Requests", "targets": [{"refId": "A", "expr": "sum(rate(requests_total[5m]))"}]},
            {"id": 2, "title": "Errors", "targets": [{"refId": "A", "expr": "sum(rate(errors_total[5m]))"}]}
          ]
        }

        """

    struct Case: Sendable, CustomTestStringConvertible {
        let what: String
        let key: String
        let old: String
        let new: String
        let expected: [String]
        var testDescription: String { what }
    }

    static let cases: [Case] = [
        Case(what: "rule file", key: "api.rules.yaml", old: rules, new: rules.replacing("for: 5m", with: "for: 10m"),
             expected: ["changed data[\"api.rules.yaml\"]/groups[name=api].rules[alert=HighErrorRate].for"]),
        Case(what: "rule file, PromQL reformatted and keys reordered", key: "api.rules",
             old: rules,
             new: rules.replacing("sum(rate(errors_total[5m])) / sum(rate(requests_total[5m])) > 0.05", with: "'sum (rate(errors_total[5m]))/sum(rate(requests_total[5m]))>0.05'")
                       .replacing("labels: {severity: critical}", with: "labels:\n          severity: critical"),
             expected: []),
        Case(what: "alertmanager.yml", key: "alertmanager.yml", old: alertmanager,
             new: alertmanager.replacing("receiver: pager", with: "receiver: chat\n      continue: true"),
             expected: ["changed data[\"alertmanager.yml\"]/route.routes[matchers={severity=\"critical\"}].receiver",
                        "added data[\"alertmanager.yml\"]/route.routes[matchers={severity=\"critical\"}].continue"]),
        Case(what: "prometheus.yml", key: "prometheus.yml",
             old: "global: {scrape_interval: 30s}\nscrape_configs:\n  - job_name: api\n    static_configs: [{targets: ['api:9090']}]\n",
             new: "scrape_configs:\n  - job_name: api\n    static_configs: [{targets: ['api:9091']}]\nglobal: {scrape_interval: 30s}\n",
             expected: ["changed data[\"prometheus.yml\"]/scrape_configs[job_name=api].static_configs[0].targets[0]"]),
        Case(what: "dashboard JSON", key: "api.json", old: dashboard,
             new: dashboard.replacing("\"title\": \"Errors\"", with: "\"title\": \"Error ratio\"").replacing("sum(rate(requests_total[5m]))\"}]},", with: "sum by (job) (rate(requests_total[5m]))\"}]},"),
             expected: ["changed data[\"api.json\"]/panels[id=1].targets[refId=A].expr", "changed data[\"api.json\"]/panels[id=2].title"]),
    ]

    @Test(arguments: cases)
    func embeddedDocumentsAreComparedStructurally(_ c: Case) {
        let r = Diffing.files(Self.configMap(key: c.key, c.old), Self.configMap(key: c.key, c.new))
        #expect(r.summaries == c.expected)
    }

    @Test func locationsPointIntoTheOuterFile() throws {
        let new = Self.configMap(key: "api.rules.yaml", Self.rules.replacing("for: 5m", with: "for: 10m"))
        let r = Diffing.files(Self.configMap(key: "api.rules.yaml", Self.rules), new)
        let location = try #require(r.allChanges.first?.location)
        let lines = new.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(location.file == "b.yaml")
        #expect(lines[location.line - 1].contains("for: 10m"))
        let line = Array(lines[location.line - 1])
        #expect(location.column >= 1 && location.column <= line.count && String(line[(location.column - 1)...]).hasPrefix("10m"))
    }

    @Test func aChangedPromQLExpressionIsPrintedCanonically() throws {
        let r = Diffing.files(Self.configMap(key: "api.rules.yaml", Self.rules),
                              Self.configMap(key: "api.rules.yaml", Self.rules.replacing("> 0.05", with: ">0.1")))
        let change = try #require(r.allChanges.first)
        #expect(change.new?.scalarText?.contains("> 0.1") == true || change.new?.scalarText?.contains(">\n") == true)
        #expect(change.notes == ["PromQL, printed in canonical form"])
    }

    @Test func anInvalidEmbeddedDocumentIsComparedLineByLine() {
        let r = Diffing.files(Self.configMap(key: "x.yaml", "a: [1, 2\n"), Self.configMap(key: "x.yaml", "a: [1, 3\n"))
        #expect(r.allChanges.map(\.kind) == [.text])
        #expect(r.allChanges.first?.notes == ["not a valid document on both sides; compared line by line"])
    }

    @Test func aMultiDocumentEmbeddedStreamNumbersItsDocuments() {
        let r = Diffing.files(Self.configMap(key: "all.yaml", "a: 1\n---\nb: 2\n"), Self.configMap(key: "all.yaml", "a: 1\n---\nb: 3\n"))
        #expect(r.summaries == ["changed data[\"all.yaml\"]/#1/b"])
    }
}
