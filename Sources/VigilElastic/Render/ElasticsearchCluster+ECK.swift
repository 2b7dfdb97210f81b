import VigilCore
import VigilKubernetes

extension ElasticsearchCluster {
    /// The same cluster as an ECK `Elasticsearch` resource (`elasticsearch.k8s.elastic.co/v1`),
    /// for clusters run by the Elastic operator instead of a self-managed StatefulSet.
    ///
    /// One node set `default` with `count` = `nodes`; the heap as `ES_JAVA_OPTS` and the memory
    /// limit on the `elasticsearch` container of the pod template; the data claim
    /// `elasticsearch-data` (the name ECK mounts); `vm.max_map_count` raised by a privileged init
    /// container, or `node.store.allow_mmap: false` when `raiseMaxMapCount` is off. ECK derives
    /// discovery, the Services, the PodDisruptionBudget, TLS and the `elastic` user itself, so
    /// `security` is not written (ECK keeps security on).
    public func eckResource() throws -> Node {
        var config: [(String, Node)] = []
        if !raiseMaxMapCount { config.append(("node.store.allow_mmap", .bool(false))) }
        let container = Container(
            name: "elasticsearch", image: nil,
            env: [EnvVar(name: "ES_JAVA_OPTS", value: "-Xms\(effectiveHeapMiB)m -Xmx\(effectiveHeapMiB)m")],
            resources: ResourceRequirements(requests: ["memory": memory, "cpu": cpu], limits: ["memory": memory]))
        let sysctl = Container(name: "sysctl", image: nil, command: ["sh", "-c", "sysctl -w vm.max_map_count=262144"], securityContext: RenderSupport.privileged)
        var podSpec: [(String, Node)] = []
        if raiseMaxMapCount { podSpec.append(("initContainers", .sequence([try NodeEncoder().encode(sysctl)]))) }
        podSpec.append(("containers", .sequence([try NodeEncoder().encode(container)])))
        var claimSpec: [(String, Node)] = [
            ("accessModes", .sequence([.string("ReadWriteOnce")])),
            ("resources", .mapping([("requests", .mapping([("storage", .string(storage.description))]))])),
        ]
        if let storageClassName { claimSpec.append(("storageClassName", .string(storageClassName))) }
        var nodeSet: [(String, Node)] = [("name", .string("default")), ("count", .int(nodes))]
        if !config.isEmpty { nodeSet.append(("config", .mapping(config))) }
        nodeSet.append(("podTemplate", .mapping([("spec", .mapping(podSpec))])))
        nodeSet.append(("volumeClaimTemplates", .sequence([.mapping([("metadata", .mapping([("name", .string("elasticsearch-data"))])), ("spec", .mapping(claimSpec))])])))
        return .mapping([
            ("apiVersion", .string("elasticsearch.k8s.elastic.co/v1")),
            ("kind", .string("Elasticsearch")),
            ("metadata", try NodeEncoder(sortsStringMaps: true).encode(ObjectMeta(name: name, namespace: namespace, labels: labels))),
            ("spec", .mapping([("version", .string(version)), ("nodeSets", .sequence([.mapping(nodeSet)]))])),
        ])
    }
}
