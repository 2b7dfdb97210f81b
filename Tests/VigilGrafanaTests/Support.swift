import Foundation
import Testing
import VigilCore
@testable import VigilGrafana

/// Shared helpers for the Grafana tests.
enum Support {
    static let linter = Linter(registry: CoreRules.registry.merging(GrafanaLint.registry))

    /// The package root (two levels above this file's folder).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func lint(_ text: String, path: String = "dashboard.json") async -> LintResult {
        await linter.lint(text: text, path: path)
    }

    /// Decodes the dashboards of a text with the Grafana registry.
    static func artifacts(_ text: String, path: String = "dashboard.json") -> (dashboards: [DashboardArtifact], diagnostics: [Diagnostic]) {
        let out = GrafanaLint.registry.decode(file: SourceFile(path: path, text: text))
        return (out.artifacts.compactMap { $0 as? DashboardArtifact }, out.diagnostics)
    }

    static func load(_ text: String) -> Node? {
        YAMLLoader.load(SourceFile(path: "x.json", text: text)).documents.first?.root
    }

    /// The guide's dashboard as written.
    static var guideDashboard: String? {
        let candidates = [packageRoot.appendingPathComponent("examples/guide-as-written/aurelis-dashboard.json").path,
                          "/work/main/examples/guide-as-written/aurelis-dashboard.json"]
        for c in candidates { if let s = try? String(contentsOfFile: c, encoding: .utf8) { return s } }
        return nil
    }

    /// Real dashboards downloaded by `fetch-corpus.sh` (empty when it was not run).
    static var corpus: [String] {
        let root = packageRoot.appendingPathComponent(".corpus/grafana").path
        guard let e = FileManager.default.enumerator(atPath: root) else { return [] }
        var out: [String] = []
        while let p = e.nextObject() as? String { if p.hasSuffix(".json") { out.append(root + "/" + p) } }
        return out.sorted()
    }

    /// A minimal dashboard around the given panels JSON.
    static func dashboard(panels: String, templating: String = datasourceVariable, extra: String = "") -> String {
        """
        {"title": "T", "uid": "t", "schemaVersion": 39, "editable": false\(extra),
         "templating": {"list": [\(templating)]},
         "panels": [\(panels)]}
        """
    }

    static let datasourceVariable = #"{"name": "datasource", "type": "datasource", "query": "prometheus", "refresh": 1}"#
}
