import Testing
import VigilCore
@testable import VigilKubernetes

/// A stand-in for another module's kind (Prometheus rules) to see ConfigMap values reach it.
struct RecordingRulesKind: FileKind {
    struct Rules: Artifact {
        let file: SourceFile
        let groups: Int
    }

    var name: String { "test-rules" }
    func matches(_ document: Document) -> Bool { document.root["groups"] != nil }
    func decode(_ document: Document, embedded: EmbeddedDecoder) -> DecodeOutput {
        var out = DecodeOutput(artifacts: [Rules(file: document.file, groups: document.root["groups"]?.sequence?.count ?? 0)])
        if let bad = document.root["groups"]?.sequence?.first(where: { $0["name"] == nil }) {
            out.diagnostics.append(Diagnostic(rule: "test/unnamed-group", severity: .error, message: "group without name",
                                              in: document.file, range: bad.range))
        }
        return out
    }
}

@Suite struct EmbeddedConfigTests {
    static let registry = CoreRules.registry.merging(KubernetesLint.registry).merging(LintRegistry(kinds: [RecordingRulesKind()]))

    static let configMap = """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: prometheus-rules}
        data:
          README.md: |
            groups: [this is markdown, not a config]
          alerts.yml: |
            groups:
              - name: api
                rules: []
              - rules: []
          broken.json: |
            {"groups": [1, 2,,]}
          nginx.conf: |
            server { listen 80; location / { return 200; } }
            include: [unbalanced
        """

    @Test func configValuesAreDecodedByEveryKindWithOuterPositions() async throws {
        let out = Self.registry.decode(file: SourceFile(path: "cm.yaml", text: Self.configMap))
        let rules = out.artifacts.compactMap { $0 as? RecordingRulesKind.Rules }
        #expect(rules.map(\.groups) == [2])
        let linter = Linter(registry: Self.registry)
        let r = await linter.lint(text: Self.configMap, path: "cm.yaml")
        let unnamed = try #require(r.diagnostics.first { $0.rule == "test/unnamed-group" })
        #expect(unnamed.file == "cm.yaml")
        #expect(unnamed.range?.start.line == 11)
        // A broken JSON config is a real finding, at its place in the ConfigMap.
        let syntax = r.diagnostics.filter { $0.rule == "yaml/syntax" }
        #expect(syntax.count == 1)
        #expect(syntax.first?.range?.start.line == 13)
        // README.md is not looked into; nginx.conf is not YAML and no kind claims it.
        #expect(r.diagnostics.allSatisfy { ($0.range?.start.line ?? 0) < 14 || $0.rule == "test/unnamed-group" })
    }
}
