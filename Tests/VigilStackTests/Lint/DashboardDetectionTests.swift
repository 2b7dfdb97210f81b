import Testing
import VigilCore
import VigilGrafana
import VigilStack

/// `vigil lint` finds dashboards in every packaging users have: the raw JSON model, the HTTP
/// API import body, ConfigMaps for the Grafana sidecar (one dashboard per `data` key) and the
/// Grafana Operator's `GrafanaDashboard` resource, with
/// findings positioned in the file the user has.
@Suite struct DashboardDetectionTests {
    static let dashboard = #"{"title": "T", "uid": "t", "editable": false, "templating": {"list": [{"name": "datasource", "type": "datasource", "query": "prometheus"}]}, "panels": [{"id": 1, "type": "timeseries", "title": "p", "datasource": "$datasource", "gridPos": {"x": 0, "y": 0, "w": 12, "h": 8}, "targets": [{"refId": "A", "expr": "sum(rate(x_total[$__rate_interval])) by ("}]}]}"#

    func dashboards(_ text: String, path: String) -> [DashboardArtifact] {
        VigilRegistry.all.decode(file: SourceFile(path: path, text: text)).artifacts.compactMap { $0 as? DashboardArtifact }
    }

    func queryErrors(_ text: String, path: String) async -> [Diagnostic] {
        await Linter(registry: VigilRegistry.all).lint(text: text, path: path).diagnostics.filter { $0.rule == "grafana/query-invalid" }
    }

    @Test func rawJSON() async throws {
        let found = dashboards(Self.dashboard, path: "d.json")
        #expect(found.map(\.form) == [.raw])
        let e = try #require(await queryErrors(Self.dashboard, path: "d.json").first)
        #expect(e.range?.start.line == 1)
    }

    @Test func importWrapper() async throws {
        let text = "{\n  \"folderUid\": \"ops\",\n  \"overwrite\": true,\n  \"dashboard\": \(Self.dashboard)\n}\n"
        let found = dashboards(text, path: "import.json")
        #expect(found.map(\.form) == [.importWrapper])
        #expect(found.first?.wrapper?.folderUid == "ops")
        let e = try #require(await queryErrors(text, path: "import.json").first)
        #expect(e.range?.start.line == 4)
        #expect(e.file == "import.json")
    }

    @Test func configMapWithOneDashboardPerKey() async throws {
        let wrapped = "{\"overwrite\": true, \"dashboard\": \(Self.dashboard)}"
        let text = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: dashboards
          labels:
            grafana_dashboard: "1"
        data:
          first.json: |
            {"title": "Clean", "uid": "c", "editable": false, "panels": []}
          second.json: |
            \(Self.dashboard)
          third.json: |
            \(wrapped)
          notes.txt: not a dashboard

        """
        let found = dashboards(text, path: "cm.yaml")
        #expect(found.map { $0.dashboard.title ?? "" } == ["Clean", "T", "T"])
        #expect(found.map(\.form) == [.raw, .raw, .importWrapper])
        let errors = await queryErrors(text, path: "cm.yaml")
        // Positions are in the ConfigMap file: the lines of second.json and third.json.
        #expect(errors.map { $0.range?.start.line ?? 0 } == [11, 13])
        #expect(errors.allSatisfy { $0.file == "cm.yaml" })
        let line = try #require(text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(10).first)
        let column = try #require(errors.first?.range?.start.column)
        // The column points at the end of the broken expression, right after "by (".
        let prefix = line.utf8.prefix(column - 1)
        #expect(String(decoding: prefix, as: UTF8.self).hasSuffix("by ("))
    }

    @Test func grafanaOperatorResource() async throws {
        let text = """
        apiVersion: grafana.integreatly.org/v1beta1
        kind: GrafanaDashboard
        metadata:
          name: checkout
        spec:
          instanceSelector:
            matchLabels: {dashboards: grafana}
          json: |
            \(Self.dashboard)

        """
        let found = dashboards(text, path: "operator.yaml")
        #expect(found.map { $0.dashboard.title ?? "" } == ["T"])
        let e = try #require(await queryErrors(text, path: "operator.yaml").first)
        #expect(e.file == "operator.yaml" && e.range?.start.line == 9)
    }
}
