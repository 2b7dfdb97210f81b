import VigilCore

/// A plugin of a pipeline in a lint run, with the file it is in.
struct PluginSite {
    let artifact: LogstashPipelineArtifact
    let kind: PipelineSection.Kind
    let plugin: Plugin
    var file: SourceFile { artifact.file }
}

extension LintContext {
    /// Every Logstash pipeline of the run.
    var pipelines: [LogstashPipelineArtifact] { all(LogstashPipelineArtifact.self) }

    /// Every plugin of every pipeline of the run.
    var pipelinePlugins: [PluginSite] {
        pipelines.flatMap { a in a.pipeline.plugins.map { PluginSite(artifact: a, kind: $0.kind, plugin: $0.plugin) } }
    }

    /// The `elasticsearch` outputs of the run.
    var elasticsearchOutputs: [PluginSite] { pipelinePlugins.filter { $0.kind == .output && $0.plugin.name == "elasticsearch" } }

    /// What is known about the service's logs: the stack's knowledge, else what Filebeat
    /// configs in the run say (log fields stay unknown then).
    var logging: LoggingKnowledge? {
        let beats = all(FilebeatConfigArtifact.self)
        if var k = options.knowledge(LoggingKnowledge.self) {
            if k.filebeatFields.isEmpty, !beats.isEmpty {
                k.filebeatFields = beats.flatMap(\.config.fieldNames)
                k.fieldsUnderRoot = beats.contains { $0.config.fieldsUnderRoot }
            }
            return k
        }
        guard !beats.isEmpty else { return nil }
        return LoggingKnowledge(logFields: nil, filebeatFields: beats.flatMap(\.config.fieldNames),
                                fieldsUnderRoot: beats.contains { $0.config.fieldsUnderRoot })
    }
}

extension CheckReport {
    /// Reports at a span of a pipeline.
    mutating func add(_ message: String, in file: SourceFile, at span: Span, hint: String? = nil, severity: Severity? = nil) {
        add(message, in: file, at: span.range, hint: hint, severity: severity)
    }
}
