import VigilCore
import VigilElastic

/// The ELK stack: a secured Elasticsearch StatefulSet with its headless and client Services,
/// discovery derived from the StatefulSet, a PDB and the `vm.max_map_count` init container;
/// Logstash with its pipeline and index template; Filebeat shipping the service's container
/// logs with the fields the pipeline tests for; Kibana.
struct LoggingGeneration {
    let stack: Stack
    let k8s: KubernetesGeneration

    var logging: LoggingDefinition? { stack.logging }
    var service: ServiceDefinition { stack.service }
    var mns: String { service.effectiveMonitoringNamespace }
    var index: String { logging?.index ?? "\(service.name)-logs" }
    static let esName = "elasticsearch"
    var esVersion: String { logging?.elasticsearch?.version ?? "8.8.0" }
    var esURL: String { "https://\(Self.esName).\(mns).svc:9200" }
    var beatsPort: Int { logging?.logstash?.beatsPort ?? 5044 }

    /// `-Xms1g -Xmx1g` from a quantity.
    static func heapFlags(_ q: Quantity?) -> String {
        let bytes = Int64(q?.bytes ?? 1_073_741_824)
        let gib: Int64 = 1 << 30, mib: Int64 = 1 << 20
        let size = bytes % gib == 0 ? "\(bytes / gib)g" : "\(max(1, bytes / mib))m"
        return "-Xms\(size) -Xmx\(size)"
    }

    func env(_ name: String, _ value: String) -> Node { N.map(["name": N.str(name), "value": N.str(value)]) }
    func secretEnv(_ name: String, secret: String, key: String) -> Node {
        N.map(["name": N.str(name), "valueFrom": N.map(["secretKeyRef": N.map(["name": N.str(secret), "key": N.str(key)])])])
    }

    func elasticsearchObjects() -> [Node] {
        guard let es = logging?.elasticsearch else { return [] }
        let name = Self.esName
        let nodes = es.nodes ?? 3
        let headless = "\(name)-headless"
        let podNames = (0..<nodes).map { "\(name)-\($0)" }
        let labels = k8s.appLabels(name, component: "logging")
        let memory = es.memory?.text ?? "4Gi"
        let certs = "/usr/share/elasticsearch/config/certs"
        let container = N.map([
            "name": N.str(name),
            "image": N.str("docker.elastic.co/elasticsearch/elasticsearch:\(esVersion)"),
            "env": N.list([
                env("cluster.name", "\(service.name)-logs"),
                N.map(["name": N.str("node.name"), "valueFrom": N.map(["fieldRef": N.map(["fieldPath": N.str("metadata.name")])])]),
                env("discovery.seed_hosts", podNames.map { "\($0).\(headless)" }.joined(separator: ",")),
                env("cluster.initial_master_nodes", podNames.joined(separator: ",")),
                env("ES_JAVA_OPTS", Self.heapFlags(es.heap)),
                env("xpack.security.enabled", "true"),
                env("xpack.security.transport.ssl.enabled", "true"),
                env("xpack.security.transport.ssl.verification_mode", "certificate"),
                env("xpack.security.transport.ssl.keystore.path", "\(certs)/elastic-certificates.p12"),
                env("xpack.security.transport.ssl.truststore.path", "\(certs)/elastic-certificates.p12"),
                env("xpack.security.http.ssl.enabled", "true"),
                env("xpack.security.http.ssl.keystore.path", "\(certs)/elastic-certificates.p12"),
                secretEnv("ELASTIC_PASSWORD", secret: "elasticsearch-credentials", key: "elastic-password"),
            ]),
            "ports": N.list([
                N.map(["name": N.str("http"), "containerPort": N.int(9200)]),
                N.map(["name": N.str("transport"), "containerPort": N.int(9300)]),
            ]),
            "resources": N.map([
                "requests": N.map(["cpu": N.str(es.cpu.map { $0.text } ?? "1"), "memory": N.str(memory)]),
                "limits": N.map(["memory": N.str(memory)]),
            ]),
            "readinessProbe": N.map(["tcpSocket": N.map(["port": N.str("http")]), "periodSeconds": N.int(10), "timeoutSeconds": N.int(5), "failureThreshold": N.int(3)]),
            "livenessProbe": N.map(["tcpSocket": N.map(["port": N.str("transport")]), "periodSeconds": N.int(20), "timeoutSeconds": N.int(5), "failureThreshold": N.int(6)]),
            "volumeMounts": N.list([
                N.map(["name": N.str("data"), "mountPath": N.str("/usr/share/elasticsearch/data")]),
                N.map(["name": N.str("certs"), "mountPath": N.str(certs), "readOnly": N.bool(true)]),
            ]),
        ])
        let sysctl = N.map([
            "name": N.str("sysctl"),
            "image": N.str("docker.io/library/busybox:1.36"),
            "command": N.strings(["sysctl", "-w", "vm.max_map_count=262144"]),
            "securityContext": N.map(["privileged": N.bool(true), "runAsUser": N.int(0)]),
            "resources": KubernetesGeneration.res(cpu: "10m", memory: "16Mi", limit: "16Mi"),
        ])
        return [
            N.map([
                "apiVersion": N.str("v1"), "kind": N.str("Service"),
                "metadata": k8s.metadata(headless, namespace: mns, labels: labels),
                "spec": N.map([
                    "clusterIP": N.str("None"),
                    "publishNotReadyAddresses": N.bool(true),
                    "selector": N.labels(k8s.selector(name)),
                    "ports": N.list([N.map(["name": N.str("transport"), "port": N.int(9300), "targetPort": N.str("transport")])]),
                ]),
            ]),
            N.map([
                "apiVersion": N.str("v1"), "kind": N.str("Service"),
                "metadata": k8s.metadata(name, namespace: mns, labels: labels),
                "spec": N.map([
                    "selector": N.labels(k8s.selector(name)),
                    "ports": N.list([N.map(["name": N.str("http"), "port": N.int(9200), "targetPort": N.str("http")])]),
                ]),
            ]),
            N.map([
                "apiVersion": N.str("apps/v1"), "kind": N.str("StatefulSet"),
                "metadata": k8s.metadata(name, namespace: mns, labels: labels),
                "spec": N.map([
                    "serviceName": N.str(headless),
                    "replicas": N.int(nodes),
                    "podManagementPolicy": N.str("Parallel"),
                    "selector": N.map(["matchLabels": N.labels(k8s.selector(name))]),
                    "template": N.map([
                        "metadata": N.map(["labels": N.labels(labels)]),
                        "spec": N.map([
                            "securityContext": N.map(["fsGroup": N.int(1000)]),
                            "initContainers": N.list([sysctl]),
                            "containers": N.list([container]),
                            "volumes": N.list([N.map(["name": N.str("certs"), "secret": N.map(["secretName": N.str("elasticsearch-certs")])])]),
                        ]),
                    ]),
                    "volumeClaimTemplates": N.list([N.map([
                        "metadata": N.map(["name": N.str("data")]),
                        "spec": N.map([
                            "accessModes": N.strings(["ReadWriteOnce"]),
                            "resources": N.map(["requests": N.map(["storage": N.str(es.storage?.text ?? "100Gi")])]),
                        ]),
                    ])]),
                ]),
            ]),
            N.map([
                "apiVersion": N.str("policy/v1"), "kind": N.str("PodDisruptionBudget"),
                "metadata": k8s.metadata(name, namespace: mns, labels: labels),
                "spec": N.map(["maxUnavailable": N.int(1), "selector": N.map(["matchLabels": N.labels(k8s.selector(name))])]),
            ]),
        ]
    }

    /// The Logstash pipeline, formatted canonically.
    func pipeline() -> String {
        let env = stack.environment ?? "default"
        return """
        input {
          beats {
            port => \(beatsPort)
          }
        }

        filter {
          if [fields][service] == "\(service.name)" {
            json {
              source => "message"
            }
            date {
              match => ["timestamp", "ISO8601"]
              target => "@timestamp"
            }
            mutate {
              add_field => {
                "service" => "\(service.name)"
                "environment" => "\(env)"
              }
            }
            if [correlation_id] {
              mutate {
                add_tag => ["correlated"]
              }
            }
            if [level] == "ERROR" or [level] == "CRITICAL" {
              mutate {
                add_tag => ["error"]
              }
            }
          }
        }

        output {
          elasticsearch {
            hosts => ["\(esURL)"]
            index => "\(index)-%{+YYYY.MM.dd}"
            ilm_enabled => false
            manage_template => true
            template => "/usr/share/logstash/templates/\(index).json"
            template_name => "\(index)"
            template_overwrite => true
            user => "${ELASTIC_USERNAME}"
            password => "${ELASTIC_PASSWORD}"
            ssl_certificate_authorities => ["/usr/share/logstash/certs/ca.crt"]
          }
        }

        """
    }

    /// The composable index template the pipeline installs.
    func indexTemplate() -> IndexTemplate {
        var fields = [IndexTemplate.Field("@timestamp", type: "date")]
        let types: [String: String] = ["timestamp": "date", "message": "text", "line": "integer", "process_id": "integer", "thread_id": "long"]
        for f in (logging?.fields ?? []) + ["service", "environment"] where !fields.contains(where: { $0.name == f }) {
            fields.append(IndexTemplate.Field(f, type: types[f] ?? "keyword"))
        }
        return IndexTemplate(name: index, indexPatterns: ["\(index)-*"], priority: 200, numberOfShards: 1, numberOfReplicas: 1, fields: fields)
    }

    /// Filebeat's config: the service's container logs, tagged with the `fields` the pipeline
    /// tests (`[fields][service]`), shipped to the Logstash Service.
    func filebeat() -> FilebeatDaemonSet {
        FilebeatDaemonSet(namespace: mns, version: esVersion, inputID: "\(service.name)-containers",
                          paths: ["/var/log/containers/\(service.name)-*_\(service.effectiveNamespace)_\(service.name)-*.log"],
                          fields: ["service": service.name, "environment": stack.environment ?? "default"], fieldsUnderRoot: false,
                          logstashHost: "logstash.\(mns).svc:\(beatsPort)")
    }

    func logstashObjects(pipeline: String, template: String) -> [Node] {
        guard let ls = logging?.logstash else { return [] }
        let name = "logstash"
        let labels = k8s.appLabels(name, component: "logging")
        let memory = ls.memory?.text ?? "2Gi"
        return [
            k8s.configMap("logstash-pipeline", namespace: mns, data: [("logstash.conf", pipeline)], labels: labels),
            k8s.configMap("logstash-templates", namespace: mns, data: [("\(index).json", template)], labels: labels),
            N.map([
                "apiVersion": N.str("apps/v1"), "kind": N.str("Deployment"),
                "metadata": k8s.metadata(name, namespace: mns, labels: labels),
                "spec": N.map([
                    "replicas": N.int(ls.replicas ?? 2),
                    "selector": N.map(["matchLabels": N.labels(k8s.selector(name))]),
                    "template": N.map([
                        "metadata": N.map(["labels": N.labels(labels)]),
                        "spec": N.map([
                            "containers": N.list([N.map([
                                "name": N.str(name),
                                "image": N.str("docker.elastic.co/logstash/logstash:\(esVersion)"),
                                "env": N.list([
                                    env("LS_JAVA_OPTS", Self.heapFlags(ls.heap)),
                                    env("ELASTIC_USERNAME", "logstash_writer"),
                                    secretEnv("ELASTIC_PASSWORD", secret: "logstash-credentials", key: "password"),
                                ]),
                                "ports": N.list([
                                    N.map(["name": N.str("beats"), "containerPort": N.int(beatsPort)]),
                                    N.map(["name": N.str("monitoring"), "containerPort": N.int(9600)]),
                                ]),
                                "resources": N.map(["requests": N.map(["cpu": N.str("500m"), "memory": N.str(memory)]), "limits": N.map(["memory": N.str(memory)])]),
                                "readinessProbe": N.map(["httpGet": N.map(["path": N.str("/"), "port": N.str("monitoring")]), "periodSeconds": N.int(10), "timeoutSeconds": N.int(5), "failureThreshold": N.int(3)]),
                                "livenessProbe": N.map(["httpGet": N.map(["path": N.str("/"), "port": N.str("monitoring")]), "periodSeconds": N.int(20), "timeoutSeconds": N.int(5), "failureThreshold": N.int(6)]),
                                "volumeMounts": N.list([
                                    N.map(["name": N.str("pipeline"), "mountPath": N.str("/usr/share/logstash/pipeline")]),
                                    N.map(["name": N.str("templates"), "mountPath": N.str("/usr/share/logstash/templates")]),
                                    N.map(["name": N.str("certs"), "mountPath": N.str("/usr/share/logstash/certs"), "readOnly": N.bool(true)]),
                                ]),
                            ])]),
                            "volumes": N.list([
                                N.map(["name": N.str("pipeline"), "configMap": N.map(["name": N.str("logstash-pipeline")])]),
                                N.map(["name": N.str("templates"), "configMap": N.map(["name": N.str("logstash-templates")])]),
                                N.map(["name": N.str("certs"), "secret": N.map(["secretName": N.str("elasticsearch-ca")])]),
                            ]),
                        ]),
                    ]),
                ]),
            ]),
            N.map([
                "apiVersion": N.str("v1"), "kind": N.str("Service"),
                "metadata": k8s.metadata(name, namespace: mns, labels: labels),
                "spec": N.map([
                    "selector": N.labels(k8s.selector(name)),
                    "ports": N.list([N.map(["name": N.str("beats"), "port": N.int(beatsPort), "targetPort": N.str("beats")])]),
                ]),
            ]),
        ]
    }

    func filebeatObjects(config: String) -> [Node] {
        guard logging?.logstash != nil else { return [] }
        let name = "filebeat"
        let labels = k8s.appLabels(name, component: "logging")
        return [
            N.map(["apiVersion": N.str("v1"), "kind": N.str("ServiceAccount"), "metadata": k8s.metadata(name, namespace: mns, labels: labels)]),
            N.map([
                "apiVersion": N.str("rbac.authorization.k8s.io/v1"), "kind": N.str("ClusterRole"),
                "metadata": N.map(["name": N.str("\(service.name)-filebeat"), "labels": N.labels(labels)]),
                // add_kubernetes_metadata reads pods, namespaces and nodes, and the ReplicaSets
                // and Jobs that own pods, to name their Deployments and CronJobs.
                "rules": N.list([
                    N.map(["apiGroups": N.strings([""]), "resources": N.strings(["pods", "namespaces", "nodes"]), "verbs": N.strings(["get", "list", "watch"])]),
                    N.map(["apiGroups": N.strings(["apps"]), "resources": N.strings(["replicasets"]), "verbs": N.strings(["get", "list", "watch"])]),
                    N.map(["apiGroups": N.strings(["batch"]), "resources": N.strings(["jobs"]), "verbs": N.strings(["get", "list", "watch"])]),
                ]),
            ]),
            N.map([
                "apiVersion": N.str("rbac.authorization.k8s.io/v1"), "kind": N.str("ClusterRoleBinding"),
                "metadata": N.map(["name": N.str("\(service.name)-filebeat"), "labels": N.labels(labels)]),
                "roleRef": N.map(["apiGroup": N.str("rbac.authorization.k8s.io"), "kind": N.str("ClusterRole"), "name": N.str("\(service.name)-filebeat")]),
                "subjects": N.list([N.map(["kind": N.str("ServiceAccount"), "name": N.str(name), "namespace": N.str(mns)])]),
            ]),
            k8s.configMap("filebeat-config", namespace: mns, data: [("filebeat.yml", config)], labels: labels),
            N.map([
                "apiVersion": N.str("apps/v1"), "kind": N.str("DaemonSet"),
                "metadata": k8s.metadata(name, namespace: mns, labels: labels),
                "spec": N.map([
                    "selector": N.map(["matchLabels": N.labels(k8s.selector(name))]),
                    "template": N.map([
                        "metadata": N.map(["labels": N.labels(labels)]),
                        "spec": N.map([
                            "serviceAccountName": N.str(name),
                            "containers": N.list([N.map([
                                "name": N.str(name),
                                "image": N.str("docker.elastic.co/beats/filebeat:\(esVersion)"),
                                "args": N.strings(["-c", "/etc/filebeat/filebeat.yml", "-e"]),
                                "env": N.list([N.map(["name": N.str("NODE_NAME"), "valueFrom": N.map(["fieldRef": N.map(["fieldPath": N.str("spec.nodeName")])])])]),
                                "securityContext": N.map(["runAsUser": N.int(0)]),
                                "resources": KubernetesGeneration.res(cpu: "100m", memory: "100Mi", limit: "200Mi"),
                                "volumeMounts": N.list([
                                    N.map(["name": N.str("config"), "mountPath": N.str("/etc/filebeat"), "readOnly": N.bool(true)]),
                                    N.map(["name": N.str("varlog"), "mountPath": N.str("/var/log"), "readOnly": N.bool(true)]),
                                    N.map(["name": N.str("data"), "mountPath": N.str("/usr/share/filebeat/data")]),
                                ]),
                            ])]),
                            "volumes": N.list([
                                N.map(["name": N.str("config"), "configMap": N.map(["name": N.str("filebeat-config")])]),
                                N.map(["name": N.str("varlog"), "hostPath": N.map(["path": N.str("/var/log")])]),
                                N.map(["name": N.str("data"), "hostPath": N.map(["path": N.str("/var/lib/filebeat-data"), "type": N.str("DirectoryOrCreate")])]),
                            ]),
                        ]),
                    ]),
                ]),
            ]),
        ]
    }

    func kibanaObjects() -> [Node] {
        guard logging?.elasticsearch != nil else { return [] }
        let name = "kibana"
        let labels = k8s.appLabels(name, component: "logging")
        return [
            N.map([
                "apiVersion": N.str("apps/v1"), "kind": N.str("Deployment"),
                "metadata": k8s.metadata(name, namespace: mns, labels: labels),
                "spec": N.map([
                    "replicas": N.int(1),
                    "selector": N.map(["matchLabels": N.labels(k8s.selector(name))]),
                    "template": N.map([
                        "metadata": N.map(["labels": N.labels(labels)]),
                        "spec": N.map([
                            "containers": N.list([N.map([
                                "name": N.str(name),
                                "image": N.str("docker.elastic.co/kibana/kibana:\(esVersion)"),
                                "env": N.list([
                                    env("ELASTICSEARCH_HOSTS", esURL),
                                    env("ELASTICSEARCH_USERNAME", "kibana_system"),
                                    secretEnv("ELASTICSEARCH_PASSWORD", secret: "kibana-credentials", key: "password"),
                                    env("ELASTICSEARCH_SSL_CERTIFICATEAUTHORITIES", "/usr/share/kibana/config/certs/ca.crt"),
                                ]),
                                "ports": N.list([N.map(["name": N.str("http"), "containerPort": N.int(5601)])]),
                                "resources": KubernetesGeneration.res(cpu: "200m", memory: "1Gi", limit: "1Gi"),
                                "readinessProbe": N.map(["httpGet": N.map(["path": N.str("/api/status"), "port": N.str("http")]), "periodSeconds": N.int(10), "timeoutSeconds": N.int(5), "failureThreshold": N.int(3)]),
                                "livenessProbe": N.map(["tcpSocket": N.map(["port": N.str("http")]), "periodSeconds": N.int(20), "timeoutSeconds": N.int(5), "failureThreshold": N.int(6)]),
                                "volumeMounts": N.list([N.map(["name": N.str("certs"), "mountPath": N.str("/usr/share/kibana/config/certs"), "readOnly": N.bool(true)])]),
                            ])]),
                            "volumes": N.list([N.map(["name": N.str("certs"), "secret": N.map(["secretName": N.str("elasticsearch-ca")])])]),
                        ]),
                    ]),
                ]),
            ]),
            N.map([
                "apiVersion": N.str("v1"), "kind": N.str("Service"),
                "metadata": k8s.metadata(name, namespace: mns, labels: labels),
                "spec": N.map(["selector": N.labels(k8s.selector(name)), "ports": N.list([N.map(["name": N.str("http"), "port": N.int(5601), "targetPort": N.str("http")])])]),
            ]),
        ]
    }
}
