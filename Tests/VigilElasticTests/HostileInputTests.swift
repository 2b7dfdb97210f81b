import Testing
import VigilCore
@testable import VigilElastic

/// Logstash pipelines with unbalanced braces, brackets and quotes get one syntax diagnostic
/// that says which delimiter is open (or extra) and where, through the whole lint run.
@Suite("Hostile input: Logstash pipelines")
struct HostileInputTests {
    @Test(arguments: [
        ("input { stdin {} }\nfilter {\n  mutate {\n    add_field => { \"a\" => \"b\" }\n", "`{` of plugin `mutate` opened at line 3"),
        ("filter {\n" + String(repeating: "  if [a] {\n", count: 50), "is never closed"),
        ("filter { mutate { add_tag => [\"a\", \"b\" } }\n", "expected"),
        ("filter { mutate { add_tag => \"unterminated } }\n", "unterminated string starting at line 1, column 30"),
        ("input { stdin {} } }\n", "unexpected `}`: there is no open block to close"),
        ("filter { mutate { add_field => " + String(repeating: "{ \"a\" => ", count: 100_000) + "\n", "nested deeper than 100 levels"),
    ])
    func unbalancedPipelineGetsOneSyntaxDiagnostic(text: String, message: String) async throws {
        let result = await lint(text, path: "pipeline.conf")
        let syntax = findings(result, "logstash/syntax")
        let d = try #require(syntax.first, "\(result.diagnostics)")
        #expect(d.message.contains(message), "\(d.message)")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(d.range.map { $0.start.line >= 1 && $0.start.line <= lines } == true)
    }

    @Test func unbalancedPipelineInsideAConfigMapPointsIntoTheManifest() async throws {
        let manifest = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: logstash-pipeline}
            data:
              logstash.conf: |
                input { beats { port => 5044 } }
                filter {
                  mutate { add_tag => ["x"] }

            """
        let result = await lint(manifest, path: "configmap.yaml")
        let d = try #require(findings(result, "logstash/syntax").first, "\(result.diagnostics)")
        #expect(d.message.contains("`{` of `filter` opened at line"))
        #expect(d.range.map { $0.start.line >= 7 } == true)
    }
}
