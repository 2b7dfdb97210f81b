import Foundation
import Testing

@Suite struct InitCommandTests {
    @Test func starterLintsCleanAndIsNotOverwritten() throws {
        let dir = try CLI.temporaryDirectory().appendingPathComponent("shop")
        let first = try CLI.run(["init", dir.path])
        #expect(first.status == 0)
        let lint = try CLI.run(["lint", "--strict", dir.appendingPathComponent("vigil.yaml").path])
        #expect(lint.status == 0, "\(lint.stdout)")
        #expect(lint.stdout.hasSuffix("0 errors, 0 warnings, 2 infos in 1 file.\n"))
        let second = try CLI.run(["init", dir.path])
        #expect(second.status == 2)
        #expect(second.stderr.contains("already exists"))
    }

    @Test func unknownPresetIsAUsageError() throws {
        let r = try CLI.run(["init", "--preset", "http-servce", try CLI.temporaryDirectory().path])
        #expect(r.status == 64)
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
