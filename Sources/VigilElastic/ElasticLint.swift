import VigilCore

/// The Elastic part of the lint registry: Logstash pipelines (files and ConfigMap keys) and the
/// Elasticsearch, Logstash, Filebeat and Kibana checks.
public enum ElasticLint {
    public static let registry = LintRegistry(kinds: [FilebeatConfigKind(), ECKElasticsearchKind(), IndexTemplateKind()], textKinds: [LogstashPipelineKind()], rules: [LogstashSyntax.rule], checks: checks)

    static let checks: [any Check.Type] = [
        // Logstash pipelines
        UnknownPlugin.self, UnknownOption.self, DuplicateHashKey.self, TemplateNotAPath.self,
        IndexNotCoveredByTemplate.self, IndexNameNotLowercase.self, DataStreamConflict.self,
        ConditionOnUnsetField.self, DateFieldNotEmitted.self,
        // Elasticsearch nodes
        HeapMinMaxDiffer.self, HeapOverHalfMemory.self, HeapAboveCompressedOops.self, NoMemoryLimit.self,
        DiscoveryMismatch.self, DiscoveryServiceMissing.self, MasterCount.self, MaxMapCount.self,
        // Security
        TransportTLSWithoutCertificates.self, SecurityWithoutTransportTLS.self, InlineCredentials.self, MissingCredentials.self,
        // Wiring
        OutputHostUnknown.self, FilebeatLogstashPort.self,
    ]
}
