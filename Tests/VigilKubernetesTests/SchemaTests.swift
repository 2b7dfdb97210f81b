import Testing
import VigilCore
@testable import VigilKubernetes

/// Strict decoding of the modelled objects: typos, wrong types, bad values, positions.
@Suite struct SchemaTests {
    struct Case: Sendable, CustomStringConvertible {
        let container: String
        let rule: String
        let message: String
        let hint: String?
        var description: String { message }
    }

    static let cases: [Case] = [
        Case(container: "livenessProbe:\n  httpGet: {path: /live, port: http}\n  initialDelaySecond: 5\n",
             rule: "schema/unknown-field", message: "unknown field \"initialDelaySecond\" in Probe", hint: "did you mean \"initialDelaySeconds\"?"),
        Case(container: "readinessprobe:\n  httpGet: {path: /ready, port: http}\n",
             rule: "schema/unknown-field", message: "unknown field \"readinessprobe\" in Container", hint: "did you mean \"readinessProbe\"?"),
        Case(container: "resources:\n  requests: {memory: 2GB}\n",
             rule: "schema/invalid-value", message: "resources.requests.memory", hint: nil),
        Case(container: "livenessProbe:\n  httpGet: {path: /live, port: http}\n  periodSeconds: \"10\"\n",
             rule: "schema/type-mismatch", message: "expected an integer", hint: "remove the quotes"),
        Case(container: "imagePullPolicy: IfNotPresnt\n",
             rule: "schema/invalid-value", message: "invalid value \"IfNotPresnt\"", hint: "did you mean \"IfNotPresent\"?"),
        Case(container: "livenessProbe:\n  httpGet: {path: /live, port: http, scheme: http}\n",
             rule: "schema/invalid-value", message: "expected one of: HTTP, HTTPS", hint: "did you mean \"HTTP\"?"),
        Case(container: "ports:\n  - {name: grpc, containerPort: 9000, protocol: tcp}\n",
             rule: "schema/invalid-value", message: "invalid value \"tcp\"", hint: "did you mean \"TCP\"?"),
    ]

    @Test(arguments: cases)
    func modelledFieldsAreStrict(c: Case) async throws {
        let r = await lint(Example.deployment(container: c.container))
        let d = try #require(r.diagnostics.first { $0.rule == c.rule }, "\(r.diagnostics.map { "\($0.rule): \($0.message)" })")
        #expect(d.message.contains(c.message), "\(d.message)")
        #expect(d.hint == c.hint)
        #expect(d.severity == .error)
        #expect(d.message.contains("spec.template.spec.containers[0]"), "path missing from \(d.message)")
    }

    @Test func unknownFieldPointsAtTheKey() async throws {
        let text = Example.deployment(container: "livenessProbe:\n  httpGet: {path: /live, port: http}\n  initialDelaySecond: 5\n")
        let r = await lint(text)
        let d = try #require(r.diagnostics.first { $0.rule == "schema/unknown-field" })
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("initialDelaySecond:") }
        #expect(d.range?.start.line == line.map { $0 + 1 })
        #expect(d.range?.start.column == 13)
    }

    @Test func unmodelledKindsAndCRDFieldsAreLeftAlone() async {
        let text = """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: web}
            spec: {rules: [{host: example.com}], whatever: 1}
            ---
            apiVersion: monitoring.coreos.com/v1
            kind: ServiceMonitor
            metadata: {name: web}
            spec:
              selector: {matchLabels: {app: web}}
              sampleLimit: 10000
              endpoints:
                - port: http
                  honorTimestamps: false
                  metricRelabelings: [{action: drop, regex: "go_.*", sourceLabels: [__name__]}]
            ---
            apiVersion: apps/v1beta1
            kind: Deployment
            metadata: {name: legacy}
            spec: {template: {}}
            ---
            apiVersion: monitoring.coreos.com/v1
            kind: PrometheusRule
            metadata: {name: rules}
            spec: {groups: []}
            """
        let r = await lint(text)
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics.map { "\($0.rule): \($0.message)" })")
    }

    @Test func aDeploymentWithoutTemplateIsReportedNotCrashed() async {
        let r = await lint("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec: {replicas: 1}\n")
        #expect(r.diagnostics.contains { $0.rule == "schema/missing-field" && $0.message.contains("template") })
    }

    @Test func listItemsAreDecodedWithTheirPath() async throws {
        let text = """
            apiVersion: v1
            kind: List
            items:
              - apiVersion: v1
                kind: Service
                metadata: {name: a}
                spec: {ports: [{port: 80, protocl: TCP}]}
            """
        let r = await lint(text)
        let d = try #require(r.diagnostics.first { $0.rule == "schema/unknown-field" })
        #expect(d.message.hasPrefix("items[0].spec.ports[0]"), "\(d.message)")
        #expect(d.hint == "did you mean \"protocol\"?")
        #expect(d.range?.start.line == 7)
    }

    @Test func multiDocumentFilesDecodeEveryDocument() async {
        let text = Example.deployment() + "---\n" + Example.service() + "---\n# only a comment\n"
        let out = kubernetesLinter.registry.decode(file: SourceFile(path: "m.yaml", text: text))
        #expect(out.artifacts.compactMap { ($0 as? KubernetesArtifact)?.object.kind } == ["Deployment", "Service"])
    }

    @Test func secretValuesAreNeverShown() async throws {
        let text = "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData: {password: hunter2}\n"
        let out = kubernetesLinter.registry.decode(file: SourceFile(path: "s.yaml", text: text))
        let artifact = try #require(out.artifacts.first as? KubernetesArtifact)
        guard case .secret(let s) = artifact.object else { Issue.record("not a secret"); return }
        #expect(s.keys == ["password"])
        #expect(s.stringData.map { String(describing: $0) } == "[password: <redacted>]")
        #expect(s.stringData?["password"]?.value == "hunter2")
    }
}
