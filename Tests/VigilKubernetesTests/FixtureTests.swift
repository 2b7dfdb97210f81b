import Foundation
import Testing
import VigilCore
@testable import VigilKubernetes

/// Files under `Fixtures/`, linted as the user would lint them.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    static func lint(_ names: [String], knowledge: [any Sendable] = []) async -> LintResult {
        let linter = Linter(registry: kubernetesLinter.registry, options: LintOptions(knowledge: knowledge))
        return await linter.lint(paths: names.map(path))
    }
}

/// What the guide's service knows about itself (`health.py`): `/ready` and `/health` call the
/// GitHub API and Redis; `startup-probe.sh` waits up to five minutes.
let aurelisKnowledge = ServiceHealthKnowledge(services: [
    .init(name: "aurelis", startupTime: .minutes(5), dependencyCheckingPaths: ["/ready", "/health"]),
])

@Suite struct GuideManifestTests {
    @Test func guideHealthChecksHaveTheirRealDefectsFound() async {
        let r = await Fixtures.lint(["guide-health-checks.yaml"], knowledge: [aurelisKnowledge])
        let ids = ruleIDs(r)
        // apps/v1 requires a selector, and the template has no labels to select.
        #expect(ids.contains("k8s/selector-mismatch"))
        // Liveness 30s and readiness 5s delays come on top of the startup probe.
        let delays = r.diagnostics.filter { $0.rule == "probe/initial-delay-with-startup" }
        #expect(delays.count == 2)
        #expect(delays.map { $0.range?.start.line } == [77, 88])
        // The startup probe polls /ready, which checks GitHub and Redis.
        let deps = r.diagnostics.filter { $0.rule == "probe/liveness-checks-dependencies" }
        #expect(deps.count == 1)
        #expect(deps.first?.message.contains("startupProbe") == true)
        // No resources at all.
        #expect(ids.contains("resources/missing-requests"))
        #expect(ids.contains("resources/missing-memory-limit"))
        // The shell scripts in the ConfigMap are not configs: nothing reported inside them.
        #expect(!r.diagnostics.contains { ($0.range?.start.line ?? 0) < 50 })
        // Its startup budget (10 + 30 × 10 = 310s) covers the declared five minutes.
        #expect(!ids.contains("probe/startup-budget-too-short"))
        #expect(r.count(.error) == 1)
    }

    @Test func startupBudgetIsCheckedAgainstTheDeclaredStartupTime() async {
        let slow = ServiceHealthKnowledge(services: [.init(name: "aurelis", startupTime: .minutes(6))])
        let r = await Fixtures.lint(["guide-health-checks.yaml"], knowledge: [slow])
        let d = r.diagnostics.filter { $0.rule == "probe/startup-budget-too-short" }
        #expect(d.count == 1)
        #expect(d.first?.message.contains("310s") == true)
        #expect(d.first?.hint == "raise failureThreshold to 35")
    }

    @Test func withoutKnowledgeTheKnowledgeChecksStaySilent() async {
        let r = await Fixtures.lint(["guide-health-checks.yaml"])
        #expect(!ruleIDs(r).contains("probe/liveness-checks-dependencies"))
        #expect(!ruleIDs(r).contains("probe/startup-budget-too-short"))
    }

    @Test func guideElasticsearchLacksItsHeadlessService() async {
        let r = await Fixtures.lint(["guide-elasticsearch.yaml"])
        #expect(r.count(.error) == 0)
        let d = r.diagnostics.filter { $0.rule == "statefulset/service-name-unknown" }
        #expect(d.count == 1)
        #expect(d.first?.message.contains("elasticsearch-0.elasticsearch") == true)
        #expect(d.first?.range?.start.line == 8)
        #expect(ruleIDs(r).contains("probe/missing-liveness"))
    }

    @Test func fixedAurelisIsClean() async {
        let r = await Fixtures.lint(["aurelis-fixed.yaml"], knowledge: [aurelisKnowledge])
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics.map { "\($0.rule): \($0.message)" })")
    }
}

@Suite struct RealWorldFixtureTests {
    static let files = ["node-exporter.yaml", "kube-state-metrics.yaml", "ingress-nginx.yaml", "redis.yaml",
                        "elasticsearch.yaml", "prometheus-operator-list.yaml"]

    /// Warnings that are true findings on these manifests (upstream node-exporter's
    /// kube-rbac-proxy serves the Service port without a readiness probe).
    static let expectedWarnings: [String: [String]] = ["node-exporter.yaml": ["probe/missing-readiness"]]

    @Test(arguments: files)
    func realisticManifestsLintWithoutErrors(file: String) async {
        let r = await Fixtures.lint(["realworld/" + file])
        let errors = r.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map { "\($0.file):\($0.range?.start.line ?? 0): \($0.rule): \($0.message)" })")
        let warnings = Array(Set(r.diagnostics.filter { $0.severity == .warning }.map(\.rule))).sorted()
        #expect(warnings == Self.expectedWarnings[file, default: []], "\(r.diagnostics.filter { $0.severity == .warning }.map(\.message))")
    }

    @Test func everyModelledObjectIsDecoded() async {
        let registry = kubernetesLinter.registry
        var kinds: [String] = []
        for file in Self.files {
            let text = (try? String(contentsOfFile: Fixtures.path("realworld/" + file), encoding: .utf8)) ?? ""
            let out = registry.decode(file: SourceFile(path: file, text: text))
            kinds += out.artifacts.compactMap { ($0 as? KubernetesArtifact)?.object.kind }
        }
        for kind in ["Deployment", "StatefulSet", "DaemonSet", "Service", "ServiceMonitor", "PodMonitor", "ConfigMap",
                     "Secret", "Namespace", "ServiceAccount", "PodDisruptionBudget"] {
            #expect(kinds.contains(kind), "\(kind) not decoded")
        }
        // The List's ServiceAccount, Deployment and Service; its ClusterRoleBinding is not modelled.
        #expect(kinds.count == 29)
    }

    @Test func theWholeCorpusTogetherIsConsistent() async {
        let r = await Fixtures.lint(Self.files.map { "realworld/" + $0 })
        #expect(r.count(.error) == 0, "\(r.diagnostics.map { "\($0.rule): \($0.message)" })")
        #expect(r.count(.warning) == Self.expectedWarnings.values.map(\.count).reduce(0, +))
    }
}

/// Manifests dropped into `.corpus/kubernetes/` at the package root (git-ignored; no Debian
/// package ships Kubernetes manifests, so nothing downloads them) are linted when present and
/// must give no errors.
@Suite struct LocalCorpusTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".corpus/kubernetes").path

    @Test(.enabled(if: FileManager.default.fileExists(atPath: root)))
    func corpusLintsWithoutErrors() async {
        let r = await kubernetesLinter.lint(paths: [Self.root])
        let errors = r.diagnostics.filter { $0.severity == .error }
        #expect(r.fileCount > 0)
        #expect(errors.isEmpty, "\(errors.prefix(20).map { "\($0.file):\($0.range?.start.line ?? 0): \($0.rule): \($0.message)" })")
    }
}
