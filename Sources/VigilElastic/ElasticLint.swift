import VigilCore

/// The Elastic part of the lint registry: Logstash pipelines (files and ConfigMap keys) and the
/// Elasticsearch, Logstash, Filebeat and Kibana checks.
public enum ElasticLint {
    public static let registry = LintRegistry(textKinds: [LogstashPipelineKind()], rules: [LogstashSyntax.rule], checks: checks)

    static let checks: [any Check.Type] = [
    ]
}
