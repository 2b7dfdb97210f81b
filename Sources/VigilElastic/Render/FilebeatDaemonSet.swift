import VigilCore
import VigilKubernetes

/// Filebeat as a DaemonSet reading the nodes' container logs, adding Kubernetes metadata and the
/// custom `fields` the Logstash pipeline tests for, and shipping to Logstash.
///
/// `manifests()` gives, in apply order, the ServiceAccount, the ClusterRole that
/// `add_kubernetes_metadata` needs (get/watch/list on pods, namespaces, nodes and replicasets),
/// its ClusterRoleBinding, the ConfigMap with `filebeat.yml`, and the DaemonSet.
public struct FilebeatDaemonSet: Sendable {
    public var name: String
    public var namespace: String?
    public var version: String
    /// The input's `id` (Filebeat keeps its registry per id).
    public var inputID: String
    /// Log files to read; the default is every container's log on the node.
    public var paths: [String]
    /// Custom fields added to every event (`service: aurelis`), written sorted by name.
    public var fields: StringMap<String>
    /// Whether the fields go to the event root (`[service]`) instead of under `[fields]`.
    public var fieldsUnderRoot: Bool
    /// `host:port` of the Logstash beats Service.
    public var logstashHost: String
    /// Name of the ClusterRole and ClusterRoleBinding (cluster-scoped, so unique per cluster).
    public var clusterRoleName: String
    public var labels: StringMap<String>

    public init(name: String = "filebeat", namespace: String? = nil, version: String = "8.13.4", inputID: String = "containers",
                paths: [String] = ["/var/log/containers/*.log"], fields: StringMap<String>, fieldsUnderRoot: Bool = true,
                logstashHost: String, clusterRoleName: String? = nil, labels: StringMap<String>? = nil) {
        self.name = name
        self.namespace = namespace
        self.version = version
        self.inputID = inputID
        self.paths = paths
        self.fields = fields
        self.fieldsUnderRoot = fieldsUnderRoot
        self.logstashHost = logstashHost
        self.clusterRoleName = clusterRoleName ?? name
        self.labels = labels ?? ["app.kubernetes.io/name": "filebeat", "app.kubernetes.io/instance": name]
    }

    /// Wires Filebeat to a Logstash deployment's beats Service (`<name>:<beatsPort>`, with the
    /// namespace when Logstash runs in another one).
    public init(name: String = "filebeat", namespace: String? = nil, version: String = "8.13.4", fields: StringMap<String>,
                fieldsUnderRoot: Bool = true, logstash: LogstashDeployment) {
        let host = logstash.namespace == nil || logstash.namespace == namespace ? logstash.name : "\(logstash.name).\(logstash.namespace ?? "")"
        self.init(name: name, namespace: namespace, version: version, fields: fields, fieldsUnderRoot: fieldsUnderRoot,
                  logstashHost: "\(host):\(logstash.beatsPort)")
    }

    /// The field references a pipeline condition must use for the custom fields:
    /// `[service]` with `fieldsUnderRoot`, else `[fields][service]`.
    public var fieldReferences: [String] {
        fields.keys.sorted().map { fieldsUnderRoot ? "[\($0)]" : "[fields][\($0)]" }
    }

    /// `filebeat.yml` as a document: one `filestream` input with the container parser, the
    /// custom fields, `add_kubernetes_metadata` matching by log path, and `output.logstash`.
    public var configNode: Node {
        let input: Node = .mapping([
            ("type", .string("filestream")),
            ("id", .string(inputID)),
            ("paths", .sequence(paths.map { .string($0) })),
            ("parsers", .sequence([.mapping([("container", .mapping([]))])])),
            ("fields", .mapping(fields.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
            ("fields_under_root", .bool(fieldsUnderRoot)),
        ])
        let metadata: Node = .mapping([("add_kubernetes_metadata", .mapping([
            ("host", .string("${NODE_NAME}")),
            ("matchers", .sequence([.mapping([("logs_path", .mapping([("logs_path", .string("/var/log/containers/"))]))])])),
        ]))])
        return .mapping([
            ("filebeat.inputs", .sequence([input])),
            ("processors", .sequence([metadata])),
            ("output.logstash", .mapping([("hosts", .sequence([.string(logstashHost)]))])),
        ])
    }

    /// The `filebeat.yml` text.
    public var configText: String { (try? YAMLEmitter().emit(configNode)) ?? "" }

    /// What the Logstash checks need to know about this Filebeat.
    public var knowledge: LoggingKnowledge { LoggingKnowledge(filebeatFields: fields.keys, fieldsUnderRoot: fieldsUnderRoot) }

    /// The ClusterRole `add_kubernetes_metadata` needs to look pods, namespaces, nodes and
    /// (for the Deployment name) replicasets up.
    public var clusterRole: ClusterRole {
        let verbs = ["get", "watch", "list"]
        return ClusterRole(metadata: ObjectMeta(name: clusterRoleName, labels: labels), rules: [
            PolicyRule(apiGroups: [""], resources: ["pods", "namespaces", "nodes"], verbs: verbs),
            PolicyRule(apiGroups: ["apps"], resources: ["replicasets"], verbs: verbs),
        ])
    }

    /// Grants `clusterRole` to the DaemonSet's ServiceAccount.
    public var clusterRoleBinding: ClusterRoleBinding {
        ClusterRoleBinding(metadata: ObjectMeta(name: clusterRoleName, labels: labels), roleRef: RoleRef(name: clusterRoleName),
                           subjects: [Subject(serviceAccount: name, namespace: namespace)])
    }

    /// The namespaced objects: ServiceAccount, ConfigMap and DaemonSet.
    public func objects() -> [KubernetesObject] {
        let meta = ObjectMeta(name: name, namespace: namespace, labels: labels)
        let config = ConfigMap(metadata: ObjectMeta(name: "\(name)-config", namespace: namespace, labels: labels), data: ["filebeat.yml": configText])
        let container = Container(
            name: "filebeat", image: "docker.elastic.co/beats/filebeat:\(version)", args: ["-c", "/etc/filebeat/filebeat.yml", "-e"],
            env: [EnvVar(name: "NODE_NAME", valueFrom: RenderSupport.fieldRef("spec.nodeName"))],
            resources: ResourceRequirements(requests: ["memory": Quantity(100 << 20)], limits: ["memory": Quantity(200 << 20)]),
            volumeMounts: [VolumeMount(name: "config", mountPath: "/etc/filebeat", readOnly: true),
                           VolumeMount(name: "varlog", mountPath: "/var/log", readOnly: true),
                           VolumeMount(name: "data", mountPath: "/usr/share/filebeat/data")],
            securityContext: SecurityContext(runAsUser: 0))
        let pod = PodTemplateSpec(metadata: ObjectMeta(labels: labels),
                                  spec: PodSpec(containers: [container],
                                                volumes: [Volume(name: "config", configMap: ConfigMapVolumeSource(name: "\(name)-config")),
                                                          RenderSupport.hostPath("varlog", "/var/log"),
                                                          RenderSupport.hostPath("data", "/var/lib/filebeat-data", type: "DirectoryOrCreate")],
                                                serviceAccountName: name))
        return [.serviceAccount(ServiceAccount(metadata: meta)), .configMap(config),
                .daemonSet(DaemonSet(metadata: meta, spec: DaemonSetSpec(selector: LabelSelector(matchLabels: labels), template: pod)))]
    }

    /// Every object as a document, in apply order (RBAC before the DaemonSet that uses it).
    public func manifests() throws -> [Node] {
        let namespaced = try objects().map { try NodeEncoder().encode($0) }
        let encoder = NodeEncoder()
        return [namespaced[0], try encoder.encode(clusterRole), try encoder.encode(clusterRoleBinding)] + namespaced.dropFirst()
    }
}
