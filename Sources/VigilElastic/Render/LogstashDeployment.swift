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
