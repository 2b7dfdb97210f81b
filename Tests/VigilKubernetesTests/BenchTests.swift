import Foundation
import Testing
import VigilCore
@testable import VigilKubernetes

/// Generated manifests of mixed kinds for the benchmark: Deployments with Services and
/// ServiceMonitors, StatefulSets with headless Services, DaemonSets and ConfigMaps.
enum ManifestGenerator {
    static func manifest(_ i: Int) -> String {
        let name = "svc-\(i)"
        let ns = "team-\(i % 40)"
        switch i % 4 {
        case 0, 1:
            var envs = ""
            for e in 0..<45 { envs += "            - {name: SETTING_\(e), value: \"value-\(i)-\(e)\"}\n" }
            return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: \(name)
                  namespace: \(ns)
                  labels: {app.kubernetes.io/name: \(name), app.kubernetes.io/part-of: bench}
                  annotations: {deployment.kubernetes.io/revision: "\(i % 9 + 1)"}
                spec:
                  replicas: \(i % 5 + 1)
                  selector:
                    matchLabels: {app.kubernetes.io/name: \(name)}
                  strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 25%, maxUnavailable: 0}}
                  template:
                    metadata:
                      labels: {app.kubernetes.io/name: \(name), app.kubernetes.io/part-of: bench}
                    spec:
                      serviceAccountName: \(name)
                      terminationGracePeriodSeconds: 45
                      affinity:
                        podAntiAffinity:
                          preferredDuringSchedulingIgnoredDuringExecution:
                            - weight: 100
                              podAffinityTerm:
                                topologyKey: kubernetes.io/hostname
                                labelSelector: {matchLabels: {app.kubernetes.io/name: \(name)}}
                      containers:
                        - name: app
                          image: registry.example.com/\(name):1.\(i % 30).0
                          args: ["--listen=:8080", "--metrics=:9090", "--log-format=json"]
                          env:
                \(envs)          ports:
                            - {name: http, containerPort: 8080}
                            - {name: metrics, containerPort: 9090}
                          startupProbe:
                            httpGet: {path: /live, port: http}
                            periodSeconds: 5
                            failureThreshold: 30
                          livenessProbe:
                            httpGet: {path: /live, port: http}
                            periodSeconds: 10
                            timeoutSeconds: 2
                            failureThreshold: 3
                          readinessProbe:
                            httpGet: {path: /ready, port: http}
                            periodSeconds: 5
                            timeoutSeconds: 2
                            failureThreshold: 2
                          resources:
                            requests: {cpu: 100m, memory: 128Mi}
                            limits: {memory: 256Mi}
                          securityContext: {runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false}
                          volumeMounts:
                            - {name: config, mountPath: /etc/app}
                      volumes:
                        - name: config
                          configMap: {name: \(name)-config, optional: true}
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: \(name)
                  namespace: \(ns)
                  labels: {app.kubernetes.io/name: \(name)}
                spec:
                  selector: {app.kubernetes.io/name: \(name)}
                  ports:
                    - {name: http, port: 80, targetPort: http}
                    - {name: metrics, port: 9090, targetPort: metrics}
                ---
                apiVersion: monitoring.coreos.com/v1
                kind: ServiceMonitor
                metadata: {name: \(name), namespace: \(ns)}
                spec:
                  selector: {matchLabels: {app.kubernetes.io/name: \(name)}}
                  endpoints:
                    - {port: metrics, interval: 30s, scrapeTimeout: 10s}

                """
        case 2:
            return """
                apiVersion: v1
                kind: Service
                metadata: {name: \(name), namespace: \(ns)}
                spec:
                  clusterIP: None
                  selector: {app: \(name)}
                  ports: [{name: tcp, port: 6379, targetPort: tcp}]
                ---
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: \(name), namespace: \(ns)}
                spec:
                  serviceName: \(name)
                  replicas: 3
                  selector: {matchLabels: {app: \(name)}}
                  template:
                    metadata: {labels: {app: \(name)}}
                    spec:
                      containers:
                        - name: store
                          image: docker.io/library/redis:7.2.\(i % 6)
                          ports: [{name: tcp, containerPort: 6379}]
                          livenessProbe: {tcpSocket: {port: tcp}, periodSeconds: 10, failureThreshold: 5}
                          readinessProbe: {exec: {command: [redis-cli, ping]}, periodSeconds: 5, timeoutSeconds: 2}
                          resources: {requests: {cpu: 50m, memory: 64Mi}, limits: {memory: 128Mi}}
                          volumeMounts: [{name: data, mountPath: /data}]
                  volumeClaimTemplates:
                    - metadata: {name: data}
                      spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 8Gi}}}

                """
        default:
            var lines = ""
            for l in 0..<160 { lines += "    setting.\(l) = \(i * l)\n" }
            return """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: \(name)-config, namespace: \(ns)}
                data:
                  app.properties: |
                \(lines)  LOG_LEVEL: info
                ---
                apiVersion: apps/v1
                kind: DaemonSet
                metadata: {name: \(name)-agent, namespace: \(ns)}
                spec:
                  selector: {matchLabels: {app: \(name)-agent}}
                  template:
                    metadata: {labels: {app: \(name)-agent}}
                    spec:
                      tolerations: [{operator: Exists}]
                      containers:
                        - name: agent
                          image: registry.example.com/agent:2.\(i % 7)
                          livenessProbe: {httpGet: {path: /healthz, port: 8686}, periodSeconds: 15}
                          ports: [{name: api, containerPort: 8686}]
                          resources: {requests: {cpu: 20m, memory: 32Mi}, limits: {memory: 64Mi}}

                """
        }
    }

    static func files(_ count: Int) -> [SourceFile] {
        (0..<count).map { SourceFile(path: "bench/m\($0).yaml", text: manifest($0)) }
    }
}

func peakMemoryMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

/// `VIGIL_BENCH=1 swift test -c release --filter BenchTests`: 5 000 generated manifests.
@Suite struct BenchTests {
    @Test func generatedManifestsLintCleanly() async {
        let files = ManifestGenerator.files(40)
        let r = await kubernetesLinter.lint(files: files)
        #expect(r.count(.error) == 0 && r.count(.warning) == 0, "\(r.diagnostics.prefix(5).map { "\($0.rule): \($0.message)" })")
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["VIGIL_BENCH"] != nil))
    func lintFiveThousandManifests() async {
        let count = Int(ProcessInfo.processInfo.environment["VIGIL_BENCH_FILES"] ?? "") ?? 5000
        let files = ManifestGenerator.files(count)
        let bytes = files.reduce(0) { $0 + $1.bytes.count }
        let clock = ContinuousClock()
        let parse = await clock.measure {
            await withTaskGroup(of: Int.self) { group in
                for f in files { group.addTask { YAMLLoader.load(f).documents.count } }
                var n = 0
                for await c in group { n += c }
                #expect(n > count)
            }
        }
        let registry = kubernetesLinter.registry
        var artifacts: [any Artifact] = []
        let decode = await clock.measure {
            artifacts = await withTaskGroup(of: [any Artifact].self) { group in
                for f in files { group.addTask { registry.decode(file: f).artifacts } }
                var all: [any Artifact] = []
                for await a in group { all += a }
                return all
            }
        }
        let context = LintContext(artifacts: artifacts)
        var checkTimes: [(String, Swift.Duration)] = []
        for check in registry.checks {
            var report = CheckReport(rule: check.rule)
            let t = clock.measure { check.init().run(context, &report) }
            checkTimes.append((check.rule.id, t))
        }
        let slowest = checkTimes.sorted { $0.1 > $1.1 }.prefix(6).map { "\($0.0) \($0.1)" }.joined(separator: ", ")
        print("bench: decode \(decode); checks sequential \(checkTimes.map(\.1).reduce(.zero, +)); slowest: \(slowest)")
        var result: LintResult?
        let full = await clock.measure { result = await kubernetesLinter.lint(files: files) }
        let ratio = full / parse
        print("bench: \(files.count) files, \(bytes / 1_000_000) MB; libyaml load \(parse), full lint \(full), ratio \(String(format: "%.2f", ratio)) (MB/s: \(String(format: "%.1f", Double(bytes) / 1e6 / (Double(full.components.seconds) + Double(full.components.attoseconds) / 1e18)))); peak RSS \(Int(peakMemoryMiB())) MiB; \(result?.diagnostics.count ?? -1) findings")
        #expect(result?.count(.error) == 0)
    }
}
