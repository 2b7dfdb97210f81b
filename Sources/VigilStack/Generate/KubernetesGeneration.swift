import VigilCore
import VigilKubernetes

/// Kubernetes manifests: the service's Deployment (probes, resources), its Service and PDB,
/// and Prometheus, Alertmanager and Grafana with their configs packaged as ConfigMaps.
struct KubernetesGeneration {
    let stack: Stack

    var service: ServiceDefinition { stack.service }
    var ns: String { service.effectiveNamespace }
    var monitoringNS: String { service.effectiveMonitoringNamespace }

    static let prometheusImage = "quay.io/prometheus/prometheus:v2.53.2"
    static let alertmanagerImage = "quay.io/prometheus/alertmanager:v0.27.0"
    static let grafanaImage = "docker.io/grafana/grafana:11.2.0"

    func metadata(_ name: String, namespace: String, labels: [(String, String)] = [], annotations: [(String, String)] = []) -> Node {
        N.map([
            "name": N.str(name),
            "namespace": N.str(namespace),
            "labels": labels.isEmpty ? nil : N.labels(labels),
            "annotations": annotations.isEmpty ? nil : N.labels(annotations),
        ])
    }

    func appLabels(_ name: String, component: String? = nil) -> [(String, String)] {
        var l = [("app.kubernetes.io/name", name), ("app.kubernetes.io/part-of", service.name)]
        if let component { l.append(("app.kubernetes.io/component", component)) }
        return l
    }

    func selector(_ name: String) -> [(String, String)] { [("app.kubernetes.io/name", name)] }

    func namespaces() -> [Node] {
        [ns, monitoringNS].reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }.map {
            N.map(["apiVersion": N.str("v1"), "kind": N.str("Namespace"), "metadata": N.map(["name": N.str($0)])])
        }
    }

    // MARK: The service

    private func httpProbe(_ p: ProbeDefinition, startup: Bool) -> Node {
        let period = Int(p.period?.seconds ?? 10)
        var failure = p.failureThreshold ?? 3
        if startup, let budget = p.budget ?? service.startupTime {
            failure = max(1, Int((budget.seconds / Double(max(1, period))).rounded(.up)))
        }
        return N.map([
            "httpGet": N.map(["path": N.str(p.path), "port": N.str(p.port ?? "http")]),
            "periodSeconds": N.int(period),
            "timeoutSeconds": N.int(Int(p.timeout?.seconds ?? 1)),
            "failureThreshold": N.int(failure),
        ])
    }

    private func resources(_ r: ResourceRequirements?) -> Node? {
        guard let r else { return nil }
        func q(_ m: StringMap<Quantity>?) -> Node? {
            guard let m, !m.isEmpty else { return nil }
            return .mapping(m.map { ($0.key, N.str($0.value.text)) })
        }
        return N.map(["requests": q(r.requests), "limits": q(r.limits)])
    }

    func serviceObjects() -> [Node] {
        let name = service.name
        let probes = stack.probes
        var env: [Node] = [
            N.map(["name": N.str("POD_NAME"), "valueFrom": N.map(["fieldRef": N.map(["fieldPath": N.str("metadata.name")])])]),
        ]
        if let e = stack.environment { env.append(N.map(["name": N.str("\(name.uppercased())_ENVIRONMENT"), "value": N.str(e)])) }
        for (k, v) in service.env ?? [:] { env.append(N.map(["name": N.str(k), "value": N.str(v)])) }
        let ports = service.ports.sorted { $0.value < $1.value }.map { N.map(["name": N.str($0.key), "containerPort": N.int($0.value)]) }
        let container = N.map([
            "name": N.str(name),
            "image": N.str(service.image),
            "ports": N.list(ports),
            "env": N.list(env),
            "resources": resources(service.resources),
            "startupProbe": probes?.startup.map { httpProbe($0, startup: true) },
            "livenessProbe": probes?.liveness.map { httpProbe($0, startup: false) },
            "readinessProbe": probes?.readiness.map { httpProbe($0, startup: false) },
            "volumeMounts": N.list([N.map(["name": N.str("health-scripts"), "mountPath": N.str("/opt/\(name)/health"), "readOnly": N.bool(true)])]),
            "securityContext": N.map(["allowPrivilegeEscalation": N.bool(false), "readOnlyRootFilesystem": N.bool(true), "runAsNonRoot": N.bool(true)]),
        ])
        let replicas = service.replicas ?? 1
        var objects: [Node] = [
            N.map([
                "apiVersion": N.str("apps/v1"), "kind": N.str("Deployment"),
                "metadata": metadata(name, namespace: ns, labels: appLabels(name)),
                "spec": N.map([
                    "replicas": N.int(replicas),
                    "selector": N.map(["matchLabels": N.labels(selector(name))]),
                    "template": N.map([
                        "metadata": N.map(["labels": N.labels(appLabels(name))]),
                        "spec": N.map([
                            "terminationGracePeriodSeconds": N.int(30),
                            "containers": N.list([container]),
                            "volumes": N.list([N.map(["name": N.str("health-scripts"), "configMap": N.map(["name": N.str("\(name)-health-scripts"), "defaultMode": Node.plain("0555", tag: Tag.int)])])]),
                        ]),
                    ]),
                ]),
            ]),
            N.map([
                "apiVersion": N.str("v1"), "kind": N.str("Service"),
                "metadata": metadata(name, namespace: ns, labels: appLabels(name)),
                "spec": N.map([
                    "selector": N.labels(selector(name)),
                    "ports": N.list(service.ports.sorted { $0.value < $1.value }.map {
                        N.map(["name": N.str($0.key), "port": N.int($0.value), "targetPort": N.str($0.key)])
                    }),
                ]),
            ]),
            healthScripts(),
        ]
        if replicas > 1 {
            objects.append(N.map([
                "apiVersion": N.str("policy/v1"), "kind": N.str("PodDisruptionBudget"),
                "metadata": metadata(name, namespace: ns, labels: appLabels(name)),
                "spec": N.map(["maxUnavailable": N.int(1), "selector": N.map(["matchLabels": N.labels(selector(name))])]),
            ]))
        }
        return objects
    }

    /// The guide's health-check scripts, for `kubectl exec` diagnosis. The probes themselves
    /// are httpGet probes: a liveness check must not depend on external services.
    private func healthScripts() -> Node {
        let port = service.httpPort
        let readiness = stack.probes?.readiness?.path ?? "/ready"
        let budget = Int((stack.probes?.startup?.budget ?? service.startupTime ?? Duration(seconds: 300)).seconds)
        let check = """
        #!/bin/sh
        # Full health report, including external dependencies (GitHub API, cache, disk, memory).
        # For diagnosis only: the probes use /live and \(readiness).
        set -e
        if curl -f -s http://localhost:\(port)/health > /dev/null; then
            echo "application health check passed"
            exit 0
        fi
        echo "application health check failed"
        exit 1

        """
        let wait = """
        #!/bin/sh
        # Waits until the application is ready, up to the start-up budget (\(budget) s).
        timeout=\(budget)
        interval=10
        elapsed=0
        while [ "$elapsed" -lt "$timeout" ]; do
            if curl -f -s http://localhost:\(port)\(readiness) > /dev/null; then
                echo "application is ready"
                exit 0
            fi
            echo "waiting for the application to be ready ($elapsed/$timeout s)"
            sleep "$interval"
            elapsed=$((elapsed + interval))
        done
        echo "application did not become ready within $timeout s"
        exit 1

        """
        return N.map([
            "apiVersion": N.str("v1"), "kind": N.str("ConfigMap"),
            "metadata": metadata("\(service.name)-health-scripts", namespace: ns, labels: appLabels(service.name)),
            "data": N.map(["health-check.sh": N.str(check), "wait-until-ready.sh": N.str(wait)]),
        ])
    }

    // MARK: Monitoring workloads

    func configMap(_ name: String, namespace: String, data: [(String, String)], labels: [(String, String)] = []) -> Node {
        N.map([
            "apiVersion": N.str("v1"), "kind": N.str("ConfigMap"),
            "metadata": metadata(name, namespace: namespace, labels: labels.isEmpty ? appLabels(name) : labels),
            "data": .mapping(data.map { ($0.0, N.str($0.1)) }),
        ])
    }

    func deployment(_ name: String, image: String, args: [String], port: (String, Int), mounts: [(String, String, Node)],
                    probePath: String, resources: Node, serviceAccount: String? = nil, securityContext: Node? = nil) -> Node {
        let probe = { (failure: Int, period: Int) in
            N.map([
                "httpGet": N.map(["path": N.str(probePath), "port": N.str(port.0)]),
                "periodSeconds": N.int(period), "timeoutSeconds": N.int(3), "failureThreshold": N.int(failure),
            ])
        }
        return N.map([
            "apiVersion": N.str("apps/v1"), "kind": N.str("Deployment"),
            "metadata": metadata(name, namespace: monitoringNS, labels: appLabels(name, component: "monitoring")),
            "spec": N.map([
                "replicas": N.int(1),
                "selector": N.map(["matchLabels": N.labels(selector(name))]),
                "template": N.map([
                    "metadata": N.map(["labels": N.labels(appLabels(name, component: "monitoring"))]),
                    "spec": N.map([
                        "serviceAccountName": N.optional(serviceAccount),
                        "securityContext": securityContext,
                        "containers": N.list([N.map([
                            "name": N.str(name),
                            "image": N.str(image),
                            "args": args.isEmpty ? nil : N.strings(args),
                            "ports": N.list([N.map(["name": N.str(port.0), "containerPort": N.int(port.1)])]),
                            "resources": resources,
                            "readinessProbe": probe(3, 10),
                            "livenessProbe": probe(6, 20),
                            "volumeMounts": N.list(mounts.map { N.map(["name": N.str($0.0), "mountPath": N.str($0.1)]) }),
                        ])]),
                        "volumes": N.list(mounts.map { N.map([("name", N.str($0.0))] + ($0.2.mapping?.pairs.map { ($0.key.scalarText ?? "", $0.value) } ?? [])) }),
                    ]),
                ]),
            ]),
        ])
    }

    func clusterService(_ name: String, port: (String, Int)) -> Node {
        N.map([
            "apiVersion": N.str("v1"), "kind": N.str("Service"),
            "metadata": metadata(name, namespace: monitoringNS, labels: appLabels(name, component: "monitoring")),
            "spec": N.map([
                "selector": N.labels(selector(name)),
                "ports": N.list([N.map(["name": N.str(port.0), "port": N.int(port.1), "targetPort": N.str(port.0)])]),
            ]),
        ])
    }

    static func res(cpu: String, memory: String, limit: String) -> Node {
        N.map(["requests": N.map(["cpu": N.str(cpu), "memory": N.str(memory)]), "limits": N.map(["memory": N.str(limit)])])
    }

    func prometheusObjects(config: String, rules: String) -> [Node] {
        let name = "prometheus"
        let retention = stack.scrape?.retention?.description ?? "15d"
        let rbac: [Node] = [
            N.map(["apiVersion": N.str("v1"), "kind": N.str("ServiceAccount"), "metadata": metadata(name, namespace: monitoringNS, labels: appLabels(name, component: "monitoring"))]),
            N.map([
                "apiVersion": N.str("rbac.authorization.k8s.io/v1"), "kind": N.str("ClusterRole"),
                "metadata": N.map(["name": N.str("\(service.name)-prometheus"), "labels": N.labels(appLabels(name, component: "monitoring"))]),
                "rules": N.list([
                    N.map(["apiGroups": N.strings([""]), "resources": N.strings(["nodes", "nodes/metrics", "services", "endpoints", "pods"]), "verbs": N.strings(["get", "list", "watch"])]),
                    N.map(["nonResourceURLs": N.strings(["/metrics", "/metrics/cadvisor"]), "verbs": N.strings(["get"])]),
                ]),
            ]),
            N.map([
                "apiVersion": N.str("rbac.authorization.k8s.io/v1"), "kind": N.str("ClusterRoleBinding"),
                "metadata": N.map(["name": N.str("\(service.name)-prometheus"), "labels": N.labels(appLabels(name, component: "monitoring"))]),
                "roleRef": N.map(["apiGroup": N.str("rbac.authorization.k8s.io"), "kind": N.str("ClusterRole"), "name": N.str("\(service.name)-prometheus")]),
                "subjects": N.list([N.map(["kind": N.str("ServiceAccount"), "name": N.str(name), "namespace": N.str(monitoringNS)])]),
            ]),
        ]
        return rbac + [
            configMap("prometheus-config", namespace: monitoringNS, data: [("prometheus.yml", config)], labels: appLabels(name, component: "monitoring")),
            configMap("prometheus-rules", namespace: monitoringNS, data: [("\(service.name).yml", rules)], labels: appLabels(name, component: "monitoring")),
            deployment(name, image: Self.prometheusImage,
                       args: ["--config.file=/etc/prometheus/prometheus.yml", "--storage.tsdb.path=/prometheus", "--storage.tsdb.retention.time=\(retention)"],
                       port: ("web", 9090),
                       mounts: [
                           ("config", "/etc/prometheus", N.map(["configMap": N.map(["name": N.str("prometheus-config")])])),
                           ("rules", PrometheusGeneration.rulesDirectory, N.map(["configMap": N.map(["name": N.str("prometheus-rules")])])),
                           ("data", "/prometheus", N.map(["emptyDir": N.map([:])])),
                       ],
                       probePath: "/-/ready", resources: Self.res(cpu: "500m", memory: "2Gi", limit: "4Gi"), serviceAccount: name,
                       securityContext: N.map(["runAsNonRoot": N.bool(true), "runAsUser": N.int(65534), "fsGroup": N.int(65534)])),
            clusterService(name, port: ("web", 9090)),
        ]
    }

    func alertmanagerObjects(config: String) -> [Node] {
        let name = "alertmanager"
        return [
            configMap("alertmanager-config", namespace: monitoringNS, data: [("alertmanager.yml", config)], labels: appLabels(name, component: "monitoring")),
            deployment(name, image: Self.alertmanagerImage,
                       args: ["--config.file=/etc/alertmanager/alertmanager.yml", "--storage.path=/alertmanager"],
                       port: ("web", 9093),
                       mounts: [
                           ("config", "/etc/alertmanager", N.map(["configMap": N.map(["name": N.str("alertmanager-config")])])),
                           ("secrets", AlertmanagerGeneration.secretsDirectory, N.map(["secret": N.map(["secretName": N.str("alertmanager-secrets")])])),
                           ("data", "/alertmanager", N.map(["emptyDir": N.map([:])])),
                       ],
                       probePath: "/-/ready", resources: Self.res(cpu: "100m", memory: "128Mi", limit: "256Mi"),
                       securityContext: N.map(["runAsNonRoot": N.bool(true), "runAsUser": N.int(65534)])),
            clusterService(name, port: ("web", 9093)),
        ]
    }

    func grafanaObjects(dashboards: [(String, String)], datasource: String, provider: String) -> [Node] {
        let name = "grafana"
        return [
            configMap("grafana-dashboards", namespace: monitoringNS, data: dashboards,
                      labels: appLabels(name, component: "monitoring") + [("grafana_dashboard", "1")]),
            configMap("grafana-provisioning", namespace: monitoringNS, data: [("datasources.yaml", datasource), ("dashboards.yaml", provider)],
                      labels: appLabels(name, component: "monitoring")),
            deployment(name, image: Self.grafanaImage, args: [], port: ("http", 3000),
                       mounts: [
                           ("provisioning-datasources", "/etc/grafana/provisioning/datasources", N.map(["configMap": N.map(["name": N.str("grafana-provisioning"), "items": N.list([N.map(["key": N.str("datasources.yaml"), "path": N.str("datasources.yaml")])])])])),
                           ("provisioning-dashboards", "/etc/grafana/provisioning/dashboards", N.map(["configMap": N.map(["name": N.str("grafana-provisioning"), "items": N.list([N.map(["key": N.str("dashboards.yaml"), "path": N.str("dashboards.yaml")])])])])),
                           ("dashboards", "/var/lib/grafana/dashboards", N.map(["configMap": N.map(["name": N.str("grafana-dashboards")])])),
                       ],
                       probePath: "/api/health", resources: Self.res(cpu: "100m", memory: "256Mi", limit: "512Mi"),
                       securityContext: N.map(["runAsNonRoot": N.bool(true), "runAsUser": N.int(472), "fsGroup": N.int(472)])),
            clusterService(name, port: ("http", 3000)),
        ]
    }
}
