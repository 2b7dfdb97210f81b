import Foundation
import Testing
import VigilAlertmanager
import VigilCore

/// Alertmanager's own test configs are full of keys, passwords and webhook URLs: no report
/// format may print any of them.
@Suite struct SecretCorpusTests {
    @Test("No report of Alertmanager's testdata prints a secret value",
          .enabled(if: Support.hasCorpus, "corpus absent: run Tests/VigilAlertmanagerTests/fetch-corpus.sh"))
    func reportsHideEverySecret() async throws {
        var checked = 0
        for name in CorpusTests.files {
            let path = Support.corpus.appendingPathComponent(name).path
            let file = SourceFile(path: name, bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
            let secrets = YAMLLoader.load(file).documents.flatMap { AlertmanagerRedaction.secretScalars(in: $0.root) }
                .compactMap { $0.node.scalarText }.filter { $0.count >= 6 }
            guard !secrets.isEmpty else { continue }
            let result = await Support.linter.lint(files: [file])
            guard !result.diagnostics.isEmpty else { continue }
            let outputs = [TextReporter(color: false).render(result), JSONReporter().render(result),
                           SARIFReporter(rules: Support.linter.registry.allRules).render(result), GitHubReporter().render(result)]
            for secret in secrets {
                for output in outputs {
                    #expect(!output.contains(secret), "\(name): \(secret) printed in\n\(output)")
                }
            }
            checked += 1
        }
        // Enough files with secrets and findings to make the check mean something.
        #expect(checked >= 5)
    }
}
