import VigilCore

/// Clients of a secured Elasticsearch that send no credentials.
public struct MissingCredentials: Check {
    static let pipeline = """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: logstash-pipeline}
        data:
          logstash.conf: |
            input { beats { port => 5044 } }
            output {
              elasticsearch {
                hosts => ["https://es:9200"]
        %@
              }
            }
        """

    public static let rule = RuleDescription(
        id: "elastic/missing-credentials", severity: .error,
        summary: "Elasticsearch has security enabled but Logstash's elasticsearch output or Kibana sends no credentials.",
        rationale: "With security on, every request without credentials is answered `401 Unauthorized` (`missing authentication credentials for REST request`): Logstash retries forever and its queue fills, Kibana never becomes ready. Give Logstash `user`/`password` (or `api_key`) from a Secret and Kibana `ELASTICSEARCH_SERVICEACCOUNTTOKEN` (or username and password).",
        triggering: [RuleExample(ExampleManifests.es() + "---\n" + pipeline.replacingOccurrences(of: "%@", with: "        index => \"app-%{+YYYY.MM.dd}\""))],
        nonTriggering: [RuleExample(ExampleManifests.es() + "---\n" + pipeline.replacingOccurrences(of: "%@", with: "        user => \"${ES_USER}\"\n        password => \"${ES_PASSWORD}\""))])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        let secured = context.elastic(.elasticsearch).filter(\.securityEnabled)
        guard let es = secured.first else { return }
        let why = es.setting("xpack.security.enabled") != nil ? "xpack.security.enabled is true on \(es.workload.displayName)" : "\(es.workload.displayName) runs Elasticsearch \(es.majorVersion ?? 8), where security is on by default"
        for site in context.elasticsearchOutputs {
            let p = site.plugin
            let hasCredentials = (p.attribute("user") != nil && p.attribute("password") != nil) || p.attribute("api_key") != nil || p.attribute("cloud_auth") != nil
            guard !hasCredentials else { continue }
            report.add("the elasticsearch output sends no credentials, but \(why)", in: site.file, at: p.nameSpan,
                       hint: "user => \"${ES_USER}\" and password => \"${ES_PASSWORD}\" (or api_key), set from a Secret")
        }
        for k in context.elastic(.kibana) {
            let names = Set((k.container.env ?? []).map(\.name))
            let has = names.contains("ELASTICSEARCH_SERVICEACCOUNTTOKEN") || (names.contains("ELASTICSEARCH_USERNAME") && names.contains("ELASTICSEARCH_PASSWORD"))
                || k.setting("elasticsearch.serviceAccountToken") != nil || k.setting("elasticsearch.username") != nil
            guard !has else { continue }
            report.add("\(k.workload.displayName) sends no credentials to Elasticsearch, but \(why)", at: k.container.origin, key: "env",
                       hint: "ELASTICSEARCH_SERVICEACCOUNTTOKEN from a Secret (elasticsearch-service-tokens create elastic/kibana kibana)")
        }
    }
}
