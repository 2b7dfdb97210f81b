import Testing
import VigilCore
@testable import VigilKubernetes

/// The benchmark generator (`make bench` lints 5 000 of its manifests) makes deterministic,
/// cross-referenced manifests that lint with no findings, so the benchmark times a clean run.
@Suite struct BenchTests {
    @Test func generatedManifestsLintWithoutFindings() async {
        let manifests = ManifestGenerator.mixed(count: 60)
        #expect(manifests.map(\.text) == ManifestGenerator.mixed(count: 60).map(\.text))
        let files = manifests.map { SourceFile(path: "bench/" + $0.name, text: $0.text) }
        let r = await kubernetesLinter.lint(files: files)
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics.prefix(5).map { "\($0.file) \($0.rule): \($0.message)" })")
        let objects = files.flatMap { kubernetesLinter.registry.decode(file: $0).artifacts }
        // Per group of ten files: 5 Deployments, a StatefulSet, a DaemonSet, 6 Services, a
        // ConfigMap, a ServiceMonitor, 5 PodDisruptionBudgets, a ServiceAccount and a Secret.
        let perGroup = 5 + 1 + 1 + 6 + 1 + 1 + 5 + 1 + 1
        #expect(objects.count == 6 * perGroup, "every document of every kind decodes")
    }

    @Test func fiveThousandManifestsAreAboutEighteenMegabytes() {
        let bytes = ManifestGenerator.mixed(count: 5000).reduce(0) { $0 + $1.text.utf8.count }
        #expect((15_000_000...22_000_000).contains(bytes), "\(bytes) bytes")
    }
}
