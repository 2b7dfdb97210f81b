import Foundation
import Testing
import VigilCore
import VigilStack

/// The lint driver reads, decodes and checks files concurrently (and parses large rule files on
/// all cores); its report must equal the one-thread run, every time. `make test-asan` runs this
/// suite under ThreadSanitizer.
@Suite("Lint driver: concurrency")
struct ConcurrentLintTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// A rule file large enough for the parallel expression parser (512 rules or more).
    static func largeRuleFile() -> String {
        var text = "groups:\n- name: many\n  rules:\n"
        for i in 0..<700 {
            text += "  - alert: Alert\(i)\n    expr: sum by (job) (rate(http_requests_total{code=~\"5..\", i=\"\(i)\"}[5m])) > \(i)\n"
            text += "    labels: {severity: critical}\n    annotations: {summary: '{{ $labels.job }} at {{ $value }}'}\n"
        }
        return text
    }

    /// A multi-document stream long enough to be decoded by several tasks, with a defect
    /// (an unknown field, a credential, a bad label) every so often.
    static func longStream(documents: Int) -> String {
        (0..<documents).map { i in
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: app-\(i)
              labels: {app: app-\(i)\(i % 37 == 0 ? ", bad/label/key: x" : "")}
            spec:
              selector: {matchLabels: {app: app-\(i)}}
              template:
                metadata: {labels: {app: app-\(i)}}
                spec:
                  containers:
                    - name: app
                      image: example.org/app:1.\(i)
                      env:
                        - {name: DB_PASSWORD, value: "hunter\(i)"}
                      readinessProbe:
                        httpGet: {path: /ready, port: 8080}
                        \(i % 29 == 0 ? "initialDelaySecond: 5" : "periodSeconds: 10")

            """
        }.joined(separator: "---\n")
    }

    @Test func aLongStreamDecodesInTheOrderOfItsDocuments() async throws {
        let registry = VigilRegistry.all
        let file = SourceFile(path: "stream.yaml", text: Self.longStream(documents: 300))
        let sequential = registry.decode(file: file)
        let concurrent = await registry.decodeConcurrently(file: file)
        let show: (Diagnostic) -> String = { "\($0.range?.start.line ?? 0) \($0.rule) \($0.message)" }
        #expect(sequential.artifacts.count == 300)
        #expect(sequential.diagnostics.count >= 10, "the stream's defects are found")
        #expect(concurrent.diagnostics.map(show) == sequential.diagnostics.map(show))
        #expect(concurrent.artifacts.count == sequential.artifacts.count)
        #expect(concurrent.secrets.map(\.range.start.line) == sequential.secrets.map(\.range.start.line))
        #expect(concurrent.secrets.count == 300)
    }

    /// `vigil lint` keeps what it loaded until exit instead of freeing it; the report is the same.
    @Test func keepingLoadedDataUntilExitChangesNoFinding() async {
        let examples = Self.root.appendingPathComponent("examples/guide-as-written").path
        let freeing = Linter(registry: VigilRegistry.all)
        var keeping = freeing
        keeping.keepsLoadedDataUntilExit = true
        let expected = render(await freeing.lint(paths: [examples]))
        #expect(expected.count > 10)
        #expect(render(await keeping.lint(paths: [examples])) == expected)
    }

    /// A large file of few documents: Lists of Deployments (credentials in env values) and
    /// ConfigMaps holding an Alertmanager config (secrets the Alertmanager kind finds).
    static func fewLargeDocuments() -> String {
        var documents: [String] = []
        for d in 0..<30 {
            let items = longStream(documents: 20).components(separatedBy: "---\n").map { item in
                "  - " + item.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n    ")
            }
            documents.append("apiVersion: v1\nkind: List\nitems:\n" + items.joined(separator: "\n") + "\n")
            if d % 10 == 0 {
                documents.append("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: alertmanager-\(d)}
                data:
                  alertmanager.yml: |
                    route: {receiver: chat}
                    receivers:
                      - name: chat
                        slack_configs:
                          - api_url: https://hooks.slack.com/services/T00/B00/secret\(d)
                            channel: '#alerts'

                """)
            }
        }
        return documents.joined(separator: "---\n")
    }

    @Test func aLargeFileOfFewDocumentsGivesTheSequentialSecretsAndFindings() async {
        let registry = VigilRegistry.all
        let file = SourceFile(path: "large.yaml", text: Self.fewLargeDocuments())
        #expect(file.bytes.count >= 256 << 10)
        let sequential = registry.decode(file: file)
        let concurrent = await registry.decodeConcurrently(file: file)
        let show: (Diagnostic) -> String = { "\($0.range?.start.line ?? 0) \($0.rule) \($0.message)" }
        #expect(sequential.secrets.count > 600, "env credentials and Slack URLs are found")
        #expect(concurrent.secrets.map(\.range.start.line) == sequential.secrets.map(\.range.start.line))
        #expect(concurrent.diagnostics.map(show) == sequential.diagnostics.map(show))
        #expect(concurrent.artifacts.count == sequential.artifacts.count)
    }

    func render(_ r: LintResult) -> [String] {
        r.diagnostics.map { "\($0.file):\($0.range?.start.line ?? 0):\($0.range?.start.column ?? 0) \($0.rule) \($0.message)" }
    }

    @Test func concurrentRunEqualsTheSequentialRun() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-concurrent-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let examples = Self.root.appendingPathComponent("examples/guide-as-written")
        for name in try FileManager.default.contentsOfDirectory(atPath: examples.path) where name != "README.md" {
            try FileManager.default.copyItem(at: examples.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        try Self.largeRuleFile().write(to: dir.appendingPathComponent("many-rules.yaml"), atomically: true, encoding: .utf8)
        try Self.longStream(documents: 200).write(to: dir.appendingPathComponent("stream.yaml"), atomically: true, encoding: .utf8)
        try "a: [1, 2\n".write(to: dir.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)

        let linter = Linter(registry: VigilRegistry.all)
        let paths = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted().map { dir.appendingPathComponent($0).path }
        let files = try paths.map { SourceFile(path: $0, bytes: Array(try Data(contentsOf: URL(fileURLWithPath: $0)))) }
        let sequential = render(linter.lintSynchronously(files: files))
        #expect(sequential.contains { $0.contains("broken.yaml:2:1 yaml/syntax") })
        #expect(sequential.contains { $0.contains("alert-rules.yaml") })
        for _ in 0..<3 {
            let concurrent = await linter.lint(paths: [dir.path])
            #expect(render(concurrent) == sequential)
            #expect(concurrent.fileCount == files.count)
        }
    }
}
