import Foundation
import Testing

@Suite struct InitCommandTests {
    @Test func starterLintsCleanAndIsNotOverwritten() throws {
        let dir = try CLI.temporaryDirectory().appendingPathComponent("shop")
        let first = try CLI.run(["init", dir.path])
        #expect(first.status == 0)
        let lint = try CLI.run(["lint", "--strict", dir.appendingPathComponent("vigil.yaml").path])
        #expect(lint.status == 0, "\(lint.stdout)")
        #expect(lint.stdout.contains("0 errors, 0 warnings,"))
        let second = try CLI.run(["init", dir.path])
        #expect(second.status == 2)
        #expect(second.stderr.contains("already exists"))
    }

    @Test func unknownPresetIsAUsageError() throws {
        let r = try CLI.run(["init", "--preset", "http-servce", try CLI.temporaryDirectory().path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("Did you mean http-service?"))
    }
}

@Suite struct StackLintTests {
    @Test func aurelisExampleLintsCleanWithStrict() throws {
        let r = try CLI.run(["lint", "--strict", "examples/aurelis"], in: CLI.packageRoot)
        #expect(r.status == 0, "\(r.stdout)")
    }

    @Test func guideConfigsAsWrittenHaveFindings() throws {
        let r = try CLI.run(["lint", "--format", "json", "examples/guide-as-written"], in: CLI.packageRoot)
        #expect(r.status == 1)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let rules = Set(((json?["diagnostics"] as? [[String: Any]]) ?? []).compactMap { $0["rule"] as? String })
        for expected in ["alertmanager/plaintext-secret", "alertmanager/deprecated-match", "k8s/selector-mismatch", "probe/initial-delay-with-startup", "schema/unknown-field"] {
            #expect(rules.contains(expected), "missing \(expected) in \(rules.sorted())")
        }
    }
}

@Suite struct CatalogueCommandTests {
    @Test func guideRulesWithTheCatalogueShowSelfRatioAndUnitConfusion() throws {
        let r = try CLI.run(["lint", "--format", "json", "--catalogue", "examples/aurelis/metrics.yaml", "examples/guide-as-written/alert-rules.yaml"], in: CLI.packageRoot)
        #expect(r.status == 1)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let diags = (json?["diagnostics"] as? [[String: Any]]) ?? []
        #expect(diags.filter { $0["rule"] as? String == "promql/self-ratio" }.count == 2)
        #expect(diags.contains { $0["rule"] as? String == "alerts/percent-unit-mismatch" && $0["line"] as? Int == 107 })
    }

    @Test func cardinalityTable() throws {
        let r = try CLI.run(["cardinality", "--targets", "3", "examples/aurelis/metrics.yaml"], in: CLI.packageRoot)
        #expect(r.status == 0)
        #expect(r.stdout.contains("aurelis_requests_total               counter          9600       28800"))
        #expect(r.stdout.contains("aurelis_request_duration_seconds     histogram        1920        5760"))
    }

    @Test func misspeltMetricIsFoundWithTheCatalogue() throws {
        let dir = try CLI.temporaryDirectory()
        try "groups:\n  - name: g\n    rules:\n      - {alert: X, expr: 'rate(aurelis_request_total[5m]) > 1', for: 5m}\n".write(to: dir.appendingPathComponent("r.yaml"), atomically: true, encoding: .utf8)
        let r = try CLI.run(["lint", "--catalogue", CLI.packageRoot.appendingPathComponent("examples/aurelis/metrics.yaml").path, "r.yaml"], in: dir)
        #expect(r.status == 1)
        #expect(r.stdout.contains("error[catalogue/unknown-metric]"))
        #expect(r.stdout.contains("did you mean \"aurelis_requests_total\"?"))
    }
}

@Suite struct RenderCommandTests {
    static var stack: String { CLI.packageRoot.appendingPathComponent("examples/aurelis/vigil.yaml").path }

    @Test func rendersEveryEnvironmentLikeTheGoldenFiles() throws {
        let out = try CLI.temporaryDirectory()
        let r = try CLI.run(["render", Self.stack, "--all-envs", "--out", out.path])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        for env in ["production", "staging"] {
            let golden = CLI.packageRoot.appendingPathComponent("examples/aurelis/rendered/\(env)/prometheus/rules/aurelis.yml")
            let rendered = out.appendingPathComponent("\(env)/prometheus/rules/aurelis.yml")
            #expect(FileManager.default.contents(atPath: rendered.path) == FileManager.default.contents(atPath: golden.path))
        }
        let manifest = try String(contentsOf: out.appendingPathComponent("production/.vigil-rendered"), encoding: .utf8)
        #expect(manifest.contains("\nprometheus/prometheus.yml\n"))
    }

    @Test func checkReportsStaleOutputAndRenderRepairsItWithoutTouchingForeignFiles() throws {
        let out = try CLI.temporaryDirectory()
        #expect(try CLI.run(["render", Self.stack, "--env", "staging", "--out", out.path]).status == 0)
        #expect(try CLI.run(["render", Self.stack, "--env", "staging", "--out", out.path, "--check"]).status == 0)
        let config = out.appendingPathComponent("alertmanager/alertmanager.yml")
        try "edited: by hand\n".write(to: config, atomically: true, encoding: .utf8)
        let foreign = out.appendingPathComponent("notes.txt")
        try "mine\n".write(to: foreign, atomically: true, encoding: .utf8)
        let stale = try CLI.run(["render", Self.stack, "--env", "staging", "--out", out.path, "--check"])
        #expect(stale.status == 1)
        #expect(stale.stdout.contains("alertmanager/alertmanager.yml"))
        let again = try CLI.run(["render", Self.stack, "--env", "staging", "--out", out.path])
        #expect(again.status == 0)
        #expect(again.stdout.contains("1 updated"))
        #expect(FileManager.default.fileExists(atPath: foreign.path))
        #expect(try CLI.run(["render", Self.stack, "--env", "staging", "--out", out.path, "--check"]).status == 0)
    }

    @Test func invalidStackWritesNothing() throws {
        let dir = try CLI.temporaryDirectory()
        try "apiVersion: vigil/v1\nkind: Stack\nservice: {name: shop, image: shop:1, ports: {http: 8080}}\nalerts:\n  - {name: X, kind: gauge, metric: m, thresholds: {warning: one}}\n".write(to: dir.appendingPathComponent("vigil.yaml"), atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out")
        let r = try CLI.run(["render", "vigil.yaml", "--all-envs", "--out", out.path], in: dir)
        #expect(r.status == 1)
        #expect(r.stdout.contains("vigil.yaml:5:"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func unknownEnvironmentIsTrouble() throws {
        let r = try CLI.run(["render", Self.stack, "--env", "prod", "--out", try CLI.temporaryDirectory().path])
        #expect(r.status == 2)
        #expect(r.stdout.contains("environments: production, staging"))
    }
}

@Suite struct GuideCatalogueTests {
    /// The guide's metrics.py promises percentages where its alerts compare ratios.
    @Test func guideMetricsAsWrittenShowTheCacheHitRateUnitConfusion() throws {
        let r = try CLI.run(["lint", "--format", "json", "examples/guide-as-written/metrics.yaml", "examples/guide-as-written/alert-rules.yaml"], in: CLI.packageRoot)
        #expect(r.status == 1)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let diags = (json?["diagnostics"] as? [[String: Any]]) ?? []
        let unit = diags.filter { $0["rule"] as? String == "thresholds/unit-mismatch" }
        #expect(unit.count == 1)
        #expect(unit.first?["line"] as? Int == 100)
        #expect((unit.first?["message"] as? String)?.contains("Cache hit rate percentage") == true)
        #expect(!diags.contains { $0["rule"] as? String == "catalogue/unknown-metric" })
    }
}
