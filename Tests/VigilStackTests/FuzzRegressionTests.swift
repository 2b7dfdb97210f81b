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
}
