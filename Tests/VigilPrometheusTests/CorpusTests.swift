import Foundation
import Testing
import VigilCore
@testable import VigilPrometheus

/// Real-world rule sets (downloaded by `fetch-corpus.sh` into `.corpus/`) lint without errors.
@Suite struct CorpusTests {
    static let cephRules = TestLinter.packageRoot + "/.corpus/ceph/etc/prometheus/ceph/ceph_default_alerts.yml"
    static let hasCeph = FileManager.default.fileExists(atPath: cephRules)

    @Test(.enabled(if: hasCeph, "run Tests/VigilPrometheusTests/fetch-corpus.sh to download Debian's ceph-prometheus-alerts"))
    func cephAlertsLintWithoutErrors() async throws {
        let result = await TestLinter.make().lint(paths: [Self.cephRules])
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map { "\($0.file):\($0.range?.start.description ?? ""): \($0.rule): \($0.message)" }.joined(separator: "\n"))")
        // The file holds 58 rules (promtool: "SUCCESS: 58 rules found"); all of them decoded.
        let text = try String(contentsOfFile: Self.cephRules, encoding: .utf8)
        let decoded = PrometheusLint.registry.decode(file: SourceFile(path: Self.cephRules, text: text))
        let rules = decoded.artifacts.compactMap { $0 as? RuleFile }.flatMap(\.rules)
        #expect(rules.count == 58)
        #expect(rules.allSatisfy { $0.rule.parsed != nil })
    }

    /// `VIGIL_DUMP=path swift test --filter dump` prints what Vigil reports for a file.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["VIGIL_DUMP"] != nil))
    func dump() async {
        let path = ProcessInfo.processInfo.environment["VIGIL_DUMP"] ?? ""
        let result = await TestLinter.make().lint(paths: path.split(separator: ",").map(String.init))
        for d in result.diagnostics {
            print("\(d.file):\(d.range?.start.description ?? "-"): \(d.severity)[\(d.rule)]: \(d.message)\(d.hint.map { " (hint: \($0))" } ?? "")")
        }
        #expect(Bool(true))
    }
}
