import VigilCore
import VigilKubernetes

/// Kibana wired to an Elasticsearch client Service, with its credentials (a service account
/// token, or the `kibana_system` user's password) and the cluster's CA from Secrets.
public struct KibanaDeployment: Sendable {
    /// How Kibana authenticates to Elasticsearch; the secret part always comes from a Secret.
    public enum Credentials: Sendable, Hashable {
        /// The `elastic/kibana` service account token (`ELASTICSEARCH_SERVICEACCOUNTTOKEN`).
        case serviceAccountToken(secret: String, key: String)
        /// A user (normally `kibana_system`) and its password (`ELASTICSEARCH_USERNAME`/`_PASSWORD`).
        case password(username: String, secret: String, key: String)
    }

    public var name: String
    public var namespace: String?
    public var version: String
    public var replicas: Int
    public var elasticsearchURL: String
    public var credentials: Credentials
    /// Secret with the CA certificate (`ca.crt`) Elasticsearch's HTTP certificate is signed by;
    /// mounted and passed as `ELASTICSEARCH_SSL_CERTIFICATEAUTHORITIES` when set.
    public var certificateAuthoritySecret: String?
    public var memory: Quantity
    public var cpu: Quantity?

    public init(name: String = "kibana", namespace: String? = nil, version: String = "8.13.4", replicas: Int = 1, elasticsearchURL: String,
                credentials: Credentials = .serviceAccountToken(secret: "kibana-service-token", key: "token"),
                certificateAuthoritySecret: String? = nil, memory: Quantity, cpu: Quantity? = nil) {
        self.name = name
        self.namespace = namespace
        self.version = version
        self.replicas = replicas
        self.elasticsearchURL = elasticsearchURL
        self.credentials = credentials
        self.certificateAuthoritySecret = certificateAuthoritySecret
        self.memory = memory
        self.cpu = cpu
    }

    /// Kibana for a cluster: its client Service URL (with the namespace when Kibana runs in
    /// another one), and the cluster's version unless given.
    public init(name: String = "kibana", namespace: String? = nil, version: String? = nil, elasticsearch es: ElasticsearchCluster,
                credentials: Credentials = .serviceAccountToken(secret: "kibana-service-token", key: "token"),
                certificateAuthoritySecret: String? = nil, memory: Quantity, cpu: Quantity? = nil) {
        let ns = namespace ?? es.namespace
        let host = es.namespace == nil || es.namespace == ns ? es.clientServiceName : "\(es.clientServiceName).\(es.namespace ?? "")"
        self.init(name: name, namespace: ns, version: version ?? es.version, elasticsearchURL: "\(es.security.enabled ? "https" : "http")://\(host):9200",
                  credentials: credentials, certificateAuthoritySecret: certificateAuthoritySecret, memory: memory, cpu: cpu)
    }

    var labels: StringMap<String> { ["app.kubernetes.io/name": "kibana", "app.kubernetes.io/instance": name] }
    static let certsPath = "/usr/share/kibana/config/certs"

    public func objects() -> [KubernetesObject] {
        let meta = ObjectMeta(name: name, namespace: namespace, labels: labels)
        var env = [EnvVar(name: "ELASTICSEARCH_HOSTS", value: elasticsearchURL)]
        switch credentials {
        case .serviceAccountToken(let secret, let key):
            env.append(EnvVar(name: "ELASTICSEARCH_SERVICEACCOUNTTOKEN", valueFrom: EnvVarSource(secretKeyRef: KeySelector(name: secret, key: key))))
        case .password(let username, let secret, let key):
            env.append(EnvVar(name: "ELASTICSEARCH_USERNAME", value: username))
            env.append(EnvVar(name: "ELASTICSEARCH_PASSWORD", valueFrom: EnvVarSource(secretKeyRef: KeySelector(name: secret, key: key))))
        }
        var mounts: [VolumeMount]?
        var volumes: [Volume]?
        if let ca = certificateAuthoritySecret {
            env.append(EnvVar(name: "ELASTICSEARCH_SSL_CERTIFICATEAUTHORITIES", value: "\(Self.certsPath)/ca.crt"))
            mounts = [VolumeMount(name: "certs", mountPath: Self.certsPath, readOnly: true)]
            volumes = [Volume(name: "certs", secret: SecretVolumeSource(secretName: ca))]
        }
        var requests: StringMap<Quantity> = ["memory": memory]
        if let cpu { requests["cpu"] = cpu }
        let container = Container(
            name: "kibana", image: "docker.elastic.co/kibana/kibana:\(version)",
            ports: [ContainerPort(name: "http", containerPort: 5601)],
            env: env,
            resources: ResourceRequirements(requests: requests, limits: ["memory": memory]),
            volumeMounts: mounts,
            readinessProbe: Probe(httpGet: HTTPGetAction(path: "/api/status", port: .string("http")), periodSeconds: 10))
        let pod = PodTemplateSpec(metadata: ObjectMeta(labels: labels), spec: PodSpec(containers: [container], volumes: volumes))
        return [.deployment(Deployment(metadata: meta, spec: DeploymentSpec(replicas: replicas, selector: LabelSelector(matchLabels: labels), template: pod))),
                .service(Service(metadata: meta, spec: ServiceSpec(selector: labels, ports: [ServicePort(name: "http", port: 5601, targetPort: .string("http"))])))]
    }
}
