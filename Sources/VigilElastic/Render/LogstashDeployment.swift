import VigilCore
import VigilKubernetes

/// Logstash on Kubernetes: a ConfigMap with `pipelines.yml` and the pipeline (printed
/// canonically from its typed model), a Deployment and a Service for the beats port.
public struct LogstashDeployment: Sendable {
    public var name: String
    public var namespace: String?
    public var version: String
    public var replicas: Int
    public var pipeline: LogstashPipeline
    public var beatsPort: Int
    public var heapMiB: Int
    public var memory: Quantity
    public var cpu: Quantity
    /// Secret with `username` and `password` for the elasticsearch output, passed as
    /// `ES_USER`/`ES_PASSWORD` (use `${ES_USER}` and `${ES_PASSWORD}` in the pipeline).
    public var credentialsSecret: String?

    public init(name: String = "logstash", namespace: String? = nil, version: String = "8.13.4", replicas: Int = 2,
                pipeline: LogstashPipeline, beatsPort: Int = 5044, heapMiB: Int = 1024, memory: Quantity, cpu: Quantity,
                credentialsSecret: String? = nil) {
        self.name = name
        self.namespace = namespace
        self.version = version
        self.replicas = replicas
        self.pipeline = pipeline
        self.beatsPort = beatsPort
        self.heapMiB = heapMiB
        self.memory = memory
        self.cpu = cpu
        self.credentialsSecret = credentialsSecret
    }

    var labels: StringMap<String> { ["app.kubernetes.io/name": "logstash", "app.kubernetes.io/instance": name] }

    public func objects() -> [KubernetesObject] {
        let meta = ObjectMeta(name: name, namespace: namespace, labels: labels)
        let config = ConfigMap(metadata: ObjectMeta(name: "\(name)-pipeline", namespace: namespace, labels: labels), data: [
            "pipelines.yml": "- pipeline.id: main\n  path.config: /usr/share/logstash/pipeline/logstash.conf\n",
            "logstash.conf": LogstashPrinter().print(pipeline),
        ])
        var env = [EnvVar(name: "LS_JAVA_OPTS", value: "-Xms\(heapMiB)m -Xmx\(heapMiB)m")]
        if let s = credentialsSecret {
            env.append(EnvVar(name: "ES_USER", valueFrom: EnvVarSource(secretKeyRef: KeySelector(name: s, key: "username"))))
            env.append(EnvVar(name: "ES_PASSWORD", valueFrom: EnvVarSource(secretKeyRef: KeySelector(name: s, key: "password"))))
        }
        let container = Container(
            name: "logstash", image: "docker.elastic.co/logstash/logstash:\(version)",
            ports: [ContainerPort(name: "beats", containerPort: beatsPort), ContainerPort(name: "monitoring", containerPort: 9600)],
            env: env, resources: ResourceRequirements(requests: ["memory": memory, "cpu": cpu], limits: ["memory": memory]),
            volumeMounts: [VolumeMount(name: "pipeline", mountPath: "/usr/share/logstash/pipeline/logstash.conf", readOnly: true, subPath: "logstash.conf"),
                           VolumeMount(name: "pipeline", mountPath: "/usr/share/logstash/config/pipelines.yml", readOnly: true, subPath: "pipelines.yml")],
            livenessProbe: Probe(httpGet: HTTPGetAction(path: "/", port: .string("monitoring")), initialDelaySeconds: 60, periodSeconds: 20, failureThreshold: 3),
            readinessProbe: Probe(tcpSocket: TCPSocketAction(port: .string("beats")), periodSeconds: 10))
        let pod = PodTemplateSpec(metadata: ObjectMeta(labels: labels),
                                  spec: PodSpec(containers: [container], volumes: [Volume(name: "pipeline", configMap: ConfigMapVolumeSource(name: "\(name)-pipeline"))]))
        let deployment = Deployment(metadata: meta, spec: DeploymentSpec(replicas: replicas, selector: LabelSelector(matchLabels: labels), template: pod))
        let service = Service(metadata: meta, spec: ServiceSpec(selector: labels, ports: [ServicePort(name: "beats", port: beatsPort, targetPort: .string("beats"))]))
        return [.configMap(config), .deployment(deployment), .service(service)]
    }
}

/// Kibana wired to Elasticsearch with a service account token from a Secret.
public struct KibanaDeployment: Sendable {
    public var name: String
    public var namespace: String?
    public var version: String
    public var elasticsearchURL: String
    /// Secret and key holding the `elastic/kibana` service account token.
    public var tokenSecret: String
    public var tokenKey: String
    public var memory: Quantity

    public init(name: String = "kibana", namespace: String? = nil, version: String = "8.13.4", elasticsearchURL: String,
                tokenSecret: String = "kibana-service-token", tokenKey: String = "token", memory: Quantity) {
        self.name = name
        self.namespace = namespace
        self.version = version
        self.elasticsearchURL = elasticsearchURL
        self.tokenSecret = tokenSecret
        self.tokenKey = tokenKey
        self.memory = memory
    }

    var labels: StringMap<String> { ["app.kubernetes.io/name": "kibana", "app.kubernetes.io/instance": name] }

    public func objects() -> [KubernetesObject] {
        let meta = ObjectMeta(name: name, namespace: namespace, labels: labels)
        let container = Container(
            name: "kibana", image: "docker.elastic.co/kibana/kibana:\(version)",
            ports: [ContainerPort(name: "http", containerPort: 5601)],
            env: [EnvVar(name: "ELASTICSEARCH_HOSTS", value: elasticsearchURL),
                  EnvVar(name: "ELASTICSEARCH_SERVICEACCOUNTTOKEN", valueFrom: EnvVarSource(secretKeyRef: KeySelector(name: tokenSecret, key: tokenKey)))],
            resources: ResourceRequirements(requests: ["memory": memory], limits: ["memory": memory]),
            readinessProbe: Probe(httpGet: HTTPGetAction(path: "/api/status", port: .string("http")), periodSeconds: 10))
        let pod = PodTemplateSpec(metadata: ObjectMeta(labels: labels), spec: PodSpec(containers: [container]))
        return [.deployment(Deployment(metadata: meta, spec: DeploymentSpec(replicas: 1, selector: LabelSelector(matchLabels: labels), template: pod))),
                .service(Service(metadata: meta, spec: ServiceSpec(selector: labels, ports: [ServicePort(name: "http", port: 5601, targetPort: .string("http"))])))]
    }
}

/// Filebeat as a DaemonSet reading container logs, adding Kubernetes metadata and custom
/// `fields`, shipping to Logstash. (Its ClusterRole and binding for the metadata processor are
/// not rendered: the Kubernetes module does not model RBAC objects yet.)
public struct FilebeatDaemonSet: Sendable {
    public var name: String
    public var namespace: String?
    public var version: String
    public var fields: StringMap<String>
    public var fieldsUnderRoot: Bool
    public var logstashHost: String

    public init(name: String = "filebeat", namespace: String? = nil, version: String = "8.13.4", fields: StringMap<String>,
                fieldsUnderRoot: Bool = true, logstashHost: String) {
        self.name = name
        self.namespace = namespace
        self.version = version
        self.fields = fields
        self.fieldsUnderRoot = fieldsUnderRoot
        self.logstashHost = logstashHost
    }

    var labels: StringMap<String> { ["app.kubernetes.io/name": "filebeat", "app.kubernetes.io/instance": name] }

    /// The `filebeat.yml` text.
    public var configText: String {
        let f = fields.sorted().map { "      \($0.key): \($0.value)" }.joined(separator: "\n")
        return """
        filebeat.inputs:
          - type: filestream
            id: containers
            paths: ["/var/log/containers/*.log"]
            parsers:
              - container: {}
            fields:
        \(f)
            fields_under_root: \(fieldsUnderRoot)
        processors:
          - add_kubernetes_metadata:
              host: ${NODE_NAME}
              matchers:
                - logs_path: {logs_path: "/var/log/containers/"}
        output.logstash:
          hosts: ["\(logstashHost)"]

        """
    }

    /// What the Logstash checks need to know about this Filebeat.
    public var knowledge: LoggingKnowledge { LoggingKnowledge(filebeatFields: fields.keys, fieldsUnderRoot: fieldsUnderRoot) }

    public func objects() -> [KubernetesObject] {
        let meta = ObjectMeta(name: name, namespace: namespace, labels: labels)
        let config = ConfigMap(metadata: ObjectMeta(name: "\(name)-config", namespace: namespace, labels: labels), data: ["filebeat.yml": configText])
        let container = Container(
            name: "filebeat", image: "docker.elastic.co/beats/filebeat:\(version)", args: ["-c", "/etc/filebeat.yml", "-e"],
            env: [EnvVar(name: "NODE_NAME", valueFrom: RenderSupport.fieldRef("spec.nodeName"))],
            resources: ResourceRequirements(requests: ["memory": Quantity(100 << 20)], limits: ["memory": Quantity(200 << 20)]),
            volumeMounts: [VolumeMount(name: "config", mountPath: "/etc/filebeat.yml", readOnly: true, subPath: "filebeat.yml"),
                           VolumeMount(name: "varlog", mountPath: "/var/log", readOnly: true)],
            securityContext: SecurityContext(runAsUser: 0))
        var varlog = Volume(name: "varlog")
        varlog.hostPath = KeptNode(Node(.mapping(Mapping([Pair(key: Node(.scalar(Scalar("path"))), value: Node(.scalar(Scalar("/var/log"))))]))))
        let pod = PodTemplateSpec(metadata: ObjectMeta(labels: labels),
                                  spec: PodSpec(containers: [container], volumes: [Volume(name: "config", configMap: ConfigMapVolumeSource(name: "\(name)-config")), varlog],
                                                serviceAccountName: name))
        return [.serviceAccount(ServiceAccount(metadata: meta)), .configMap(config),
                .daemonSet(DaemonSet(metadata: meta, spec: DaemonSetSpec(selector: LabelSelector(matchLabels: labels), template: pod)))]
    }
}
