import Foundation
import Testing
import VigilAlertmanager
import VigilCore

/// Alertmanager's own configuration test data (`config/testdata/conf.*.yml`, fetched by
/// `fetch-corpus.sh`): Vigil's verdict must equal amtool's on every file.
@Suite struct CorpusTests {
    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: Support.corpus.path)) ?? [])
            .filter { $0.hasPrefix("conf.") && $0.hasSuffix(".yml") }.sorted()
    }

    @Test("Vigil and amtool check-config agree on Alertmanager's testdata",
          .enabled(if: Support.hasCorpus, "corpus absent: run Tests/VigilAlertmanagerTests/fetch-corpus.sh"),
          .enabled(if: Support.hasAmtool, "amtool not installed (Debian package prometheus-alertmanager)"))
    func verdictsAgree() async throws {
        let files = Self.files
        #expect(files.count >= 20)
        for name in files {
            let path = Support.corpus.appendingPathComponent(name).path
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let vigil = await AlertmanagerCheck.check(text: text, path: name)
            let amtool = try Support.amtool(["check-config", path])
            let shown = vigil.diagnostics.map { "\($0.range?.start.description ?? "-") \($0.rule): \($0.message)" }.joined(separator: "\n")
            #expect(vigil.hasErrors == (amtool.status != 0), "\(name): amtool exit \(amtool.status), Vigil:\n\(shown)")
        }
    }
}
