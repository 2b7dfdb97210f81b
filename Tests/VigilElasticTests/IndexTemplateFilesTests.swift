import Foundation
import Testing
import VigilCore
@testable import VigilElastic

/// `logstash/index-not-covered-by-template` with the template in another file of the run: a
/// standalone `_index_template` JSON body, or a ConfigMap key.
@Suite struct IndexTemplateFilesTests {
    static func pipeline(index: String, template: String = "template => \"/usr/share/logstash/templates/app-logs.json\"") -> String {
        """
        input { beats { port => 5044 } }
        output {
          elasticsearch {
            hosts => ["http://elasticsearch:9200"]
            index => "\(index)"
            \(template)
          }
        }
        """
    }

    static let template = """
        {
          "index_patterns": ["app-logs-*"],
          "priority": 200,
          "template": {"settings": {"number_of_shards": 1}, "mappings": {"properties": {"@timestamp": {"type": "date"}}}}
        }
        """

    /// Lints files written to a fresh directory, as `vigil lint DIR` would.
    static func lintFiles(_ files: [String: String]) async throws -> LintResult {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-elk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return await elasticLinter.lint(paths: files.keys.sorted().map { dir.appendingPathComponent($0).path })
    }

    @Test(arguments: [("app-logs-%{+YYYY.MM.dd}", 0), ("logs-app-%{+YYYY.MM.dd}", 1)])
    func standaloneTemplateFile(index: String, expected: Int) async throws {
        let r = try await Self.lintFiles(["logstash.conf": Self.pipeline(index: index), "app-logs.json": Self.template])
        let f = findings(r, "logstash/index-not-covered-by-template")
        #expect(f.count == expected, "\(r.diagnostics.map { "\($0.rule): \($0.message)" })")
        if let d = f.first {
            #expect(d.message.contains("template app-logs"))
            #expect(d.message.contains("app-logs.json:2"))
            #expect(d.file.hasSuffix("logstash.conf"))
            #expect(d.range?.start.line == 5)
        }
    }

    @Test func templateNameIsUsedWithoutATemplatePath() async throws {
        let r = try await Self.lintFiles(["logstash.conf": Self.pipeline(index: "logs-%{+YYYY.MM.dd}", template: "template_name => \"app-logs\""),
                                          "app-logs.json": Self.template])
        #expect(findings(r, "logstash/index-not-covered-by-template").count == 1)
    }

    @Test func aTemplateOfAnotherNameIsNotUsed() async throws {
        let r = try await Self.lintFiles(["logstash.conf": Self.pipeline(index: "logs-%{+YYYY.MM.dd}"), "other.json": Self.template])
        #expect(findings(r, "logstash/index-not-covered-by-template").isEmpty)
    }

    @Test func templateInAConfigMapKeyPointsIntoTheConfigMap() async throws {
        let cm = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: logstash-templates}
            data:
              app-logs.json: |
            \(Self.template.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
            """
        let r = try await Self.lintFiles(["logstash.conf": Self.pipeline(index: "logs-app-%{+YYYY.MM.dd}"), "templates.yaml": cm])
        let f = findings(r, "logstash/index-not-covered-by-template")
        #expect(f.count == 1)
        #expect(f.first?.message.contains("templates.yaml:7") == true, "\(f.map(\.message))")
        let ok = try await Self.lintFiles(["logstash.conf": Self.pipeline(index: "app-logs-%{+YYYY.MM.dd}"), "templates.yaml": cm])
        #expect(findings(ok, "logstash/index-not-covered-by-template").isEmpty)
    }

    @Test func theRenderedModelsAgree() async throws {
        let t = IndexTemplate(name: "app-logs", indexPatterns: ["app-logs-*"], priority: 200)
        let cm = try RenderSupport.yaml([.configMap(try t.configMap(name: "logstash-templates"))])
        let r = try await Self.lintFiles(["logstash.conf": Self.pipeline(index: "app-logs-%{+YYYY.MM.dd}"), "templates.yaml": cm])
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics.map { "\($0.rule): \($0.message)" })")
    }
}

extension IndexTemplateFilesTests {
    /// The same template as a file and as a ConfigMap key (as `vigil render` writes both) lists
    /// its patterns once.
    @Test func aTemplateFoundTwiceIsListedOnce() async throws {
        let cm = try RenderSupport.yaml([.configMap(try IndexTemplate(name: "app-logs", indexPatterns: ["app-logs-*"]).configMap(name: "t"))])
        let r = try await Self.lintFiles(["logstash.conf": Self.pipeline(index: "logs-%{+YYYY.MM.dd}"), "app-logs.json": Self.template, "t.yaml": cm])
        let f = findings(r, "logstash/index-not-covered-by-template")
        #expect(f.count == 1)
        #expect(f.first.map { $0.message.components(separatedBy: "`app-logs-*`").count - 1 } == 1, "\(f.map(\.message))")
    }
}
