import Foundation
import Testing
import VigilAlertmanager
import VigilCore

/// Vigil's verdict on the fixture corpus (`Fixtures/check/good` and `bad`) and on every
/// parity rule's examples equals `amtool check-config`'s.
@Suite struct ParityFixtureTests {
    static func files(_ dir: String) -> [String] {
        let path = Support.fixtures.appendingPathComponent("check/\(dir)").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { $0.hasSuffix(".yml") }.sorted().map { "check/\(dir)/\($0)" }
    }

    static let good = files("good")
    static let bad = files("bad")

    static func verdict(_ fixture: String) async throws -> AlertmanagerCheck.Result {
        let path = Support.fixtures.appendingPathComponent(fixture).path
        return await AlertmanagerCheck.check(text: try String(contentsOfFile: path, encoding: .utf8), path: fixture)
    }

    @Test func corpusIsLargeEnough() {
        #expect(Self.good.count >= 10)
        #expect(Self.bad.count >= 80)
    }

    @Test(arguments: good)
    func goodConfigsHaveNoErrors(fixture: String) async throws {
        let r = try await Self.verdict(fixture)
        #expect(!r.hasErrors, "\(r.diagnostics.filter { $0.severity == .error }.map { "\($0.rule): \($0.message)" })")
    }

    @Test(arguments: bad)
    func badConfigsHaveErrorsWithPositions(fixture: String) async throws {
        let r = try await Self.verdict(fixture)
        let errors = r.diagnostics.filter { $0.severity == .error }
        #expect(!errors.isEmpty)
        // Every error points into the file, except the empty-file verdict.
        if !r.file.bytes.isEmpty && fixture != "check/bad/only-comments.yml" {
            #expect(errors.allSatisfy { $0.range != nil }, "\(errors.map(\.message))")
        }
    }

    @Test(.enabled(if: Support.hasAmtool, "amtool not installed (Debian package prometheus-alertmanager)"), arguments: good + bad)
    func verdictMatchesAmtool(fixture: String) async throws {
        let r = try await Self.verdict(fixture)
        let amtool = try Support.amtool(["check-config", Support.fixtures.appendingPathComponent(fixture).path])
        #expect(r.hasErrors == (amtool.status != 0), "amtool exit \(amtool.status); Vigil: \(r.diagnostics.map { "\($0.rule): \($0.message)" })")
    }

    @Test(.enabled(if: Support.hasAmtool, "amtool not installed (Debian package prometheus-alertmanager)"),
          arguments: AlertmanagerLint.parityChecks.map { $0.rule.id })
    func parityRuleExamplesMatchAmtool(id: String) async throws {
        let rule = try #require(AlertmanagerLint.registry.rule(id: id))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-am-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for (i, example) in (rule.triggering.map { ($0, true) } + rule.nonTriggering.map { ($0, false) }).enumerated() {
            let file = dir.appendingPathComponent("\(i).yml")
            try example.0.text.write(to: file, atomically: true, encoding: .utf8)
            let amtool = try Support.amtool(["check-config", file.path])
            #expect((amtool.status != 0) == example.1, "\(id) example \(i): amtool exit \(amtool.status)\n\(example.0.text)")
        }
    }

    /// All errors at once: a config with several problems reports each with its line.
    @Test func reportsEveryProblemAtOnce() async {
        let text = """
        route:
          receiver: team
          group_wait: soon
          routes:
            - receiver: nobody
              matchers: ['severity critical']
        receivers:
          - name: team
          - name: team
            email_configs:
              - from: am@corp.internal
        """
        let errors = await Support.errors(text)
        let lines = Set(errors.compactMap { $0.range?.start.line })
        #expect(errors.contains { $0.message.contains("not a valid duration string") && $0.range?.start.line == 3 })
        #expect(errors.contains { $0.rule == "alertmanager/undefined-receiver" && $0.range?.start.line == 5 })
        #expect(errors.contains { $0.message.contains("bad matcher format") && $0.range?.start.line == 6 })
        #expect(errors.contains { $0.rule == "alertmanager/duplicate-receiver" && $0.range?.start.line == 9 })
        #expect(errors.contains { $0.message == "missing to address in email config" })
        #expect(lines.count >= 5)
    }
}
