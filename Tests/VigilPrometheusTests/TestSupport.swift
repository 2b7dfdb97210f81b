import Foundation
import VigilCore
@testable import VigilPrometheus

/// Linters and helpers shared by the tests.
enum TestLinter {
    /// Core rules, a test-only ConfigMap kind (the Kubernetes module's job in the product) and
    /// the Prometheus registry.
    static func make(settings: [String: String] = [:], knowledge: [any Sendable] = []) -> Linter {
        let configMaps = LintRegistry(kinds: [TestConfigMapKind()])
        return Linter(registry: CoreRules.registry.merging(configMaps).merging(PrometheusLint.registry),
                      options: LintOptions(settings: settings, knowledge: knowledge))
    }

    static func lint(_ text: String, path: String = "rules.yaml", settings: [String: String] = [:]) async -> LintResult {
        await make(settings: settings).lint(text: text, path: path)
    }

    /// The directory holding the test fixtures.
    static let fixtures: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path
    }()

    /// The package root (for `.corpus/`).
    static let packageRoot: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }()
}

/// A Kubernetes ConfigMap whose `data` values are decoded as embedded files, standing in for
/// the Kubernetes module in these tests.
struct TestConfigMapKind: FileKind {
    var name: String { "test-configmap" }

    func matches(_ document: Document) -> Bool {
        document.root["kind"]?.scalarText == "ConfigMap" && document.root["apiVersion"]?.scalarText == "v1"
    }

    func decode(_ document: Document, embedded: EmbeddedDecoder) -> DecodeOutput {
        var out = DecodeOutput()
        for pair in document.root["data"]?.mapping?.pairs ?? [] {
            out.append(embedded.decode(scalar: pair.value, of: document.file, name: pair.key.scalarText ?? ""))
        }
        return out
    }
}
