import Foundation
import Testing
import VigilCore
@testable import VigilPrometheus

/// The benchmark generator makes valid, realistic, deterministic rule files.
@Suite struct GeneratorTests {
    @Test func generatedRulesAreValidAndClean() async throws {
        let text = RuleFileGenerator.alertingRules(count: 400)
        #expect(text == RuleFileGenerator.alertingRules(count: 400))
        let result = await TestLinter.lint(text)
        #expect(result.diagnostics.filter { $0.severity != .info }.isEmpty, "\(result.diagnostics.prefix(5))")
        let decoded = PrometheusLint.registry.decode(file: SourceFile(path: "gen.yaml", text: text))
        let rules = decoded.artifacts.compactMap { $0 as? RuleFile }.flatMap(\.rules)
        #expect(rules.count == 400)
        #expect(rules.allSatisfy { $0.rule.isAlert && $0.rule.parsed != nil && $0.rule.annotations.count == 3 })
    }

    @Test func tenThousandRulesAreAboutFiveMegabytes() {
        let text = RuleFileGenerator.alertingRules(count: 10_000)
        #expect((4_000_000...7_000_000).contains(text.utf8.count), "\(text.utf8.count) bytes")
    }

    @Test(.enabled(if: PromtoolParityTests.promtool != nil, "promtool is not installed"))
    func promtoolAcceptsGeneratedRules() throws {
        let path = NSTemporaryDirectory() + "vigil-generated-rules-\(ProcessInfo.processInfo.processIdentifier).yaml"
        try RuleFileGenerator.alertingRules(count: 200).write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: PromtoolParityTests.promtool ?? "")
        p.arguments = ["check", "rules", path]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
    }
}
