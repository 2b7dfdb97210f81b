import Foundation
import Testing
import VigilCore
import VigilPrometheus

/// `VIGIL_BENCH=10000 swift test -c release --filter BenchTests` times Vigil, the bare libyaml
/// parse and promtool on one generated rule file and prints the ratios.
@Suite struct BenchTests {
    static let count = Int(ProcessInfo.processInfo.environment["VIGIL_BENCH"] ?? "") ?? 0

    static func seconds(_ body: () async throws -> Void) async rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try await body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    @Test(.enabled(if: count > 0, "set VIGIL_BENCH=<rules> to run the benchmark"))
    func lintGeneratedRules() async throws {
        let text = RuleFileGenerator.alertingRules(count: Self.count)
        let path = NSTemporaryDirectory() + "vigil-bench-\(Self.count).yaml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let linter = Linter(registry: CoreRules.registry.merging(PrometheusLint.registry))
        var result: LintResult?
        let parse = await Self.seconds { _ = YAMLLoader.load(SourceFile(path: path, text: text)) }
        let lint = await Self.seconds { result = await linter.lint(paths: [path]) }
        var promtool = Double.nan
        if let exe = PromtoolParityTests.promtoolPath {
            promtool = try await Self.seconds {
                let p = Process()
                p.executableURL = URL(fileURLWithPath: exe)
                p.arguments = ["check", "rules", path]
                p.standardOutput = FileHandle.nullDevice
                p.standardError = FileHandle.nullDevice
                try p.run()
                p.waitUntilExit()
            }
        }
        print("bench: \(Self.count) rules, \(text.utf8.count) bytes: libyaml parse \(parse)s, vigil lint \(lint)s, promtool \(promtool)s; vigil/parse \(lint / parse), promtool/vigil \(promtool / lint); \(result?.diagnostics.count ?? -1) findings")
        #expect(result?.diagnostics.filter { $0.severity == .error }.isEmpty ?? false)
        // Phases: decode (load + models + PromQL + templates), then each check alone.
        let file = SourceFile(path: path, text: text)
        var decoded = DecodeOutput()
        let registry = CoreRules.registry.merging(PrometheusLint.registry)
        let decode = await Self.seconds { decoded = registry.decode(file: file) }
        let context = LintContext(artifacts: decoded.artifacts)
        var lines = ["decode \(decode)s"]
        for check in PrometheusLint.checks {
            let t = await Self.seconds {
                var report = CheckReport(rule: check.rule)
                check.init().run(context, &report)
            }
            lines.append("\(check.rule.id) \(t)s")
        }
        print("bench phases: " + lines.joined(separator: ", "))
    }
}
