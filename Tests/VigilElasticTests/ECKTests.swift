import Testing
import VigilCore
import VigilKubernetes
@testable import VigilElastic

/// ECK `Elasticsearch` resources: rendered from the cluster model, and linted with the heap,
/// master-count and `vm.max_map_count` checks.
@Suite struct ECKTests {
    @Test func defectiveManifestGetsItsFindingsAtTheirLines() async throws {
        let r = await lint(try fixture("eck/elasticsearch.yaml"), path: "eck.yaml")
        let masters = findings(r, "elastic/master-count")
        #expect(masters.count == 1)
        #expect(masters.first?.range?.start.line == 14, "the masters' count")
        #expect(masters.first?.message.contains("2 master-eligible nodes") == true)
        let heap = findings(r, "elastic/heap-over-half-memory")
        #expect(heap.count == 1)
        #expect(heap.first?.range?.start.line == 38, "the data nodes' ES_JAVA_OPTS")
        #expect(heap.first?.message.contains("75 %") == true)
        let mmap = findings(r, "elastic/max-map-count")
        #expect(mmap.count == 1)
        #expect(mmap.first?.message.contains("node set data") == true)
        #expect(!r.diagnostics.contains { $0.severity == .error }, "\(r.diagnostics.map(\.rule))")
    }

    @Test func renderedResourceHasECKsShape() throws {
        let es = ElasticsearchCluster(name: "logs", namespace: "logging", clusterName: "logs", nodes: 3, memory: try Quantity("4Gi"), cpu: try Quantity("1"),
                                      storage: try Quantity("50Gi"), storageClassName: "standard")
        let text = try YAMLEmitter().emit(try es.eckResource())
        let root = try #require(YAMLLoader.load(text: text, path: "eck.yaml").documents.first?.root)
        #expect(root["apiVersion"]?.scalarText == "elasticsearch.k8s.elastic.co/v1")
        #expect(root["spec"]?["version"]?.scalarText == es.version)
        let set = try #require(root["spec"]?["nodeSets"]?.sequence?.first)
        #expect(set["count"]?.scalarText == "3")
        let container = set["podTemplate"]?["spec"]?["containers"]?.sequence?.first
        #expect(container?["name"]?.scalarText == "elasticsearch")
        #expect(container?["env"]?.sequence?.first?["value"]?.scalarText == "-Xms2048m -Xmx2048m")
        #expect(container?["resources"]?["limits"]?["memory"]?.scalarText == "4Gi")
        #expect(set["volumeClaimTemplates"]?.sequence?.first?["metadata"]?["name"]?.scalarText == "elasticsearch-data")
        #expect(set["volumeClaimTemplates"]?.sequence?.first?["spec"]?["storageClassName"]?.scalarText == "standard")
        #expect(set["podTemplate"]?["spec"]?["initContainers"]?.sequence?.first?["securityContext"]?["privileged"]?.scalarText == "true")
    }

    @Test(arguments: [true, false])
    func renderedResourceLintsClean(raiseMaxMapCount: Bool) async throws {
        let es = ElasticsearchCluster(clusterName: "logs", memory: try Quantity("4Gi"), cpu: try Quantity("1"), storage: try Quantity("50Gi"),
                                      raiseMaxMapCount: raiseMaxMapCount)
        let r = await lint(try YAMLEmitter().emit(try es.eckResource()), path: "eck.yaml")
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics.map { "\($0.rule): \($0.message)" })")
    }

    @Test func renderedBrokenVariantsAreCaught() async throws {
        let es = ElasticsearchCluster(clusterName: "logs", nodes: 4, heapMiB: 3072, memory: try Quantity("4Gi"), cpu: try Quantity("1"), storage: try Quantity("50Gi"))
        let r = await lint(try YAMLEmitter().emit(try es.eckResource()), path: "eck.yaml")
        #expect(findings(r, "elastic/master-count").count == 1)
        #expect(findings(r, "elastic/heap-over-half-memory").count == 1)
    }

    @Test func withoutALimitECKsDefaultIsWhatTheHeapIsMeasuredAgainst() async throws {
        let text = ExampleManifests.eck { $0.memoryLimit = nil; $0.heap = "-Xms1g -Xmx1g" }
        #expect(findings(await lint(text, path: "eck.yaml"), "elastic/heap-over-half-memory").isEmpty)
        let over = ExampleManifests.eck { $0.memoryLimit = nil; $0.heap = "-Xms1536m -Xmx1536m" }
        let f = findings(await lint(over, path: "eck.yaml"), "elastic/heap-over-half-memory")
        #expect(f.first?.message.contains("ECK's default memory limit") == true)
    }

    @Test func otherResourcesOfTheGroupAreNotTakenForElasticsearch() async throws {
        let kibana = """
            apiVersion: kibana.k8s.elastic.co/v1
            kind: Kibana
            metadata: {name: quickstart}
            spec: {version: 8.13.4, count: 2, elasticsearchRef: {name: quickstart}}
            """
        let r = await lint(kibana, path: "kibana.yaml")
        #expect(r.diagnostics.filter { $0.rule.hasPrefix("elastic/") }.isEmpty)
    }
}
