import VigilCore
import VigilKubernetes

/// An ECK `Elasticsearch` resource (`elasticsearch.k8s.elastic.co/v1`): the parts the heap,
/// master-count and `vm.max_map_count` checks read, with where each was written.
public struct ECKElasticsearch: Sendable {
    /// One `spec.nodeSets` entry.
    public struct NodeSet: Sendable {
        public var name: String
        public var count: Int
        /// `config`, flattened to dotted keys (`node.roles` as a comma-joined list).
        var config: [String: ElasticSetting]
        /// `ES_JAVA_OPTS` of the `elasticsearch` container, if set.
        public var javaOptions: String?
        /// The memory limit of the `elasticsearch` container, if set.
        public var memoryLimit: Quantity?
        /// Commands and arguments of the pod template's init containers.
        public var initCommands: [[String]]
        var range: SourceRange?
        var countRange: SourceRange?
        var javaOptionsRange: SourceRange?
        var memoryLimitRange: SourceRange?

        /// Whether the node set's nodes are master-eligible (`node.roles` unset or with
        /// `master`; `node.master: false` in 7.x style configs).
        public var masterEligible: Bool {
            if let roles = config["node.roles"] { return roles.value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.contains("master") }
            return config["node.master"]?.value.lowercased() != "false"
        }

        /// Whether memory-mapping is off (`node.store.allow_mmap: false`).
        public var mmapDisabled: Bool { config["node.store.allow_mmap"]?.value.lowercased() == "false" }

        /// Whether an init container raises `vm.max_map_count`.
        public var raisesMaxMapCount: Bool { initCommands.contains { $0.contains { $0.contains("vm.max_map_count") } } }
    }

    public var name: String
    public var version: String?
    public var nodeSets: [NodeSet]
    var range: SourceRange?

    /// ECK's memory limit for an `elasticsearch` container that sets none.
    public static let defaultMemoryLimit = Quantity(2 << 30)
}

/// An ECK Elasticsearch resource `vigil lint` decoded.
public struct ECKElasticsearchArtifact: Artifact {
    public let file: SourceFile
    public let resource: ECKElasticsearch
}

/// Recognises ECK `Elasticsearch` resources by `apiVersion: elasticsearch.k8s.elastic.co/…`.
public struct ECKElasticsearchKind: FileKind {
    public init() {}
    public var name: String { "eck-elasticsearch" }

    public func matches(_ document: Document) -> Bool {
        let root = document.root
        return root["kind"]?.scalarText == "Elasticsearch" && (root["apiVersion"]?.scalarText?.hasPrefix("elasticsearch.k8s.elastic.co/") ?? false)
    }

    public func decode(_ document: Document, embedded: EmbeddedDecoder) -> DecodeOutput {
        let root = document.root
        let spec = root["spec"]
        var sets: [ECKElasticsearch.NodeSet] = []
        for (i, n) in (spec?["nodeSets"]?.sequence ?? []).enumerated() {
            var config: [String: ElasticSetting] = [:]
            if let c = n["config"] { LintContext.flatten(c, prefix: "", file: document.file, into: &config, depth: 0) }
            let podSpec = n["podTemplate"]?["spec"]
            let containers = podSpec?["containers"]?.sequence ?? []
            let es = containers.first { $0["name"]?.scalarText == "elasticsearch" }
            let opts = es?["env"]?.sequence?.first { $0["name"]?.scalarText == "ES_JAVA_OPTS" }?["value"]
            let limit = es?["resources"]?["limits"]?["memory"]
            let inits = (podSpec?["initContainers"]?.sequence ?? []).map { c in
                FilebeatConfigKind.strings(c["command"]) + FilebeatConfigKind.strings(c["args"])
            }
            sets.append(ECKElasticsearch.NodeSet(
                name: n["name"]?.scalarText ?? "nodeSets[\(i)]", count: n["count"]?.scalarText.flatMap { Int($0) } ?? 1, config: config,
                javaOptions: opts?.scalarText, memoryLimit: limit?.scalarText.flatMap { try? Quantity($0) }, initCommands: inits,
                range: n.range, countRange: n["count"]?.range, javaOptionsRange: opts?.range, memoryLimitRange: limit?.range))
        }
        let resource = ECKElasticsearch(name: root["metadata"]?["name"]?.scalarText ?? "<unnamed>", version: spec?["version"]?.scalarText,
                                        nodeSets: sets, range: root.range)
        return DecodeOutput(artifacts: [ECKElasticsearchArtifact(file: document.file, resource: resource)])
    }
}

extension LintContext {
    /// The ECK Elasticsearch resources of the run.
    var eckClusters: [ECKElasticsearchArtifact] { all(ECKElasticsearchArtifact.self) }
}
