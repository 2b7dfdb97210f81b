/// Manifests the Elasticsearch rules' examples are built from: a sound three-node cluster that
/// each example changes in one place.
enum ExampleManifests {
    struct Elasticsearch {
        var name = "es"
        var replicas = 3
        var image = "docker.elastic.co/elasticsearch/elasticsearch:8.13.4"
        var heap = "-Xms2g -Xmx2g"
        var memoryLimit: String? = "4Gi"
        var serviceName = "es"
        var seedHosts: String? = "es-0.es,es-1.es,es-2.es"
        var initialMasters: String? = "es-0,es-1,es-2"
        var security = "true"
        var transportTLS: String? = "true"
        var certificates = true
        var maxMapCountInit = true
        var headless = true
        var publishNotReady = true
        var roles: String? = nil
        var extraEnv: [(String, String)] = []
        var password = "valueFrom: {secretKeyRef: {name: es-credentials, key: password}}"

        var text: String {
            var env: [String] = [
                "- {name: cluster.name, value: logs}",
                "- name: node.name\n  valueFrom: {fieldRef: {fieldPath: metadata.name}}",
                "- {name: ES_JAVA_OPTS, value: \"\(heap)\"}",
                "- {name: xpack.security.enabled, value: \"\(security)\"}",
                "- name: ELASTIC_PASSWORD\n  \(password)",
            ]
            if let seedHosts { env.append("- {name: discovery.seed_hosts, value: \"\(seedHosts)\"}") }
            if let initialMasters { env.append("- {name: cluster.initial_master_nodes, value: \"\(initialMasters)\"}") }
            if let transportTLS { env.append("- {name: xpack.security.transport.ssl.enabled, value: \"\(transportTLS)\"}") }
            if certificates {
                env.append("- {name: xpack.security.transport.ssl.verification_mode, value: certificate}")
                env.append("- {name: xpack.security.transport.ssl.keystore.path, value: certs/transport.p12}")
                env.append("- {name: xpack.security.transport.ssl.truststore.path, value: certs/transport.p12}")
            }
            if let roles { env.append("- {name: node.roles, value: \"\(roles)\"}") }
            for (k, v) in extraEnv { env.append("- {name: \(k), value: \"\(v)\"}") }
            let envText = env.map { $0.split(separator: "\n").map { "            " + $0 }.joined(separator: "\n") }.joined(separator: "\n")
            let limits = memoryLimit.map { "\n          resources:\n            requests: {memory: \($0), cpu: \"1\"}\n            limits: {memory: \($0)}" } ?? ""
            let initContainers = maxMapCountInit ? """

                  initContainers:
                    - name: sysctl
                      image: busybox:1.36
                      command: ["sysctl", "-w", "vm.max_map_count=262144"]
                      securityContext: {privileged: true}
            """ : ""
            let certVolume = certificates ? "\n          volumeMounts:\n            - {name: certs, mountPath: /usr/share/elasticsearch/config/certs}" : ""
            let volumes = certificates ? "\n      volumes:\n        - name: certs\n          secret: {secretName: es-transport-certs}" : ""
            var out = """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: \(name)}
            spec:
              serviceName: \(serviceName)
              replicas: \(replicas)
              selector: {matchLabels: {app: \(name)}}
              template:
                metadata: {labels: {app: \(name)}}
                spec:\(initContainers)
                  containers:
                    - name: elasticsearch
                      image: \(image)
                      env:
            \(envText)
                      ports:
                        - {name: http, containerPort: 9200}
                        - {name: transport, containerPort: 9300}\(limits)\(certVolume)\(volumes)

            """
            if headless {
                out += """
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: \(serviceName)}
                spec:
                  clusterIP: None
                  publishNotReadyAddresses: \(publishNotReady)
                  selector: {app: \(name)}
                  ports:
                    - {name: transport, port: 9300}

                """
            }
            return out
        }
    }

    static func es(_ change: (inout Elasticsearch) -> Void = { _ in }) -> String {
        var e = Elasticsearch()
        change(&e)
        return e.text
    }
}

extension ExampleManifests {
    /// An ECK `Elasticsearch` resource shaped like ECK's quickstart: node sets with `count`,
    /// `config`, a pod template for the `elasticsearch` container and a data volume claim.
    struct ECKNodeSet {
        var name = "default"
        var count = 3
        var roles: String? = nil
        var allowMmap: Bool? = nil
        var heap: String? = "-Xms2g -Xmx2g"
        var memoryLimit: String? = "4Gi"
        var sysctlInit = true

        var text: String {
            var config: [String] = []
            if let roles { config.append("node.roles: [\(roles)]") }
            if let allowMmap { config.append("node.store.allow_mmap: \(allowMmap)") }
            var lines = ["  - name: \(name)", "    count: \(count)"]
            if !config.isEmpty { lines += ["    config:"] + config.map { "      \($0)" } }
            lines += ["    podTemplate:", "      spec:"]
            if sysctlInit {
                lines += ["        initContainers:", "          - name: sysctl", "            securityContext: {privileged: true, runAsUser: 0}",
                          "            command: ['sh', '-c', 'sysctl -w vm.max_map_count=262144']"]
            }
            lines += ["        containers:", "          - name: elasticsearch"]
            if let heap { lines += ["            env:", "              - {name: ES_JAVA_OPTS, value: \"\(heap)\"}"] }
            if let memoryLimit { lines += ["            resources:", "              requests: {memory: \(memoryLimit), cpu: 1}", "              limits: {memory: \(memoryLimit)}"] }
            lines += ["    volumeClaimTemplates:", "      - metadata: {name: elasticsearch-data}",
                      "        spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 50Gi}}}"]
            return lines.joined(separator: "\n")
        }
    }

    static func eck(_ sets: [ECKNodeSet] = [ECKNodeSet()]) -> String {
        """
        apiVersion: elasticsearch.k8s.elastic.co/v1
        kind: Elasticsearch
        metadata: {name: logs}
        spec:
          version: 8.13.4
          nodeSets:
        \(sets.map(\.text).joined(separator: "\n"))

        """
    }

    static func eck(_ change: (inout ECKNodeSet) -> Void) -> String {
        var s = ECKNodeSet()
        change(&s)
        return eck([s])
    }
}
