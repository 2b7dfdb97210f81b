import Foundation
import Testing

/// `vigil render --format json`: the Kubernetes manifests as one `List` per file, holding the
/// same objects as the YAML streams; everything else keeps its documented form.
@Suite struct RenderFormatTests {
    static var stack: String { CLI.packageRoot.appendingPathComponent("examples/aurelis/vigil.yaml").path }

    @Test func kubernetesManifestsAsJSONLists() throws {
        let out = try CLI.temporaryDirectory()
        let r = try CLI.run(["render", Self.stack, "--env", "production", "--out", out.path, "--format", "json"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        let golden = CLI.packageRoot.appendingPathComponent("examples/aurelis/rendered/production")
        let yamlFiles = try FileManager.default.contentsOfDirectory(atPath: golden.appendingPathComponent("kubernetes").path).sorted()
        let jsonFiles = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("kubernetes").path).sorted()
        #expect(jsonFiles == yamlFiles.map { $0.replacingOccurrences(of: ".yaml", with: ".json") })
        for (y, j) in zip(yamlFiles, jsonFiles) {
            let data = try Data(contentsOf: out.appendingPathComponent("kubernetes/\(j)"))
            let list = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect(list["kind"] as? String == "List")
            let items = (list["items"] as? [[String: Any]]) ?? []
            let yaml = try String(contentsOf: golden.appendingPathComponent("kubernetes/\(y)"), encoding: .utf8)
            let kindsInYAML = yaml.split(separator: "\n").filter { $0.hasPrefix("kind: ") }.map { String($0.dropFirst(6)) }
            #expect(items.map { $0["kind"] as? String ?? "" } == kindsInYAML, "\(j)")
        }
        // The other files are byte-identical to the YAML rendering.
        for path in ["prometheus/prometheus.yml", "alertmanager/alertmanager.yml", "grafana/dashboards/aurelis-overview.json"] {
            #expect(FileManager.default.contents(atPath: out.appendingPathComponent(path).path)
                    == FileManager.default.contents(atPath: golden.appendingPathComponent(path).path), "\(path)")
        }
        let lint = try CLI.run(["lint", "--strict", out.path])
        #expect(lint.status == 0, "\(lint.stdout)")
    }

    @Test func anUnknownFormatIsAUsageError() throws {
        let r = try CLI.run(["render", Self.stack, "--env", "production", "--out", try CLI.temporaryDirectory().path, "--format", "toml"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("yaml"))
    }
}
