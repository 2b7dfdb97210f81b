import Testing
import VigilCore
@testable import VigilKubernetes

/// Objects built in Swift encode in Kubernetes order and lint like hand-written ones.
@Suite struct EncodingTests {
    static func aurelis() throws -> Deployment {
        let labels: StringMap<String> = ["app.kubernetes.io/name": "aurelis"]
        let container = Container(
            name: "aurelis", image: "aurelis:v1.0.0",
            ports: [ContainerPort(name: "http", containerPort: 8080), ContainerPort(name: "metrics", containerPort: 9090)],
            resources: ResourceRequirements(requests: ["cpu": Quantity(milli: 500), "memory": try Quantity("512Mi")],
                                            limits: ["memory": try Quantity("1Gi")]),
            startupProbe: .http("/live", port: "http", periodSeconds: 10, failureThreshold: 30),
            livenessProbe: .http("/live", port: "http", periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 3),
            readinessProbe: .http("/ready", port: "http", periodSeconds: 5, timeoutSeconds: 3, failureThreshold: 3))
        return Deployment(
            metadata: ObjectMeta(name: "aurelis", namespace: "aurelis-production", labels: labels),
            spec: DeploymentSpec(replicas: 3, selector: LabelSelector(matchLabels: labels),
                                 template: PodTemplateSpec(metadata: ObjectMeta(labels: labels), spec: PodSpec(containers: [container]))))
    }

    @Test func keysComeInKubernetesOrder() throws {
        let node = try NodeEncoder().encode(Self.aurelis())
        #expect(node.mapping?.pairs.compactMap(\.key.scalarText) == ["apiVersion", "kind", "metadata", "spec"])
        let container = node["spec"]?["template"]?["spec"]?["containers"]?.sequence?.first
        #expect(container?.mapping?.pairs.compactMap(\.key.scalarText) == ["name", "image", "ports", "resources", "livenessProbe", "readinessProbe", "startupProbe"])
        #expect(container?["resources"]?["requests"]?["cpu"]?.scalarText == "500m")
        #expect(container?["livenessProbe"]?["httpGet"]?["port"]?.scalarText == "http")
    }

    @Test func renderedObjectsLintCleanAndDecodeBackTheSame() async throws {
        let yaml = try YAMLEmitter().emit(try NodeEncoder().encode(Self.aurelis()))
        let r = await lint(yaml, path: "aurelis.yaml")
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics.map(\.message))\n\(yaml)")
        let out = kubernetesLinter.registry.decode(file: SourceFile(path: "a.yaml", text: yaml))
        guard case .deployment(let d)? = (out.artifacts.first as? KubernetesArtifact)?.object else {
            Issue.record("no deployment decoded from\n\(yaml)")
            return
        }
        let original = try Self.aurelis()
        #expect(d.spec.template.spec?.containers.first?.livenessProbe == original.spec.template.spec?.containers.first?.livenessProbe)
        #expect(d.spec.template.spec?.containers.first?.resources?.limits?["memory"] == (try Quantity("1073741824")))
        #expect(try YAMLEmitter().emit(try NodeEncoder().encode(d)) == yaml)
    }

    @Test func unmodelledCRDFieldsSurviveARoundTrip() throws {
        let text = """
            apiVersion: monitoring.coreos.com/v1
            kind: ServiceMonitor
            metadata:
              name: api
            spec:
              endpoints:
              - port: http
                honorLabels: true
                relabelings:
                - action: drop
                  regex: debug
              sampleLimit: 5000
              selector:
                matchLabels:
                  app: api

            """
        let out = kubernetesLinter.registry.decode(file: SourceFile(path: "sm.yaml", text: text))
        #expect(out.diagnostics.isEmpty)
        let object = try #require((out.artifacts.first as? KubernetesArtifact)?.object)
        let yaml = try YAMLEmitter().emit(try NodeEncoder().encode(object))
        #expect(yaml.contains("honorLabels: true"))
        #expect(yaml.contains("regex: debug"))
        #expect(yaml.contains("sampleLimit: 5000"))
    }
}

/// Decoding then encoding a real manifest loses nothing: every key and value of the input is
/// in the output (compared order-independently).
@Suite struct RoundTripTests {
    static func canonical(_ node: Node) -> String {
        switch node.content {
        case .scalar(let s): return s.text.debugDescription
        case .sequence(let items): return "[" + items.map(canonical).joined(separator: ",") + "]"
        case .mapping(let m):
            return "{" + m.pairs.map { "\($0.key.scalarText ?? "?")=\(canonical($0.value))" }.sorted().joined(separator: ",") + "}"
        }
    }

    @Test(arguments: RealWorldFixtureTests.files)
    func realManifestsRoundTrip(file: String) throws {
        let text = try String(contentsOfFile: Fixtures.path("realworld/" + file), encoding: .utf8)
        let source = SourceFile(path: file, text: text)
        var originals: [Node] = []
        for d in YAMLLoader.load(source).documents {
            if KubernetesObjectKind.isModelled(d.root) { originals.append(d.root) }
            for item in d.root["items"]?.sequence ?? [] where KubernetesObjectKind.isModelled(item) { originals.append(item) }
        }
        let objects = kubernetesLinter.registry.decode(file: source).artifacts.compactMap { ($0 as? KubernetesArtifact)?.object }
        #expect(objects.count == originals.count)
        for (object, original) in zip(objects, originals) {
            let encoded = try NodeEncoder().encode(object)
            #expect(Self.canonical(encoded) == Self.canonical(original), "\(object.displayName) changed in a round trip")
        }
    }
}
