import Testing
import VigilCore
@testable import VigilPrometheus

/// Rule files, PrometheusRule resources, embedded rule files and Prometheus configs are
/// recognised by content, and findings inside them point at the exact line and column.
@Suite struct KindTests {
    static let crd = """
        apiVersion: monitoring.coreos.com/v1
        kind: PrometheusRule
        metadata:
          name: api
          namespace: prod
        spec:
          groups:
            - name: api
              partial_response_strategy: warn
              rules:
                - alert: ApiDown
                  expr: up{job="api"} == 0
                  for: 5m
                - record: job:up:sum
                  expr: sum by (job) (up) +
        """

    @Test func prometheusRuleResourceIsDecodedAndChecked() async throws {
        let decoded = PrometheusLint.registry.decode(file: SourceFile(path: "api.yaml", text: Self.crd + "\n"))
        let file = try #require(decoded.artifacts.first as? RuleFile)
        #expect(file.source == .prometheusRule(name: "api", namespace: "prod"))
        #expect(file.rules.map(\.rule.name) == ["ApiDown", "job:up:sum"])
        let r = await TestLinter.lint(Self.crd + "\n", path: "api.yaml")
        let e = try #require(r.diagnostics.first { $0.rule == "promql/invalid-expression" })
        #expect(e.range?.start.line == 15)
        #expect(r.diagnostics.allSatisfy { $0.rule == "promql/invalid-expression" }, "\(r.diagnostics)")
    }

    @Test func multiDocumentStreamsMixKinds() async {
        let text = "global:\n  scrape_interval: 30s\n---\ngroups:\n  - name: a\n    rules:\n      - alert: X\n        expr: rate(errors_total[45s]) > 1\n        for: 5m\n"
        let decoded = PrometheusLint.registry.decode(file: SourceFile(path: "all.yaml", text: text))
        #expect(decoded.artifacts.count == 2)
        #expect(decoded.artifacts.first is PrometheusConfigFile)
        let r = await TestLinter.lint(text, path: "all.yaml")
        #expect(r.diagnostics.map(\.rule) == ["promql/range-too-short"])
        #expect(r.diagnostics.first?.range?.start.line == 8)
        #expect(r.diagnostics.first?.range?.start.column == 20)
    }

    @Test func errorsInsideEmbeddedRulesPointIntoTheConfigMap() async throws {
        let text = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: rules
            data:
              app.yml: |
                groups:
                  - name: app
                    rules:
                      - alert: Slow
                        expr: |
                          histogram_quantile(0.9,
                            sum by (job) (rate(http_request_duration_seconds_bucket[5m]))) > 1
                        for: 5m
                        annotations:
                          summary: "{{ $labels.instance }} is slow {{ humanise $value }}"

            """
        let r = await TestLinter.lint(text, path: "cm.yaml")
        let le = try #require(r.diagnostics.first { $0.rule == "promql/histogram-quantile-without-le" })
        #expect(le.file == "cm.yaml")
        #expect(le.range?.start.line == 13)
        #expect(le.range?.start.column == 17)
        let template = try #require(r.diagnostics.first { $0.rule == "rules/invalid-template" })
        #expect(template.range?.start.line == 16)
        #expect(template.range?.start.column == 59)
    }

    @Test(arguments: [
        ("groups: []\n", "prometheus-rules"),
        ("scrape_configs: []\n", "prometheus-config"),
        ("global:\n  evaluation_interval: 1m\n", "prometheus-config"),
        ("apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nspec: {groups: []}\n", "prometheus-rule-crd"),
    ])
    func kindsAreRecognisedByContent(_ text: String, kind: String) throws {
        let file = SourceFile(path: "x.yaml", text: text)
        let doc = try #require(YAMLLoader.load(file).documents.first)
        #expect(PrometheusLint.kinds.first { $0.matches(doc) }?.name == kind)
    }

    @Test(arguments: [
        "route:\n  receiver: x\nreceivers:\n  - name: x\nglobal:\n  resolve_timeout: 5m\n",
        "apiVersion: v1\nkind: ConfigMap\ndata: {}\n",
        "groups:\n  - name: a\napiVersion: v1\nkind: Something\n",
        "name: not prometheus\n",
    ])
    func otherDocumentsAreNotClaimed(_ text: String) throws {
        let doc = try #require(YAMLLoader.load(SourceFile(path: "x.yaml", text: text)).documents.first)
        #expect(PrometheusLint.kinds.allSatisfy { !$0.matches(doc) })
    }

    @Test func allErrorsOfAFileAreReportedAtOnce() async {
        let text = "groups:\n  - name: a\n    rules:\n      - record: bad-name\n        expr: sum(up)\n      - alert: X\n        expr: up ==\n      - alert: Y\n        expr: up == 0\n        for: 5 minutes\n  - name: a\n    rules: []\n"
        let r = await TestLinter.lint(text)
        let rules = Set(r.diagnostics.filter { $0.severity == .error }.map(\.rule))
        #expect(rules == ["rules/invalid-record-name", "promql/invalid-expression", "schema/invalid-value", "rules/group-name"])
    }
}
