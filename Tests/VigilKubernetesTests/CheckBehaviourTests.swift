import Testing
import VigilCore
@testable import VigilKubernetes

/// Edge cases of the checks, beyond the documented examples: where a finding must appear, and
/// where a naive check would raise a false one.
@Suite struct CheckBehaviourTests {
    struct Case: Sendable, CustomStringConvertible {
        let name: String
        let text: String
        let rule: String
        let fires: Bool
        var severity: Severity? = nil
        var description: String { name }
    }

    static let headless = "---\napiVersion: v1\nkind: Service\nmetadata: {name: other, namespace: b}\nspec: {selector: {app: api}, ports: [{port: 80}]}\n"

    static let cases: [Case] = [
        Case(name: "identical probes after resolving named ports", text: Example.deployment(container: "livenessProbe:\n  tcpSocket: {port: http}\nreadinessProbe:\n  tcpSocket: {port: 8080}\n"),
             rule: "probe/identical-liveness-readiness", fires: true),
        Case(name: "same endpoint, longer liveness window is fine", text: Example.deployment(container: "livenessProbe:\n  httpGet: {path: /healthz, port: http}\n  failureThreshold: 5\nreadinessProbe:\n  httpGet: {path: /healthz, port: http}\n"),
             rule: "probe/identical-liveness-readiness", fires: false),
        Case(name: "explicit defaults equal absent fields", text: Example.deployment(container: "livenessProbe:\n  httpGet: {path: /, port: http}\n  periodSeconds: 10\n  timeoutSeconds: 1\nreadinessProbe:\n  httpGet: {port: http, scheme: HTTP}\n"),
             rule: "probe/identical-liveness-readiness", fires: true),
        Case(name: "named probe port missing is an error", text: Example.deployment(container: "readinessProbe:\n  httpGet: {path: /ready, port: htp}\n"),
             rule: "probe/port-not-exposed", fires: true, severity: .error),
        Case(name: "numeric probe port on a container without ports", text: Example.deployment(container: "readinessProbe:\n  tcpSocket: {port: 8080}\n").replacingOccurrences(of: "          ports:\n            - {name: http, containerPort: 8080}\n", with: ""),
             rule: "probe/port-not-exposed", fires: false),
        Case(name: "quoted probe port is an invalid name", text: Example.deployment(container: "livenessProbe:\n  tcpSocket: {port: \"8080\"}\n"),
             rule: "k8s/invalid-name", fires: true),
        Case(name: "quoted probe port is not also an unexposed port", text: Example.deployment(container: "livenessProbe:\n  tcpSocket: {port: \"8080\"}\n"),
             rule: "probe/port-not-exposed", fires: false),
        Case(name: "sidecar probes are allowed", text: Example.deployment(pod: "initContainers:\n  - name: proxy\n    image: envoy:1.31\n    restartPolicy: Always\n    livenessProbe: {tcpSocket: {port: 15000}}\n"),
             rule: "probe/init-container-probe", fires: false),
        Case(name: "requests equal to limits in other units", text: Example.deployment(container: "resources:\n  requests: {cpu: \"0.5\", memory: 1Gi}\n  limits: {cpu: 500m, memory: 1024Mi}\n"),
             rule: "resources/requests-exceed-limits", fires: false),
        Case(name: "a limit alone implies the request", text: Example.deployment(container: Example.goodProbes + "\nresources:\n  limits: {cpu: 200m, memory: 256Mi}\n"),
             rule: "resources/missing-requests", fires: false),
        Case(name: "init containers need no memory limit", text: Example.deployment(pod: "initContainers:\n  - {name: migrate, image: \"api:1\"}\n"),
             rule: "resources/missing-memory-limit", fires: false),
        Case(name: "a Service in another namespace does not select", text: Example.deployment() + Self.headless.replacingOccurrences(of: "namespace: b", with: "namespace: b") .replacingOccurrences(of: "{name: other, namespace: b}", with: "{name: other, namespace: b}") + "---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: b}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: web, image: \"web:1\"}]}\n",
             rule: "service/selector-matches-nothing", fires: false),
        Case(name: "a Service without selector is left alone", text: Example.deployment() + "---\napiVersion: v1\nkind: Service\nmetadata: {name: external}\nspec: {type: ExternalName, externalName: db.example.com}\n",
             rule: "service/selector-matches-nothing", fires: false),
        Case(name: "targetPort defaults to port", text: Example.deployment() + "---\napiVersion: v1\nkind: Service\nmetadata: {name: api}\nspec: {selector: {app: api}, ports: [{port: 8080}]}\n",
             rule: "service/target-port-unknown", fires: false),
        Case(name: "a wrong targetPort number", text: Example.deployment() + "---\napiVersion: v1\nkind: Service\nmetadata: {name: api}\nspec: {selector: {app: api}, ports: [{port: 80, targetPort: 8000}]}\n",
             rule: "service/target-port-unknown", fires: true, severity: .warning),
        Case(name: "readiness required only for the container serving the Service", text: Example.deployment(pod: "initContainers:\n  - {name: log-shipper, image: \"fluent-bit:3\", restartPolicy: Always}\n") + "---\n" + Example.service(),
             rule: "probe/missing-readiness", fires: false),
        Case(name: "matchExpressions selectors", text: Example.deployment(selector: "{}").replacingOccurrences(of: "matchLabels: {}", with: "matchExpressions: [{key: app, operator: In, values: [api, web]}]"),
             rule: "k8s/selector-mismatch", fires: false),
        Case(name: "empty selector", text: Example.deployment(selector: "{}"), rule: "k8s/selector-mismatch", fires: true),
        Case(name: "StatefulSet pointing at a ClusterIP Service", text: "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  serviceName: db\n  selector: {matchLabels: {app: db}}\n  template:\n    metadata: {labels: {app: db}}\n    spec: {containers: [{name: db, image: \"pg:16\"}]}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: db}\nspec: {selector: {app: db}, ports: [{port: 5432}]}\n",
             rule: "statefulset/service-name-unknown", fires: true),
        Case(name: "PodMonitor with a missing container port", text: Example.deployment() + "---\napiVersion: monitoring.coreos.com/v1\nkind: PodMonitor\nmetadata: {name: api}\nspec:\n  selector: {matchLabels: {app: api}}\n  podMetricsEndpoints: [{port: metrcs}]\n",
             rule: "monitor/port-unknown", fires: true),
        Case(name: "ServiceMonitor in another namespace without namespaceSelector", text: Example.deployment() + "---\n" + Example.service() + "---\napiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata: {name: api, namespace: monitoring}\nspec:\n  selector: {matchLabels: {app: api}}\n  endpoints: [{port: nope}]\n",
             rule: "monitor/port-unknown", fires: true),
        Case(name: "optional Secret reference", text: Example.deployment(container: Example.goodProbes + "\n" + Example.goodResources + "\nenvFrom:\n  - secretRef: {name: api-secrets, optional: true}\n"),
             rule: "k8s/missing-reference", fires: false),
        Case(name: "env from a missing Secret key", text: Example.deployment(container: Example.goodProbes + "\n" + Example.goodResources + "\nenv:\n  - name: TOKEN\n    valueFrom: {secretKeyRef: {name: api-token, key: token}}\n"),
             rule: "k8s/missing-reference", fires: true),
        Case(name: "zero initialDelaySeconds is not a defaulted zero", text: Example.deployment(container: "readinessProbe:\n  httpGet: {path: /ready, port: http}\n  initialDelaySeconds: 0\n"),
             rule: "probe/zero-defaulted", fires: false),
        Case(name: "defaulted timeout against a 1s period", text: Example.deployment(container: "readinessProbe:\n  httpGet: {path: /ready, port: http}\n  periodSeconds: 1\n"),
             rule: "probe/timeout-exceeds-period", fires: true),
        Case(name: "service name too long for DNS-1035", text: Example.service().replacingOccurrences(of: "name: api\n", with: "name: 1api\n"),
             rule: "k8s/invalid-name", fires: true),
        Case(name: "multi-port Service with names", text: Example.service(), rule: "k8s/required-field", fires: false),
        Case(name: "container port 65535 is the highest valid one", text: Example.deployment().replacingOccurrences(of: "containerPort: 8080", with: "containerPort: 65535"),
             rule: "k8s/invalid-port", fires: false),
        Case(name: "container port 65536", text: Example.deployment().replacingOccurrences(of: "containerPort: 8080", with: "containerPort: 65536"),
             rule: "k8s/invalid-port", fires: true),
        Case(name: "container port 0", text: Example.deployment().replacingOccurrences(of: "containerPort: 8080", with: "containerPort: 0"),
             rule: "k8s/invalid-port", fires: true),
        Case(name: "hostPort 0 means unset", text: Example.deployment().replacingOccurrences(of: "containerPort: 8080", with: "containerPort: 8080, hostPort: 0"),
             rule: "k8s/invalid-port", fires: false),
        Case(name: "negative hostPort", text: Example.deployment().replacingOccurrences(of: "containerPort: 8080", with: "containerPort: 8080, hostPort: -1"),
             rule: "k8s/invalid-port", fires: true),
        Case(name: "numeric targetPort 0 means the port", text: Example.service(targetPort: "0"), rule: "k8s/invalid-port", fires: false),
        Case(name: "grpc probe port beyond 65535", text: Example.deployment(container: "livenessProbe:\n  grpc: {port: 70000}\n"),
             rule: "k8s/invalid-port", fires: true),
        Case(name: "named probe port", text: Example.deployment(container: "livenessProbe:\n  tcpSocket: {port: http}\n"),
             rule: "k8s/invalid-port", fires: false),
    ]

    @Test(arguments: cases)
    func behaves(c: Case) async {
        let r = await lint(c.text)
        let found = r.diagnostics.filter { $0.rule == c.rule }
        if c.fires {
            #expect(!found.isEmpty, "\(c.rule) expected: \(r.diagnostics.map { "\($0.rule): \($0.message)" })")
            if let s = c.severity { #expect(found.allSatisfy { $0.severity == s }, "\(found.map(\.severity))") }
        } else {
            #expect(found.isEmpty, "\(found.map(\.message))")
        }
        #expect(!r.diagnostics.contains { $0.rule.hasPrefix("yaml/") || $0.rule.hasPrefix("schema/") },
                "\(r.diagnostics.filter { $0.rule.hasPrefix("yaml/") || $0.rule.hasPrefix("schema/") }.map(\.message))")
    }

    @Test func messagesNameTheObjectAndField() async throws {
        let r = await lint(Example.deployment(container: "livenessProbe:\n  httpGet: {path: /live, port: http}\n  periodSeconds: 5\n  timeoutSeconds: 5\n"))
        let d = try #require(r.diagnostics.first { $0.rule == "probe/timeout-exceeds-period" })
        #expect(d.message.hasPrefix("Deployment/api: spec.template.spec.containers[0].livenessProbe: timeoutSeconds (5s)"))
        #expect(d.hint == "use a timeout of at most half the period, e.g. timeoutSeconds: 2")
        #expect(d.severity == .warning)
    }

    @Test func ignoreCommentsWorkOnKubernetesFindings() async {
        let text = Example.deployment(container: "livenessProbe:\n  httpGet: {path: /live, port: http}\n  periodSeconds: 5\n  # vigil:ignore probe/timeout-exceeds-period\n  timeoutSeconds: 5\n")
        let r = await lint(text)
        #expect(!r.diagnostics.contains { $0.rule == "probe/timeout-exceeds-period" })
    }
}
