/// Generates mixed-kind Kubernetes manifests for benchmarks (`make bench` lints 5 000 of them,
/// about 18 MB): groups of ten files that reference each other the way a real application's
/// manifests do (a Service selects each Deployment, a ServiceMonitor names the Services' port,
/// the StatefulSet names its headless Service, volumes mount the group's ConfigMap, env reads
/// the group's Secret). Output is deterministic and lints with no findings.
public enum ManifestGenerator {
    /// `count` manifests as (file name, text); about 3.6 KB each on average. Half of them are
    /// Deployments, as in most application repositories.
    public static func mixed(count: Int) -> [(name: String, text: String)] {
        (0..<count).map { i in
            let g = i / 10
            switch i % 10 {
            case 0, 1, 2, 3, 4: return ("\(i)-deployment.yaml", deployment(g, variant: i % 10))
            case 5: return ("\(i)-statefulset.yaml", statefulSet(g))
            case 6: return ("\(i)-daemonset.yaml", daemonSet(g))
            case 7: return ("\(i)-services.yaml", services(g) + "---\n" + headlessService(g))
            case 8: return ("\(i)-configmap.yaml", configMap(g))
            default: return ("\(i)-monitoring.yaml", [serviceMonitor(g), podDisruptionBudgets(g), serviceAccount(g), secret(g)].joined(separator: "---\n"))
            }
        }
    }

    /// How many Deployments (and so Services and PodDisruptionBudgets) a group has.
    static let deploymentsPerGroup = 5

    static func deployment(_ g: Int, variant: Int) -> String {
        let name = "app-\(g)-\(variant)"
        return """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: \(name)
          namespace: team-\(g % 23)
          labels:
            app.kubernetes.io/name: \(name)
            app.kubernetes.io/part-of: shop-\(g)
            app.kubernetes.io/component: backend
            app.kubernetes.io/version: "1.\(g % 40).\(variant)"
          annotations:
            deployment.kubernetes.io/revision: "\(g % 9 + 1)"
            team.example.org/owner: team-\(g % 23)@example.org
        spec:
          replicas: \(2 + variant)
          revisionHistoryLimit: 5
          strategy:
            type: RollingUpdate
            rollingUpdate: {maxSurge: 25%, maxUnavailable: 0}
          selector:
            matchLabels:
              app.kubernetes.io/name: \(name)
          template:
            metadata:
              labels:
                app.kubernetes.io/name: \(name)
                app.kubernetes.io/part-of: shop-\(g)
                app.kubernetes.io/component: backend
              annotations:
                prometheus.io/scrape: "true"
                prometheus.io/port: "9090"
                prometheus.io/path: /metrics
                kubectl.kubernetes.io/default-container: app
                checksum/config: 3f1c\(g)a9e27b4d\(variant)0c8e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4
            spec:
              serviceAccountName: shop-\(g)
              terminationGracePeriodSeconds: 45
              securityContext:
                runAsNonRoot: true
                runAsUser: 10001
                fsGroup: 10001
                seccompProfile: {type: RuntimeDefault}
              affinity:
                podAntiAffinity:
                  preferredDuringSchedulingIgnoredDuringExecution:
                    - weight: 100
                      podAffinityTerm:
                        topologyKey: kubernetes.io/hostname
                        labelSelector:
                          matchLabels:
                            app.kubernetes.io/name: \(name)
              tolerations:
                - {key: dedicated, operator: Equal, value: shop, effect: NoSchedule}
              topologySpreadConstraints:
                - maxSkew: 1
                  topologyKey: topology.kubernetes.io/zone
                  whenUnsatisfiable: ScheduleAnyway
                  labelSelector:
                    matchLabels:
                      app.kubernetes.io/name: \(name)
              initContainers:
                - name: migrate
                  image: registry.example.org/shop/migrate:1.\(g % 40).\(variant)
                  command: ["/bin/migrate"]
                  args: ["--database=$(DATABASE_URL)", "--timeout=120s"]
                  envFrom:
                    - secretRef: {name: shop-\(g)-db}
                  resources:
                    requests: {cpu: 50m, memory: 64Mi}
                    limits: {memory: 128Mi}
              containers:
                - name: app
                  image: registry.example.org/shop/\(name):1.\(g % 40).\(variant)
                  imagePullPolicy: IfNotPresent
                  args:
                    - --listen=:8080
                    - --metrics-listen=:9090
                    - --config=/etc/app/app.yaml
                    - --log-format=json
                  ports:
                    - {name: http, containerPort: 8080, protocol: TCP}
                    - {name: metrics, containerPort: 9090, protocol: TCP}
                  env:
                    - name: LOG_LEVEL
                      value: info
                    - name: HTTP_READ_TIMEOUT
                      value: 5s
                    - name: FEATURE_FLAGS
                      value: "checkout,search,recommendations"
                    - name: OTEL_EXPORTER_OTLP_ENDPOINT
                      value: http://otel-collector.observability.svc:4317
                    - name: OTEL_SERVICE_NAME
                      value: \(name)
                    - name: GOMAXPROCS
                      valueFrom:
                        resourceFieldRef: {resource: limits.cpu, divisor: "1"}
                    - name: POD_NAME
                      valueFrom:
                        fieldRef: {fieldPath: metadata.name}
                    - name: POD_NAMESPACE
                      valueFrom:
                        fieldRef: {fieldPath: metadata.namespace}
                    - name: DATABASE_URL
                      valueFrom:
                        secretKeyRef: {name: shop-\(g)-db, key: url}
                  resources:
                    requests: {cpu: 250m, memory: 256Mi}
                    limits: {cpu: "1", memory: 512Mi}
                  startupProbe:
                    httpGet: {path: /healthz/started, port: http}
                    periodSeconds: 5
                    failureThreshold: 24
                  readinessProbe:
                    httpGet: {path: /healthz/ready, port: http}
                    periodSeconds: 10
                    timeoutSeconds: 2
                    failureThreshold: 3
                  livenessProbe:
                    httpGet: {path: /healthz/live, port: http}
                    periodSeconds: 20
                    timeoutSeconds: 3
                    failureThreshold: 3
                  lifecycle:
                    preStop:
                      exec: {command: ["/bin/sh", "-c", "sleep 10"]}
                  securityContext:
                    allowPrivilegeEscalation: false
                    readOnlyRootFilesystem: true
                    capabilities: {drop: [ALL]}
                  volumeMounts:
                    - {name: config, mountPath: /etc/app, readOnly: true}
                    - {name: tmp, mountPath: /tmp}
                - name: proxy
                  image: registry.example.org/platform/envoy:1.29.\(g % 7)
                  args: ["--config-path", "/etc/envoy/envoy.yaml", "--log-level", "warn"]
                  ports:
                    - {name: proxy, containerPort: 15001}
                    - {name: proxy-admin, containerPort: 15000}
                  resources:
                    requests: {cpu: 50m, memory: 64Mi}
                    limits: {memory: 128Mi}
                  readinessProbe:
                    tcpSocket: {port: proxy}
                    periodSeconds: 10
                  livenessProbe:
                    tcpSocket: {port: proxy}
                    periodSeconds: 30
                    failureThreshold: 4
                  securityContext:
                    allowPrivilegeEscalation: false
                    readOnlyRootFilesystem: true
                  volumeMounts:
                    - {name: envoy, mountPath: /etc/envoy, readOnly: true}
              volumes:
                - name: config
                  configMap:
                    name: shop-\(g)-config
                    items:
                      - {key: app.yaml, path: app.yaml}
                - name: envoy
                  configMap: {name: shop-\(g)-config, items: [{key: envoy.yaml, path: envoy.yaml}]}
                - name: tmp
                  emptyDir: {sizeLimit: 256Mi}

        """
    }

    static func statefulSet(_ g: Int) -> String {
        """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: store-\(g)
          namespace: team-\(g % 23)
          labels: {app.kubernetes.io/name: store-\(g), app.kubernetes.io/part-of: shop-\(g)}
        spec:
          serviceName: store-\(g)-headless
          replicas: 3
          podManagementPolicy: Parallel
          selector:
            matchLabels: {app.kubernetes.io/name: store-\(g)}
          template:
            metadata:
              labels: {app.kubernetes.io/name: store-\(g), app.kubernetes.io/part-of: shop-\(g)}
            spec:
              serviceAccountName: shop-\(g)
              terminationGracePeriodSeconds: 120
              containers:
                - name: store
                  image: registry.example.org/shop/store:7.\(g % 5).1
                  args: ["--data-dir=/data", "--peers=store-\(g)-headless.team-\(g % 23).svc"]
                  ports:
                    - {name: client, containerPort: 6379}
                    - {name: peer, containerPort: 16379}
                    - {name: metrics, containerPort: 9121}
                  env:
                    - name: POD_IP
                      valueFrom: {fieldRef: {fieldPath: status.podIP}}
                  resources:
                    requests: {cpu: 500m, memory: 1Gi}
                    limits: {memory: 2Gi}
                  readinessProbe:
                    exec: {command: ["store-cli", "ping"]}
                    periodSeconds: 10
                    timeoutSeconds: 3
                  livenessProbe:
                    tcpSocket: {port: client}
                    initialDelaySeconds: 30
                    periodSeconds: 20
                    failureThreshold: 5
                  volumeMounts:
                    - {name: data, mountPath: /data}
          volumeClaimTemplates:
            - metadata: {name: data}
              spec:
                accessModes: [ReadWriteOnce]
                storageClassName: fast-ssd
                resources:
                  requests: {storage: 20Gi}

        """
    }

    static func daemonSet(_ g: Int) -> String {
        """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: node-agent-\(g)
          namespace: monitoring
          labels: {app.kubernetes.io/name: node-agent-\(g)}
        spec:
          selector:
            matchLabels: {app.kubernetes.io/name: node-agent-\(g)}
          updateStrategy:
            type: RollingUpdate
            rollingUpdate: {maxUnavailable: 10%}
          template:
            metadata:
              labels: {app.kubernetes.io/name: node-agent-\(g)}
            spec:
              hostNetwork: true
              hostPID: true
              tolerations:
                - {operator: Exists}
              containers:
                - name: agent
                  image: quay.io/prometheus/node-exporter:v1.8.\(g % 3)
                  args:
                    - --path.procfs=/host/proc
                    - --path.sysfs=/host/sys
                    - --path.rootfs=/host/root
                    - --web.listen-address=:9100
                  ports:
                    - {name: metrics, containerPort: 9100, hostPort: 9100}
                  resources:
                    requests: {cpu: 20m, memory: 32Mi}
                    limits: {memory: 64Mi}
                  readinessProbe:
                    httpGet: {path: /, port: metrics}
                  livenessProbe:
                    httpGet: {path: /, port: metrics}
                    periodSeconds: 30
                    failureThreshold: 5
                  volumeMounts:
                    - {name: proc, mountPath: /host/proc, readOnly: true}
                    - {name: sys, mountPath: /host/sys, readOnly: true}
                    - {name: root, mountPath: /host/root, readOnly: true, mountPropagation: HostToContainer}
              volumes:
                - {name: proc, hostPath: {path: /proc}}
                - {name: sys, hostPath: {path: /sys}}
                - {name: root, hostPath: {path: /}}

        """
    }

    /// One document per Deployment of the group, as one multi-document file.
    static func perDeployment(_ document: (Int) -> String) -> String {
        (0..<deploymentsPerGroup).map(document).joined(separator: "---\n")
    }

    /// One Service per Deployment of the group.
    static func services(_ g: Int) -> String {
        perDeployment { v in
            """
            apiVersion: v1
            kind: Service
            metadata:
              name: app-\(g)-\(v)
              namespace: team-\(g % 23)
              labels: {app.kubernetes.io/name: app-\(g)-\(v), app.kubernetes.io/part-of: shop-\(g)}
            spec:
              type: ClusterIP
              selector: {app.kubernetes.io/name: app-\(g)-\(v)}
              ports:
                - {name: http, port: 80, targetPort: http}
                - {name: metrics, port: 9090, targetPort: metrics}

            """
        }
    }

    static func headlessService(_ g: Int) -> String {
        """
        apiVersion: v1
        kind: Service
        metadata:
          name: store-\(g)-headless
          namespace: team-\(g % 23)
          labels: {app.kubernetes.io/name: store-\(g)}
        spec:
          clusterIP: None
          publishNotReadyAddresses: true
          selector: {app.kubernetes.io/name: store-\(g)}
          ports:
            - {name: client, port: 6379, targetPort: client}
            - {name: peer, port: 16379, targetPort: peer}
            - {name: metrics, port: 9121, targetPort: metrics}

        """
    }

    /// The group's ConfigMap: an application config and an Envoy config, as literal blocks.
    static func configMap(_ g: Int) -> String {
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: shop-\(g)-config
          namespace: team-\(g % 23)
          labels: {app.kubernetes.io/part-of: shop-\(g)}
        data:
          app.yaml: |
            server:
              listen: ":8080"
              readTimeout: 5s
              writeTimeout: 10s
            database:
              maxOpenConnections: 20
              maxIdleConnections: 5
              connectionLifetime: 30m
            cache:
              address: store-\(g)-headless.team-\(g % 23).svc:6379
              ttl: 10m
            features:
              checkout: true
              recommendations: \(g % 2 == 0)
          logging.yaml: |
            level: info
            format: json
            sampling:
              initial: 100
              thereafter: 100
            outputs:
              - type: stdout
              - type: file
                path: /var/log/app/app.log
                rotate: {maxSizeMB: 100, maxBackups: 3, compress: true}
            fields:
              service: shop-\(g)
              team: team-\(g % 23)
          envoy.yaml: |
            admin:
              address:
                socket_address: {address: 127.0.0.1, port_value: 15000}
            static_resources:
              listeners:
                - name: ingress
                  address:
                    socket_address: {address: 0.0.0.0, port_value: 15001}
                  filter_chains:
                    - filters:
                        - name: envoy.filters.network.http_connection_manager
                          typed_config:
                            "@type": type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager
                            stat_prefix: ingress
                            route_config:
                              virtual_hosts:
                                - name: local
                                  domains: ["*"]
                                  routes:
                                    - match: {prefix: /}
                                      route: {cluster: local}
                            http_filters:
                              - name: envoy.filters.http.router
              clusters:
                - name: local
                  connect_timeout: 1s
                  type: STATIC
                  load_assignment:
                    cluster_name: local
                    endpoints:
                      - lb_endpoints:
                          - endpoint:
                              address:
                                socket_address: {address: 127.0.0.1, port_value: 8080}

        """
    }

    static func serviceMonitor(_ g: Int) -> String {
        """
        apiVersion: monitoring.coreos.com/v1
        kind: ServiceMonitor
        metadata:
          name: shop-\(g)
          namespace: team-\(g % 23)
          labels: {release: prometheus}
        spec:
          selector:
            matchLabels: {app.kubernetes.io/part-of: shop-\(g)}
          namespaceSelector:
            matchNames: [team-\(g % 23)]
          endpoints:
            - port: metrics
              interval: 30s
              scrapeTimeout: 10s
              path: /metrics
              relabelings:
                - {sourceLabels: [__meta_kubernetes_pod_node_name], targetLabel: node}
              metricRelabelings:
                - {sourceLabels: [__name__], regex: "go_gc_duration_seconds.*", action: drop}

        """
    }

    static func podDisruptionBudgets(_ g: Int) -> String {
        perDeployment { v in
            """
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata:
              name: app-\(g)-\(v)
              namespace: team-\(g % 23)
            spec:
              maxUnavailable: 1
              selector:
                matchLabels: {app.kubernetes.io/name: app-\(g)-\(v)}

            """
        }
    }

    static func serviceAccount(_ g: Int) -> String {
        """
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: shop-\(g)
          namespace: team-\(g % 23)
          labels: {app.kubernetes.io/part-of: shop-\(g)}
        automountServiceAccountToken: false

        """
    }

    /// The database credentials the Deployments read; the values are placeholders.
    static func secret(_ g: Int) -> String {
        """
        apiVersion: v1
        kind: Secret
        metadata:
          name: shop-\(g)-db
          namespace: team-\(g % 23)
        type: Opaque
        stringData:
          url: postgres://shop:placeholder@db-\(g).team-\(g % 23).svc:5432/shop
          password: placeholder-\(g)

        """
    }
}
