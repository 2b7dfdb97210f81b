import Testing
import VigilCore
import VigilKubernetes
@testable import VigilElastic

/// The generation models render the guide's logging stack with its defects fixed: linted, the
/// rendered manifests produce no Elastic findings, and rendering is deterministic.
@Suite struct RenderTests {
    static func stack() throws -> [KubernetesObject] {
        let es = ElasticsearchCluster(namespace: "aurelis-monitoring", clusterName: "aurelis-logs", nodes: 3,
                                      memory: try Quantity("4Gi"), cpu: try Quantity("2"), storage: try Quantity("100Gi"))
        let pipeline = try LogstashParser().parse("""
            input { beats { port => 5044 } }
            filter {
              if [service] == "aurelis" {
                json { source => "message" }
                date { match => ["@timestamp", "ISO8601"] }
                if [level] == "ERROR" or [level] == "CRITICAL" { mutate { add_tag => ["error"] } }
              }
            }
            output {
              elasticsearch {
                hosts => ["\(es.url)"]
                user => "${ES_USER}"
                password => "${ES_PASSWORD}"
                ssl_certificate_authorities => ["/usr/share/logstash/certs/ca.crt"]
                index => "aurelis-logs-%{+YYYY.MM.dd}"
              }
            }
            """)
        let ls = LogstashDeployment(namespace: "aurelis-monitoring", pipeline: pipeline, memory: try Quantity("2Gi"), cpu: try Quantity("1"),
                                    credentialsSecret: "logstash-es-credentials")
        let kb = KibanaDeployment(namespace: "aurelis-monitoring", elasticsearchURL: es.url, memory: try Quantity("1Gi"))
        let fb = FilebeatDaemonSet(namespace: "aurelis-monitoring", fields: ["service": "aurelis"], logstashHost: "logstash:5044")
        return es.objects() + ls.objects() + kb.objects() + fb.objects()
    }

    @Test func renderedStackLintsClean() async throws {
        let yaml = try RenderSupport.yaml(try Self.stack())
        let knowledge = LoggingKnowledge(logFields: ["@timestamp", "level", "logger", "message", "correlation_id"])
        let r = await lint(yaml, path: "rendered.yaml", knowledge: [knowledge])
        let elastic = r.diagnostics.filter { ElasticLint.registry.rule(id: $0.rule) != nil || $0.rule.hasPrefix("yaml/") || $0.rule.hasPrefix("schema/") }
        #expect(elastic.isEmpty, "\(elastic.map { "\($0.rule)@\($0.range?.start.line ?? 0): \($0.message)" })\n\(yaml)")
        // The embedded pipeline and filebeat.yml were found and checked.
        #expect(yaml.contains("logstash.conf"))
        #expect(yaml.contains("publishNotReadyAddresses: true"))
    }

    @Test func discoveryIsDerivedFromTheStatefulSet() throws {
        let es = ElasticsearchCluster(name: "logs", clusterName: "c", nodes: 5, memory: try Quantity("8Gi"), cpu: try Quantity("2"), storage: try Quantity("10Gi"))
        guard case .statefulSet(let sts) = es.objects()[2] else { Issue.record("no StatefulSet"); return }
        let env = sts.spec.template.spec?.containers.first?.env ?? []
        #expect(env.first { $0.name == "discovery.seed_hosts" }?.value == "logs-0.logs-headless,logs-1.logs-headless,logs-2.logs-headless,logs-3.logs-headless,logs-4.logs-headless")
        #expect(env.first { $0.name == "cluster.initial_master_nodes" }?.value == "logs-0,logs-1,logs-2,logs-3,logs-4")
        #expect(env.first { $0.name == "ES_JAVA_OPTS" }?.value == "-Xms4096m -Xmx4096m")
        #expect(sts.spec.serviceName == "logs-headless")
    }

    @Test func brokenVariantsAreCaught() async throws {
        var es = ElasticsearchCluster(clusterName: "c", nodes: 2, heapMiB: 3072, memory: try Quantity("4Gi"), cpu: try Quantity("1"), storage: try Quantity("1Gi"))
        es.raiseMaxMapCount = true
        let r = await lint(try RenderSupport.yaml(es.objects()), path: "es.yaml")
        #expect(!findings(r, "elastic/heap-over-half-memory").isEmpty)
        #expect(!findings(r, "elastic/master-count").isEmpty)
    }

    @Test func renderingIsDeterministic() throws {
        #expect(try RenderSupport.yaml(try Self.stack()) == RenderSupport.yaml(try Self.stack()))
    }
}
