import VigilCore
import VigilKubernetes

/// A self-managed Elasticsearch cluster on Kubernetes, rendered as the objects it needs.
///
/// `objects()` gives a headless Service (`publishNotReadyAddresses`, transport port) for
/// discovery, a client Service (HTTP port), the StatefulSet with discovery settings derived
/// from its own name, replicas and serviceName, a PodDisruptionBudget, and a privileged init
/// container raising `vm.max_map_count` (or `node.store.allow_mmap: false` when
/// `raiseMaxMapCount` is off, for clusters whose nodes are prepared otherwise).
public struct ElasticsearchCluster: Sendable {
    public var name: String
    public var namespace: String?
    public var clusterName: String
    public var version: String
    public var nodes: Int
    /// Heap size in MiB; defaults to half the memory limit.
    public var heapMiB: Int?
    public var memory: Quantity
    public var cpu: Quantity
    public var storage: Quantity
    public var storageClassName: String?
    public var security: Security
    public var raiseMaxMapCount: Bool

    /// Security settings: on by default, with transport certificates and the `elastic`
    /// password from Secrets.
    public struct Security: Sendable {
        public var enabled: Bool
        /// Secret holding `transport.p12` (a PKCS#12 keystore with the node certificate and CA).
        public var transportCertificatesSecret: String
        /// Secret and key holding the `elastic` user's password.
        public var passwordSecret: String
        public var passwordKey: String

        public init(enabled: Bool = true, transportCertificatesSecret: String = "elasticsearch-transport-certs",
                    passwordSecret: String = "elasticsearch-credentials", passwordKey: String = "elastic-password") {
            self.enabled = enabled
            self.transportCertificatesSecret = transportCertificatesSecret
            self.passwordSecret = passwordSecret
            self.passwordKey = passwordKey
        }
    }

    public init(name: String = "elasticsearch", namespace: String? = nil, clusterName: String, version: String = "8.13.4", nodes: Int = 3,
                heapMiB: Int? = nil, memory: Quantity, cpu: Quantity, storage: Quantity, storageClassName: String? = nil,
                security: Security = Security(), raiseMaxMapCount: Bool = true) {
        self.name = name
        self.namespace = namespace
        self.clusterName = clusterName
        self.version = version
        self.nodes = nodes
        self.heapMiB = heapMiB
        self.memory = memory
        self.cpu = cpu
        self.storage = storage
        self.storageClassName = storageClassName
        self.security = security
        self.raiseMaxMapCount = raiseMaxMapCount
    }

    /// The headless Service's name (the StatefulSet's serviceName).
    public var headlessServiceName: String { "\(name)-headless" }
    /// The client Service other components connect to on port 9200.
    public var clientServiceName: String { name }
    /// `http(s)://<client service>:9200`.
    public var url: String { "\(security.enabled ? "https" : "http")://\(clientServiceName):9200" }

    /// The heap in MiB actually used.
    public var effectiveHeapMiB: Int { heapMiB ?? Int(memory.bytes / 2 / 1_048_576) }

    var labels: StringMap<String> { ["app.kubernetes.io/name": "elasticsearch", "app.kubernetes.io/instance": name] }
    var meta: (String) -> ObjectMeta { { ObjectMeta(name: $0, namespace: namespace, labels: labels) } }

    /// The pod names, `<name>-0 … <name>-(n-1)`.
    public var podNames: [String] { (0..<nodes).map { "\(name)-\($0)" } }

    public func objects() -> [KubernetesObject] {
        var env: [EnvVar] = [
            EnvVar(name: "cluster.name", value: clusterName),
            EnvVar(name: "node.name", valueFrom: RenderSupport.fieldRef("metadata.name")),
            EnvVar(name: "discovery.seed_hosts", value: podNames.map { "\($0).\(headlessServiceName)" }.joined(separator: ",")),
            EnvVar(name: "cluster.initial_master_nodes", value: podNames.joined(separator: ",")),
            EnvVar(name: "ES_JAVA_OPTS", value: "-Xms\(effectiveHeapMiB)m -Xmx\(effectiveHeapMiB)m"),
            EnvVar(name: "xpack.security.enabled", value: security.enabled ? "true" : "false"),
        ]
        var mounts = [VolumeMount(name: "data", mountPath: "/usr/share/elasticsearch/data")]
        var volumes: [Volume] = []
        if security.enabled {
            env += [
                EnvVar(name: "xpack.security.transport.ssl.enabled", value: "true"),
                EnvVar(name: "xpack.security.transport.ssl.verification_mode", value: "certificate"),
                EnvVar(name: "xpack.security.transport.ssl.keystore.path", value: "certs/transport.p12"),
                EnvVar(name: "xpack.security.transport.ssl.truststore.path", value: "certs/transport.p12"),
                EnvVar(name: "ELASTIC_PASSWORD", valueFrom: EnvVarSource(secretKeyRef: KeySelector(name: security.passwordSecret, key: security.passwordKey))),
            ]
            mounts.append(VolumeMount(name: "transport-certs", mountPath: "/usr/share/elasticsearch/config/certs", readOnly: true))
            volumes.append(Volume(name: "transport-certs", secret: SecretVolumeSource(secretName: security.transportCertificatesSecret)))
        }
        if !raiseMaxMapCount { env.append(EnvVar(name: "node.store.allow_mmap", value: "false")) }
        let container = Container(
            name: "elasticsearch", image: "docker.elastic.co/elasticsearch/elasticsearch:\(version)",
            ports: [ContainerPort(name: "http", containerPort: 9200), ContainerPort(name: "transport", containerPort: 9300)],
            env: env,
            resources: ResourceRequirements(requests: ["memory": memory, "cpu": cpu], limits: ["memory": memory]),
            volumeMounts: mounts,
            readinessProbe: Probe(tcpSocket: TCPSocketAction(port: .string("http")), initialDelaySeconds: nil, periodSeconds: 10))
        let initContainers = raiseMaxMapCount ? [Container(name: "sysctl", image: "busybox:1.36", command: ["sysctl", "-w", "vm.max_map_count=262144"],
                                                           securityContext: RenderSupport.privileged)] : nil
        let selector = LabelSelector(matchLabels: labels)
        let pod = PodTemplateSpec(metadata: ObjectMeta(labels: labels),
                                  spec: PodSpec(containers: [container], initContainers: initContainers, volumes: volumes.isEmpty ? nil : volumes,
                                                terminationGracePeriodSeconds: 120))
        let claim = PersistentVolumeClaim(metadata: ObjectMeta(name: "data"),
                                          spec: PersistentVolumeClaimSpec(accessModes: ["ReadWriteOnce"], storage: storage, storageClassName: storageClassName))
        var headlessSpec = ServiceSpec(selector: labels, ports: [ServicePort(name: "transport", port: 9300, targetPort: .string("transport"))], clusterIP: "None")
        headlessSpec.publishNotReadyAddresses = true
        let client = ServiceSpec(selector: labels, ports: [ServicePort(name: "http", port: 9200, targetPort: .string("http"))])
        let sts = StatefulSet(metadata: meta(name), spec: StatefulSetSpec(replicas: nodes, selector: selector, template: pod, serviceName: headlessServiceName,
                                                                          volumeClaimTemplates: [claim], podManagementPolicy: .parallel))
        let pdb = PodDisruptionBudget(metadata: meta(name), spec: PodDisruptionBudgetSpec(maxUnavailable: .int(1), selector: selector))
        return [.service(Service(metadata: meta(headlessServiceName), spec: headlessSpec)),
                .service(Service(metadata: meta(clientServiceName), spec: client)),
                .statefulSet(sts), .podDisruptionBudget(pdb)]
    }
}

enum RenderSupport {
    static func fieldRef(_ path: String) -> EnvVarSource {
        var s = EnvVarSource()
        s.fieldRef = KeptNode(Node(.mapping(Mapping([Pair(key: Node(.scalar(Scalar("fieldPath"))), value: Node(.scalar(Scalar(path))))]))))
        return s
    }

    /// A `hostPath` volume (optionally with its `type`, e.g. `DirectoryOrCreate`).
    static func hostPath(_ name: String, _ path: String, type: String? = nil) -> Volume {
        var pairs = [Pair(key: Node(.scalar(Scalar("path"))), value: Node(.scalar(Scalar(path))))]
        if let type { pairs.append(Pair(key: Node(.scalar(Scalar("type"))), value: Node(.scalar(Scalar(type))))) }
        var v = Volume(name: name)
        v.hostPath = KeptNode(Node(.mapping(Mapping(pairs))))
        return v
    }

    static var privileged: SecurityContext {
        var s = SecurityContext(runAsUser: 0)
        s.privileged = true
        return s
    }

    /// Objects as a YAML stream, `---` between documents.
    static func yaml(_ objects: [KubernetesObject]) throws -> String {
        try yaml(objects.map { try NodeEncoder().encode($0) })
    }

    static func yaml(_ documents: [Node]) throws -> String {
        try YAMLEmitter().emit(documents: documents)
    }
}
