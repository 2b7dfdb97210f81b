import Testing
import VigilCore
import VigilStack

/// Inputs the fuzzers (`make fuzz`) found, reduced; each was a bug.
@Suite("Fuzz regressions: stack files")
struct FuzzRegressionTests {
    /// fuzz-stack: an environment's shorthand (`replicas: 2`) is merged into the service as a
    /// mapping built in memory, and the merged service lost its position: the missing `ports`
    /// was reported at 0:0.
    @Test func findingsOnAnEnvironmentOverlayKeepTheirPosition() async throws {
        let text = """
            apiVersion: vigil/v1
            kind: Stack
            service:
              name: shop
              image: shop:1.0.0
            environments:
              production: {replicas: 2}

            """
        let result = await Linter(registry: VigilRegistry.all).lint(text: text, path: "vigil.yaml")
        let missing = result.diagnostics.filter { $0.rule == "schema/missing-field" && $0.message.contains("\"ports\"") }
        #expect(!missing.isEmpty, "\(result.diagnostics)")
        for d in result.diagnostics {
            #expect(d.range.map { $0.start.line >= 1 && $0.start.line <= 7 } ?? true, "\(d.rule) at \(String(describing: d.range)): \(d.message)")
        }
        #expect(missing.allSatisfy { $0.range?.start.line == 4 })
    }

    /// fuzz-stack: a section only a preset defines kept the preset file's positions, so a finding
    /// in it pointed at line 55 of a 10-line stack file. It now points at the `extends:` entry.
    @Test func findingsInPresetSectionsPointAtTheExtendsEntry() async throws {
        let text = """
            apiVersion: vigil/v1
            kind: Stack
            extends: [http-service]
            service:
              name: shop
              image: shop:1.0.0
              ports: {http: 8080, metrics: 9090}
            routing:
              receivers: [{name: team}]

            """
        let result = await Linter(registry: VigilRegistry.all).lint(text: text, path: "vigil.yaml")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
        for d in result.diagnostics where d.file == "vigil.yaml" {
            #expect(d.range.map { $0.start.line >= 1 && $0.start.line <= lines } ?? true, "\(d.rule) at \(String(describing: d.range)): \(d.message)")
        }
        let missing = result.diagnostics.filter { $0.message.contains("\"defaultReceiver\"") }
        #expect(!missing.isEmpty, "\(result.diagnostics.map(\.message))")
        #expect(missing.allSatisfy { [3, 9].contains($0.range?.start.line) }, "\(missing.map { String(describing: $0.range) })")
    }
}
