import Foundation
import Testing
import VigilCore
@testable import VigilPrometheus

/// The reference guide's Prometheus config and alert rules (ConfigMaps, copied verbatim into
/// `Fixtures/guide/`): Vigil finds their real defects at the right lines, which promtool misses.
@Suite struct GuideFixtureTests {
    static let rules = TestLinter.fixtures + "/guide/alert-rules.yaml"
    static let config = TestLinter.fixtures + "/guide/prometheus-config.yaml"

    static func lint(_ path: String) async -> LintResult { await TestLinter.make().lint(paths: [path]) }

    func find(_ r: LintResult, _ rule: String) -> [Diagnostic] { r.diagnostics.filter { $0.rule == rule } }

    @Test func errorRateAlertsAreSelfRatios() async throws {
        let r = await Self.lint(Self.rules)
        let found = find(r, "promql/self-ratio")
        // AurelisHighErrorRate and AurelisCriticalErrorRate: the division starts on the line after `(`.
        #expect(found.map { $0.range?.start.line } == [18, 34])
        #expect(found.allSatisfy { $0.range?.start.column == 13 && $0.severity == .error })
        #expect(found.first?.message.contains("status_code") ?? false)
        #expect(found.first?.hint?.contains("sum without (status_code)") ?? false)
        // The source line the caret points at is the numerator.
        let line = try String(contentsOfFile: Self.rules, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)[17]
        #expect(line.contains("rate(aurelis_requests_total{status_code!~\"2..\"}[5m])"))
    }

    @Test func cacheHitRateMixesRatioAndPercentage() async {
        let r = await Self.lint(Self.rules)
        let found = find(r, "alerts/percent-unit-mismatch")
        #expect(found.count == 1)
        #expect(found.first?.range?.start.line == 107)
        #expect(found.first?.message.contains("0.7") ?? false)
    }

    @Test func memoryAlertDividesByLimitsThatMayBeZero() async {
        let r = await Self.lint(Self.rules)
        let found = find(r, "promql/ratio-to-unset-limit")
        #expect(found.map { $0.range?.start.line } == [77])
    }

    @Test func rulesHaveNoOtherErrors() async {
        let r = await Self.lint(Self.rules)
        let errors = r.diagnostics.filter { $0.severity == .error && $0.rule != "promql/self-ratio" }
        #expect(errors.isEmpty, "\(errors)")
    }

    @Test func configScrapesTheApplicationThroughItsService() async {
        let r = await Self.lint(Self.config)
        let found = find(r, "prometheus/scrape-through-service")
        #expect(found.count == 1)
        #expect(found.first?.range?.start.line == 29)
        #expect(r.diagnostics.filter { $0.severity == .error }.isEmpty, "\(r.diagnostics)")
    }

    /// promtool accepts both embedded files: these defects are beyond it.
    @Test(.enabled(if: PromtoolParityTests.promtoolPath != nil, "promtool is not installed"))
    func promtoolMissesTheDefects() throws {
        for (path, key, command) in [(Self.rules, "aurelis-rules.yml", "rules"), (Self.config, "prometheus.yml", "config")] {
            let file = SourceFile(path: path, text: try String(contentsOfFile: path, encoding: .utf8))
            let doc = try #require(YAMLLoader.load(file).documents.first)
            let text = try #require(doc.root["data"]?[key]?.scalarText)
            let out = NSTemporaryDirectory() + "vigil-guide-\(ProcessInfo.processInfo.processIdentifier)-" + key
            try text.write(toFile: out, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: out) }
            let p = Process()
            p.executableURL = URL(fileURLWithPath: PromtoolParityTests.promtoolPath ?? "")
            p.arguments = command == "rules" ? ["check", "rules", out] : ["check", "config", "--syntax-only", out]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            // The config uses kubernetes_sd_configs, which Debian's promtool lacks: only rules are compared.
            if command == "rules" { #expect(p.terminationStatus == 0) }
        }
    }
}
