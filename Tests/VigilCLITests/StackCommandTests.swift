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
