import Testing
import VigilCore
import VigilKubernetes
@testable import VigilElastic

/// The Filebeat, Kibana and index-template render models: what they render, read back through
/// the same loader and linter `vigil lint` uses.
@Suite struct RenderModelTests {
    static func root(_ text: String, path: String = "out.yaml") throws -> [Node] {
        YAMLLoader.load(text: text, path: path).documents.map(\.root)
    }

    @Test func filebeatRendersRBACBeforeTheDaemonSet() throws {
        let fb = FilebeatDaemonSet(namespace: "logging", fields: ["service": "aurelis"], logstashHost: "logstash:5044")
        let docs = try Self.root(RenderSupport.yaml(try fb.manifests()))
        #expect(docs.compactMap { $0["kind"]?.scalarText } == ["ServiceAccount", "ClusterRole", "ClusterRoleBinding", "ConfigMap", "DaemonSet"])
        let rules = docs[1]["rules"]?.sequence ?? []
        let granted = rules.flatMap { r in (r["resources"]?.sequence ?? []).compactMap(\.scalarText).map { ($0, r["apiGroups"]?.sequence?.first?.scalarText ?? "?") } }
        #expect(Set(granted.map(\.0)) == ["pods", "namespaces", "nodes", "replicasets"])
        #expect(granted.first { $0.0 == "replicasets" }?.1 == "apps")
        for r in rules { #expect(Set((r["verbs"]?.sequence ?? []).compactMap(\.scalarText)) == ["get", "watch", "list"]) }
        let subject = docs[2]["subjects"]?.sequence?.first
        #expect(subject?["name"]?.scalarText == docs[0]["metadata"]?["name"]?.scalarText)
        #expect(subject?["namespace"]?.scalarText == "logging")
        #expect(docs[2]["roleRef"]?["name"]?.scalarText == docs[1]["metadata"]?["name"]?.scalarText)
        #expect(docs[4]["spec"]?["template"]?["spec"]?["serviceAccountName"]?.scalarText == "filebeat")
        // Cluster-scoped objects carry no namespace.
        #expect(docs[1]["metadata"]?["namespace"] == nil)
    }

    @Test func filebeatConfigIsReadBackAsWritten() throws {
        let fb = FilebeatDaemonSet(fields: ["service": "aurelis", "environment": "production"], fieldsUnderRoot: false, logstashHost: "logstash.logging.svc:5044")
        let doc = try #require(try Self.root(fb.configText, path: "filebeat.yml").first)
        let input = try #require(doc["filebeat.inputs"]?.sequence?.first)
        #expect(input["paths"]?.sequence?.first?.scalarText == "/var/log/containers/*.log")
        #expect(input["fields"]?.mapping?.pairs.compactMap(\.key.scalarText) == ["environment", "service"])
        #expect(input["fields_under_root"]?.scalarText == "false")
        #expect(doc["processors"]?.sequence?.first?["add_kubernetes_metadata"]?["host"]?.scalarText == "${NODE_NAME}")
        #expect(doc["output.logstash"]?["hosts"]?.sequence?.first?.scalarText == "logstash.logging.svc:5044")
        #expect(fb.fieldReferences == ["[fields][environment]", "[fields][service]"])
    }

    static let pipeline = """
        input { beats { port => 5044 } }
        filter { if [fields][service] == "aurelis" { mutate { add_tag => ["aurelis"] } } }
        output { stdout {} }
        """

    /// The fields the pipeline tests must be where Filebeat puts them.
    @Test(arguments: [(false, 0), (true, 1)])
    func filebeatFieldsMeetThePipelineCondition(underRoot: Bool, expected: Int) async throws {
        let fb = FilebeatDaemonSet(fields: ["service": "aurelis"], fieldsUnderRoot: underRoot, logstashHost: "logstash:5044")
        let ls = LogstashDeployment(pipeline: try parse(Self.pipeline), memory: try Quantity("1Gi"), cpu: try Quantity("1"))
        let r = await lint(try RenderSupport.yaml(try fb.manifests() + ls.objects().map { try NodeEncoder().encode($0) }))
        #expect(findings(r, "logstash/condition-on-unset-field").count == expected, "\(r.diagnostics.map(\.message))")
        #expect(findings(r, "filebeat/logstash-port-mismatch").isEmpty)
    }

    @Test func filebeatWiredToLogstashUsesItsBeatsPort() async throws {
        let pipeline = try parse(Self.pipeline.replacingOccurrences(of: "5044", with: "5045"))
        let ls = LogstashDeployment(namespace: "logging", pipeline: pipeline, beatsPort: 5045, memory: try Quantity("1Gi"), cpu: try Quantity("1"))
        let same = FilebeatDaemonSet(namespace: "logging", fields: ["service": "aurelis"], logstash: ls)
        let other = FilebeatDaemonSet(namespace: "kube-system", fields: ["service": "aurelis"], logstash: ls)
        #expect(same.logstashHost == "logstash:5045")
        #expect(other.logstashHost == "logstash.logging:5045")
        var wrong = same
        wrong.logstashHost = "logstash:5044"
        let objects = ls.objects().map { try? NodeEncoder().encode($0) }.compactMap { $0 }
        let good = await lint(try RenderSupport.yaml(try same.manifests() + objects))
        let bad = await lint(try RenderSupport.yaml(try wrong.manifests() + objects))
        #expect(findings(good, "filebeat/logstash-port-mismatch").isEmpty)
        #expect(!findings(bad, "filebeat/logstash-port-mismatch").isEmpty)
    }

    @Test(arguments: [
        KibanaDeployment.Credentials.serviceAccountToken(secret: "kibana-token", key: "token"),
        .password(username: "kibana_system", secret: "kibana-credentials", key: "password"),
    ])
    func kibanaIsWiredToTheClusterWithSecretCredentials(credentials: KibanaDeployment.Credentials) async throws {
        let es = ElasticsearchCluster(namespace: "logging", clusterName: "logs", memory: try Quantity("4Gi"), cpu: try Quantity("1"), storage: try Quantity("10Gi"))
        let kb = KibanaDeployment(elasticsearch: es, credentials: credentials, certificateAuthoritySecret: "es-ca", memory: try Quantity("1Gi"))
        #expect(kb.namespace == "logging")
        #expect(kb.elasticsearchURL == "https://\(es.clientServiceName):9200")
        guard case .deployment(let d) = kb.objects()[0] else { Issue.record("no Deployment"); return }
        let env = d.spec.template.spec?.containers.first?.env ?? []
        let secretVars = env.filter { $0.valueFrom?.secretKeyRef != nil }
        #expect(secretVars.count == 1)
        #expect(env.allSatisfy { $0.name.hasSuffix("PASSWORD") || $0.name.hasSuffix("TOKEN") ? $0.value == nil : true })
        #expect(d.spec.template.spec?.volumes?.first?.secret?.secretName == "es-ca")
        let r = await lint(try RenderSupport.yaml(es.objects() + kb.objects()))
        #expect(findings(r, "elastic/missing-credentials").isEmpty)
        #expect(findings(r, "elastic/inline-credentials").isEmpty)
        #expect(findings(r, "k8s/service-selector-matches-nothing").isEmpty, "\(r.diagnostics.map(\.rule))")
    }

    @Test func kibanaInAnotherNamespaceNamesTheServiceWithItsNamespace() throws {
        let es = ElasticsearchCluster(namespace: "logging", clusterName: "logs", memory: try Quantity("4Gi"), cpu: try Quantity("1"),
                                      storage: try Quantity("10Gi"), security: .init(enabled: false))
        #expect(KibanaDeployment(namespace: "ui", elasticsearch: es, memory: try Quantity("1Gi")).elasticsearchURL == "http://elasticsearch.logging:9200")
    }

    @Test func indexTemplateRendersToJSONAndAConfigMap() throws {
        let t = IndexTemplate(name: "app-logs", indexPatterns: ["app-logs-*"], priority: 200, numberOfShards: 1, numberOfReplicas: 1,
                              extraSettings: [.init("refresh_interval", "5s")],
                              fields: [.init("@timestamp", type: "date"), .init("level", type: "keyword"), .init("message", type: "text")])
        let json = try t.json()
        let doc = try #require(try Self.root(json, path: "app-logs.json").first)
        #expect(doc["index_patterns"]?.sequence?.compactMap(\.scalarText) == ["app-logs-*"])
        #expect(doc["priority"]?.scalarText == "200")
        #expect(doc["template"]?["settings"]?["refresh_interval"]?.scalarText == "5s")
        #expect(doc["template"]?["mappings"]?["properties"]?.mapping?.pairs.compactMap(\.key.scalarText) == ["@timestamp", "level", "message"])
        #expect(doc["template"]?["mappings"]?["properties"]?["level"]?["type"]?.scalarText == "keyword")
        let cm = try t.configMap(name: "logstash-templates", namespace: "logging")
        #expect(cm.data?["app-logs.json"] == json)
        #expect(t.covers(Sprintf.sample("app-logs-%{+YYYY.MM.dd}")))
        #expect(!t.covers(Sprintf.sample("logs-app-%{+YYYY.MM.dd}")))
    }

    @Test func emptyPartsOfATemplateAreLeftOut() throws {
        let doc = try #require(try Self.root(IndexTemplate(name: "x", indexPatterns: ["x-*"]).json(), path: "x.json").first)
        #expect(doc.mapping?.pairs.compactMap(\.key.scalarText) == ["index_patterns"])
    }
}
