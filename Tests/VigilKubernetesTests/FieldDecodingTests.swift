import Foundation
import Testing
@testable import VigilCore
@testable import VigilKubernetes

/// The Kubernetes models decode through `FieldDecodable`; their synthesized `init(from:)` stays
/// for other decoders. Both paths must give the same objects and the same findings, on real
/// manifests and on broken ones.
@Suite struct FieldDecodingTests {
    /// What one path made of a document: the object as JSON, and every finding.
    struct Outcome: Equatable, CustomStringConvertible {
        let json: String?
        let findings: [String]
        var description: String { (json ?? "<no object>") + "\n" + findings.joined(separator: "\n") }
    }

    static func outcome(_ node: Node, file: SourceFile, throughCodable: Bool) throws -> Outcome {
        let decoder = StrictDecoder(file: file, decodesThroughCodable: throughCodable)
        let (object, diagnostics) = KubernetesObjects.decode(node, decoder: decoder, path: [])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = try object.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        let findings = diagnostics.map { d in
            "\(d.rule) \(d.severity) \(d.range.map { "\($0.start.line):\($0.start.column)" } ?? "-") \(d.message) \(d.hint ?? "")"
        }
        return Outcome(json: json, findings: findings)
    }

    /// Every object document of `text` (and the items of `List`s), decoded both ways.
    static func compareBothPaths(_ text: String, path: String) throws -> Int {
        let loaded = YAMLLoader.load(text: text, path: path)
        var compared = 0
        for document in loaded.documents {
            let nodes = document.root["kind"]?.scalarText == "List" ? (document.root["items"]?.sequence ?? []) : [document.root]
            for node in nodes where node.mapping != nil {
                let direct = try outcome(node, file: document.file, throughCodable: false)
                let codable = try outcome(node, file: document.file, throughCodable: true)
                #expect(direct == codable, "\(path) line \(node.range.start.line)")
                compared += 1
            }
        }
        return compared
    }

    static func fixtureTexts() throws -> [(String, String)] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
        var out: [(String, String)] = []
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "yaml" } ?? []
        for url in files.sorted(by: { $0.path < $1.path }) {
            out.append((url.path, try String(contentsOf: url, encoding: .utf8)))
        }
        return out
    }

    @Test func fixturesAndGeneratedManifestsDecodeTheSameBothWays() throws {
        var compared = 0
        for (path, text) in try Self.fixtureTexts() {
            compared += try Self.compareBothPaths(text, path: path)
        }
        for (name, text) in ManifestGenerator.mixed(count: 40) {
            compared += try Self.compareBothPaths(text, path: name)
        }
        #expect(compared > 100)
    }

    /// Defects at every level of the models, each decoded both ways.
    static let brokenContainers: [String] = [
        "livenessProbe:\n  httpGet: {path: /live, port: http}\n  initialDelaySecond: 5\n",
        "readinessprobe:\n  httpGet: {path: /ready, port: http}\n",
        "resources:\n  requests: {memory: 2GB, cpu: [1]}\n  limits: {memory: {a: 1}}\n",
        "resources:\n  requests: 5\n",
        "livenessProbe:\n  httpGet: {path: /live, port: http}\n  periodSeconds: \"10\"\n  timeoutSeconds: 1.5\n",
        "livenessProbe:\n  httpGet: {path: /live, port: [80]}\n",
        "livenessProbe:\n  httpGet: {path: /live}\n",
        "livenessProbe:\n  httpGet: null\n  exec: {command: [a, {b: c}]}\n",
        "livenessProbe:\n  tcpSocket: {port: \"8080\"}\n  terminationGracePeriodSeconds: x\n",
        "imagePullPolicy: IfNotPresnt\n",
        "ports:\n  - {name: grpc, containerPort: 9000, protocol: tcp}\n  - {name: http}\n  - 80\n  - {containerPort: 8080, hostPort: -1, extra: 1}\n",
        "env:\n  - {name: A, value: 1}\n  - {value: b}\n  - {name: C, valueFrom: {secretKeyRef: {name: s}}}\n  - {name: D, valueFrom: {configMapKeyRef: {name: c, key: k, optional: maybe}}}\n",
        "envFrom:\n  - {configMapRef: {name: c}, prefix: [x]}\n",
        "command: [run, {x: 1}, 3]\nargs: run\n",
        "volumeMounts:\n  - {name: data}\n  - {name: cfg, mountPath: /etc, readOnly: yes}\n",
        "lifecycle:\n  preStop: {sleep: {seconds: \"5\"}}\n  postStart: {exec: {command: [a]}, httpGet: {port: 80, scheme: ftp}}\n",
        "securityContext: {runAsUser: -1, runAsNonRoot: \"true\", capabilities: {drop: [ALL]}, privilegd: false}\n",
        "stdin: null\ntty: ~\nworkingDir: \"\"\nimage: \"null\"\n",
        "name: [x]\n",
    ]

    @Test(arguments: brokenContainers)
    func brokenContainersDecodeTheSameBothWays(container: String) throws {
        let text = Example.deployment(container: container)
        #expect(try Self.compareBothPaths(text, path: "broken.yaml") == 1)
    }

    static let brokenObjects: [String] = [
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a, labels: {app: a, tier: {x: 1}}}\nspec: {template: {spec: {containers: []}}}\n",
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a, generation: x, finalizers: a}\nspec: {selector: {matchLabels: [a]}, template: {metadata: {labels: null}, spec: {containers: [{name: c, image: i}]}}}\n",
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: [a]\nspec: {}\n",
        "apiVersion: apps/v1\nkind: Deployment\nspec: {template: {spec: {volumes: [{name: v, configMap: {name: c, defaultMode: 0644}}, {name: w, secret: {secretName: s, optional: 1}}, {name: x, emptyDir: {sizeLimit: 1Zi}}, {name: y, persistentVolumeClaim: {}}, {configMap: {}}], containers: [{name: c}]}}}\n",
        "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: s}\nspec: {serviceName: s, podManagementPolicy: parallel, selector: {matchExpressions: [{key: a, operator: in, values: [x]}, {operator: Exists}]}, template: {spec: {containers: [{name: c, image: i}]}}, volumeClaimTemplates: [{metadata: {name: d}, spec: {accessModes: [RWO], resources: {requests: {storage: 1Gi}}}}, {spec: {resources: {requests: {storage: lots}}}}]}\n",
        "apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: d}\nspec: {selector: {}, template: {spec: {containers: [{name: c, image: i}], hostNetwork: maybe, priority: high, nodeSelector: {a: 1, b: [2]}}}, updateStrategy: {type: RollingUpdate}}\n",
        "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {type: clusterIP, selector: {app: a}, ports: [{port: 80, targetPort: http}, {port: x}, {port: 81, targetPort: [1]}, {name: p, port: 82, targetPort: 8080, protocl: TCP}], clusterIPs: None}\n",
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: 1, b: [x], c: {d: e}}\nimmutable: 1\n",
        "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata: {a: YQ==, b: [x]}\nstringData: {c: d}\n",
        "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: p}\nspec: {minAvailable: 50%, maxUnavailable: [1], selector: {matchLabels: {a: b}}}\n",
        "apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata: {name: m}\nspec: {selector: {matchLabels: {a: b}}, endpoints: [{port: web, interval: 30s, honorLabels: true}, {targetPort: [x]}], namespaceSelector: {any: yes, matchNames: x}, sampleLimit: 10}\n",
        "apiVersion: monitoring.coreos.com/v1\nkind: PodMonitor\nmetadata: {name: m}\nspec: {podMetricsEndpoints: [{port: web, portNumber: x}], selector: {}}\n",
        "apiVersion: v1\nkind: Pod\nmetadata: {name: p, annotations: {a: b, a: c}}\nspec: {containers: [{name: c, image: i, ports: [{containerPort: 80, containerPort: 81}]}]}\n",
        "apiVersion: v1\nkind: Namespace\nmetadata: {name: n, labels: {a: b}}\nspec: {finalizers: [kubernetes]}\nextra: 1\n",
        "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: s}\nautomountServiceAccountToken: no\nsecrets: [{name: t}]\n",
        "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: c}\nspec: {accessModes: ReadWriteOnce, resources: {limits: {storage: 2Gi}, requests: [x]}, volumeMode: Filesystem}\n",
    ]

    @Test(arguments: brokenObjects)
    func brokenObjectsDecodeTheSameBothWays(object: String) throws {
        #expect(try Self.compareBothPaths(object, path: "broken.yaml") == 1)
    }

    /// An optional 64-bit field with a bad value is reported and left out: the model is kept,
    /// so its other fields are still checked (both paths; Codable's default would fail the model).
    @Test func badOptionalInt64FieldKeepsTheModel() async throws {
        let text = "apiVersion: v1\nkind: Pod\nmetadata: {name: p, generation: x}\nspec: {containers: [{name: c, image: i, livenessProbe: {exec: {command: [a]}, terminationGracePeriodSeconds: y}}], nodeName: [n]}\n"
        for throughCodable in [false, true] {
            let document = try #require(YAMLLoader.load(text: text, path: "pod.yaml").documents.first)
            let outcome = try Self.outcome(document.root, file: document.file, throughCodable: throughCodable)
            #expect(outcome.json != nil)
            #expect(outcome.findings.count == 3, "\(outcome)")
            #expect(outcome.findings.contains { $0.contains("metadata.generation: expected an integer") })
            #expect(outcome.findings.contains { $0.contains("livenessProbe.terminationGracePeriodSeconds: expected an integer") })
        }
    }
}
