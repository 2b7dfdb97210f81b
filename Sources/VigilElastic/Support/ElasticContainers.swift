import VigilCore
import VigilKubernetes

/// The Elastic products Vigil recognises in container images.
public enum ElasticProduct: String, Sendable, CaseIterable {
    case elasticsearch, logstash, kibana, filebeat

    /// The product an image runs: `docker.elastic.co/elasticsearch/elasticsearch:8.8.0`,
    /// `elasticsearch:8.13.4`, `bitnami/logstash:8`…
    public static func of(image: String) -> ElasticProduct? {
        // Asked of every container's image; most name no product at all, and the splits below
        // walk Characters.
        guard allCases.contains(where: { image.containsBytes($0.rawValue) }) else { return nil }
        let withoutTag = image.split(separator: "@").first.map(String.init) ?? image
        let lastPath = withoutTag.split(separator: "/").last.map(String.init) ?? withoutTag
        let name = lastPath.split(separator: ":").first.map(String.init) ?? lastPath
        return ElasticProduct(rawValue: name)
    }

    /// The major version in an image tag (`8` of `…:8.8.0`), if there is one.
    public static func majorVersion(image: String) -> Int? {
        guard let tag = image.split(separator: "/").last?.split(separator: ":").dropFirst().first else { return nil }
        let digits = tag.prefix { $0.isNumber }
        return Int(digits)
    }
}

/// One setting of an Elastic product and where it was written.
struct ElasticSetting: Sendable {
    let value: String
    let file: SourceFile?
    let range: SourceRange?
}

/// A container running an Elastic product, with its settings gathered from the environment
/// (the Docker images read `cluster.name`-style variables as settings) and, for Elasticsearch,
/// an `elasticsearch.yml` mounted from a ConfigMap of the run.
struct ElasticContainer: Sendable {
    let product: ElasticProduct
    let workload: Workload
    let ref: ContainerRef
    let settings: [String: ElasticSetting]
    let env: [String: EnvVar]

    var container: Container { ref.container }
    var file: SourceFile? { workload.origin?.file }
    var majorVersion: Int? { container.image.flatMap(ElasticProduct.majorVersion(image:)) }

    /// Replicas of the workload (1 for bare pods and unset replicas).
    var replicas: Int {
        if case .statefulSet(let s) = workload.object { return s.spec.replicas ?? 1 }
        if case .deployment(let d) = workload.object { return d.spec.replicas ?? 1 }
        return 1
    }

    var statefulSet: StatefulSet? {
        if case .statefulSet(let s) = workload.object { return s }
        return nil
    }

    func setting(_ key: String) -> ElasticSetting? { settings[key] }
    func flag(_ key: String) -> Bool? {
        switch settings[key]?.value.lowercased() {
        case "true": return true
        case "false": return false
        default: return nil
        }
    }

    /// Whether security is on: set explicitly, or by default from version 8.
    var securityEnabled: Bool {
        if let f = flag("xpack.security.enabled") { return f }
        return (majorVersion ?? 0) >= 8
    }

    /// Splits a comma-separated or YAML-list setting.
    func list(_ key: String) -> [String] {
        (settings[key]?.value ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The environment variable's literal value and where it is written.
    func envRange(_ name: String) -> (SourceFile?, SourceRange?) {
        guard let e = env[name] else { return (file, workload.origin?.range) }
        return (e.origin?.file ?? file, e.origin?.range(ofValue: "value") ?? e.origin?.range)
    }

    var memoryLimit: Quantity? { container.resources?.limits?["memory"] }

    /// The JVM options variable of the product.
    var javaOptsVariable: String? {
        switch product {
        case .elasticsearch: return "ES_JAVA_OPTS"
        case .logstash: return "LS_JAVA_OPTS"
        default: return nil
        }
    }
}

/// `-Xms`/`-Xmx` in a JVM options string.
struct JavaHeap {
    var min: Int64?
    var max: Int64?
    var minText: String?
    var maxText: String?

    init(options: String) {
        for token in options.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
            if token.hasPrefix("-Xms") { minText = String(token.dropFirst(4)); min = Self.bytes(minText ?? "") }
            if token.hasPrefix("-Xmx") { maxText = String(token.dropFirst(4)); max = Self.bytes(maxText ?? "") }
            if token.hasPrefix("-XX:MaxHeapSize=") { maxText = String(token.dropFirst(16)); max = Self.bytes(maxText ?? "") }
            if token.hasPrefix("-XX:InitialHeapSize=") { minText = String(token.dropFirst(20)); min = Self.bytes(minText ?? "") }
        }
    }

    /// JVM sizes: `512m`, `4g`, `1024k`, plain bytes.
    static func bytes(_ s: String) -> Int64? {
        guard let last = s.last else { return nil }
        let mult: Int64
        var digits = s
        switch last.lowercased() {
        case "k": mult = 1 << 10; digits.removeLast()
        case "m": mult = 1 << 20; digits.removeLast()
        case "g": mult = 1 << 30; digits.removeLast()
        case "t": mult = 1 << 40; digits.removeLast()
        default: mult = 1
        }
        guard let n = Int64(digits) else { return nil }
        return n.multipliedReportingOverflow(by: mult).overflow ? nil : n * mult
    }
}

extension LintContext {
    /// Every container of the run running an Elastic product (gathered once per run).
    var elasticContainers: [ElasticContainer] {
        shared(ElasticContainer.self) { $0.gatherElasticContainers() }
    }

    private func gatherElasticContainers() -> [ElasticContainer] {
        let inventory = KubernetesInventory.of(self)
        var out: [ElasticContainer] = []
        for (w, ref) in inventory.containers where ref.role != .initContainer {
            guard let image = ref.container.image, let product = ElasticProduct.of(image: image) else { continue }
            var env: [String: EnvVar] = [:]
            var settings: [String: ElasticSetting] = [:]
            if product == .elasticsearch {
                for (k, s) in Self.mountedElasticsearchYAML(w, ref.container, inventory) { settings[k] = s }
            }
            for e in ref.container.env ?? [] {
                env[e.name] = e
                if e.name.utf8.contains(UInt8(ascii: ".")), let v = e.value {
                    settings[e.name] = ElasticSetting(value: v, file: e.origin?.file, range: e.origin?.range(ofValue: "value") ?? e.origin?.range)
                }
            }
            out.append(ElasticContainer(product: product, workload: w, ref: ref, settings: settings, env: env))
        }
        return out
    }

    func elastic(_ product: ElasticProduct) -> [ElasticContainer] { elasticContainers.filter { $0.product == product } }

    /// Settings of an `elasticsearch.yml` mounted from a ConfigMap of the run (as a file with
    /// `subPath`, or the whole config directory), flattened to dotted keys.
    static func mountedElasticsearchYAML(_ w: Workload, _ c: Container, _ inventory: KubernetesInventory) -> [String: ElasticSetting] {
        let configDir = "/usr/share/elasticsearch/config"
        for m in c.volumeMounts ?? [] {
            let isFile = m.mountPath == configDir + "/elasticsearch.yml"
            let isDir = m.mountPath == configDir || m.mountPath == configDir + "/"
            guard isFile || isDir else { continue }
            guard let volume = w.podSpec?.volumes?.first(where: { $0.name == m.name }), let cmName = volume.configMap?.name,
                  let cm = inventory.configMap(named: cmName, namespace: w.metadata.namespace) else { continue }
            let key = isFile ? (m.subPath ?? "elasticsearch.yml") : "elasticsearch.yml"
            guard let outer = cm.origin?.file, let scalar = cm.origin?.node?["data"]?[key], scalar.scalar != nil else { continue }
            let inner = SourceFile(embeddedIn: outer, scalar: scalar)
            guard let root = YAMLLoader.load(inner).documents.first?.root else { continue }
            var out: [String: ElasticSetting] = [:]
            flatten(root, prefix: "", file: inner, into: &out, depth: 0)
            return out
        }
        return [:]
    }

    static func flatten(_ node: Node, prefix: String, file: SourceFile, into out: inout [String: ElasticSetting], depth: Int) {
        guard depth < 32 else { return }
        if let m = node.mapping {
            for p in m.pairs {
                guard let k = p.key.scalarText else { continue }
                flatten(p.value, prefix: prefix.isEmpty ? k : prefix + "." + k, file: file, into: &out, depth: depth + 1)
            }
        } else if let s = node.sequence {
            out[prefix] = ElasticSetting(value: s.compactMap(\.scalarText).joined(separator: ","), file: file, range: node.range)
        } else if let v = node.scalarText {
            out[prefix] = ElasticSetting(value: v, file: file, range: node.range)
        }
    }
}

import Foundation
