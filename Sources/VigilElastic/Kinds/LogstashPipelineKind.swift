import VigilCore

/// A Logstash pipeline `vigil lint` decoded: from a `.conf` file or a ConfigMap key.
public struct LogstashPipelineArtifact: Artifact {
    public let file: SourceFile
    /// The file name or ConfigMap key the pipeline came from.
    public let name: String
    public let pipeline: LogstashPipeline

    public init(file: SourceFile, name: String, pipeline: LogstashPipeline) {
        self.file = file
        self.name = name
        self.pipeline = pipeline
    }
}

/// Recognises Logstash pipeline files: a `.conf` path (or ConfigMap key) whose text starts,
/// after comments, with `input`, `filter` or `output` and a brace; or any `.conf` under a
/// `logstash`/`pipeline` path, so a pipeline with a typo in its first word is still reported.
public struct LogstashPipelineKind: TextFileKind {
    public init() {}
    public var name: String { "logstash-pipeline" }

    public func matches(path: String, file: SourceFile) -> Bool {
        let lower = path.lowercased()
        guard lower.hasSuffix(".conf") || lower.hasSuffix(".logstash") else { return false }
        if Self.looksLikePipeline(file.bytes) { return true }
        let components = lower.split(separator: "/").map(String.init)
        let base = components.last ?? lower
        return base.contains("logstash") || base.contains("pipeline")
            || components.dropLast().contains { ["pipeline", "pipelines", "conf.d"].contains($0) || $0.contains("logstash") }
    }

    /// Whether the first word after whitespace and comments is a section name followed by `{`.
    static func looksLikePipeline(_ b: [UInt8]) -> Bool {
        var i = 0
        func skip() {
            while i < b.count {
                if b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D { i += 1; continue }
                if b[i] == 0x23 { while i < b.count, b[i] != 0x0A { i += 1 }; continue }
                break
            }
        }
        skip()
        for word in ["input", "filter", "output"] {
            let u = Array(word.utf8)
            if i + u.count <= b.count, Array(b[i..<(i + u.count)]) == u {
                i += u.count
                skip()
                return i < b.count && b[i] == 0x7B
            }
        }
        return false
    }

    public func decode(_ file: SourceFile) -> DecodeOutput {
        Self.decode(file, name: file.path)
    }

    static func decode(_ file: SourceFile, name: String) -> DecodeOutput {
        let result = LogstashParser().parse(file)
        var out = DecodeOutput()
        for e in result.errors {
            var notes: [DiagnosticNote] = []
            if let n = e.note { notes.append(DiagnosticNote(n.message, range: n.range)) }
            out.diagnostics.append(Diagnostic(rule: LogstashSyntax.rule.id, severity: .error, message: e.message,
                                              in: file, range: e.range, hint: e.hint, notes: notes))
        }
        if let p = result.pipeline {
            out.artifacts.append(LogstashPipelineArtifact(file: file, name: name, pipeline: p))
            // Printed pipeline lines show `<redacted>` for inline passwords and keys.
            for (_, plugin) in p.plugins {
                for a in plugin.attributes where InlineCredentials.secretOptions.contains(a.name) {
                    guard let range = a.value.span.range, let text = a.value.text, !text.isEmpty, !text.contains("${") else { continue }
                    out.secrets.append(SecretSpan(file: file, range: range, text: text))
                }
            }
        }
        return out
    }
}

/// The rule syntax errors in pipelines are reported under.
public enum LogstashSyntax {
    public static let rule = RuleDescription(
        id: "logstash/syntax", severity: .error,
        summary: "The Logstash pipeline does not parse.",
        rationale: "Logstash refuses to start a pipeline with a syntax error (`Expected one of …`), and the error only shows in the Logstash log after deployment. Common causes: commas between hash entries (Logstash separates them with whitespace), JSON-style `:` instead of `=>`, unbalanced braces, unquoted values with dashes.",
        triggering: [
            RuleExample("""
                output {
                  elasticsearch {
                    hosts => ["http://elasticsearch:9200"]
                    index => "app-%{+YYYY.MM.dd}"
                  }
                """, path: "pipeline.conf"),
            RuleExample("""
                filter {
                  mutate { add_field => { "a" => "1", "b" => "2" } }
                }
                """, path: "pipeline.conf"),
        ],
        nonTriggering: [RuleExample("""
            filter {
              mutate { add_field => { "a" => "1" "b" => "2" } }
            }
            """, path: "pipeline.conf")])
}
