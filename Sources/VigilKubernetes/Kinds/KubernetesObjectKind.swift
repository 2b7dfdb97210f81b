import VigilCore

/// Recognises Kubernetes objects of the modelled kinds by `apiVersion` and `kind` (and `List`
/// documents holding them) and decodes them strictly. Other kinds are left to other modules.
public struct KubernetesObjectKind: FileKind {
    public init() {}
    public var name: String { "kubernetes" }

    /// The modelled kinds and the `apiVersion` each is read under.
    static let modelled: [String: String] = [
        "Deployment": "apps/v1", "StatefulSet": "apps/v1", "DaemonSet": "apps/v1",
        "Pod": "v1", "Service": "v1", "ConfigMap": "v1", "Secret": "v1", "Namespace": "v1",
        "ServiceAccount": "v1", "PersistentVolumeClaim": "v1",
        "PodDisruptionBudget": "policy/v1",
        "ServiceMonitor": "monitoring.coreos.com/v1", "PodMonitor": "monitoring.coreos.com/v1",
    ]

    /// ConfigMap keys whose values are linted as embedded files.
    public static let embeddedSuffixes = [".yml", ".yaml", ".json", ".conf"]

    static func isModelled(_ node: Node) -> Bool {
        guard let kind = node["kind"]?.scalarText, let api = node["apiVersion"]?.scalarText else { return false }
        return modelled[kind] == api
    }

    static func isList(_ node: Node) -> Bool {
        guard let kind = node["kind"]?.scalarText, node["apiVersion"]?.scalarText != nil,
              kind.hasSuffix("List"), node["items"]?.sequence != nil else { return false }
        return true
    }

    public func matches(_ document: Document) -> Bool {
        guard document.root.mapping != nil else { return false }
        return Self.isModelled(document.root) || Self.isList(document.root)
    }

    public func decode(_ document: Document, embedded: EmbeddedDecoder) -> DecodeOutput {
        let root = document.root
        var out = DecodeOutput()
        if Self.isList(root) {
            let decoder = StrictDecoder(file: document.file)
            // The list envelope: only apiVersion, kind, metadata, items.
            for p in root.mapping?.pairs ?? [] {
                guard let key = p.key.scalarText, !["apiVersion", "kind", "metadata", "items"].contains(key) else { continue }
                out.diagnostics.append(Diagnostic(rule: SchemaRule.unknownField, severity: .error,
                                                  message: "unknown field \"\(key)\" in \(root["kind"]?.scalarText ?? "List")",
                                                  in: document.file, range: p.key.range))
            }
            for (i, item) in (root["items"]?.sequence ?? []).enumerated() where Self.isModelled(item) {
                out.append(Self.decodeObject(item, decoder: decoder, file: document.file, path: ["items[\(i)]"], embedded: embedded))
            }
            return out
        }
        return Self.decodeObject(root, decoder: StrictDecoder(file: document.file), file: document.file, path: [], embedded: embedded)
    }

    static func decodeObject(_ node: Node, decoder: StrictDecoder, file: SourceFile, path: [String], embedded: EmbeddedDecoder?) -> DecodeOutput {
        let (object, diagnostics) = KubernetesObjects.decode(node, decoder: decoder, path: path)
        var out = DecodeOutput(diagnostics: diagnostics)
        guard let object else { return out }
        out.artifacts.append(KubernetesArtifact(file: file, object: object))
        if let embedded {
            switch object {
            case .configMap: out.append(EmbeddedFiles.inConfigMap(node, file: file, embedded: embedded))
            case .secret: out.append(EmbeddedFiles.inSecret(node, file: file, embedded: embedded))
            default: break
            }
        }
        return out
    }
}

/// Decoding Kubernetes objects outside a lint run (other modules, the stack generator).
public enum KubernetesObjects {
    /// Decodes one object node of a modelled kind; nil (with diagnostics) when it cannot be built
    /// or its kind is not modelled.
    public static func decode(_ node: Node, file: SourceFile) -> (object: KubernetesObject?, diagnostics: [Diagnostic]) {
        decode(node, decoder: StrictDecoder(file: file), path: [])
    }

    static func decode(_ node: Node, decoder: StrictDecoder, path: [String]) -> (object: KubernetesObject?, diagnostics: [Diagnostic]) {
        func run<T: Decodable>(_ type: T.Type, _ wrap: (T) -> KubernetesObject) -> (KubernetesObject?, [Diagnostic]) {
            let (v, d) = decoder.decode(T.self, from: node, path: path)
            return (v.map(wrap), d)
        }
        switch node["kind"]?.scalarText ?? "" {
        case "Deployment": return run(Deployment.self, KubernetesObject.deployment)
        case "StatefulSet": return run(StatefulSet.self, KubernetesObject.statefulSet)
        case "DaemonSet": return run(DaemonSet.self, KubernetesObject.daemonSet)
        case "Pod": return run(Pod.self, KubernetesObject.pod)
        case "Service": return run(Service.self, KubernetesObject.service)
        case "ConfigMap": return run(ConfigMap.self, KubernetesObject.configMap)
        case "Secret": return run(Secret.self, KubernetesObject.secret)
        case "Namespace": return run(Namespace.self, KubernetesObject.namespace)
        case "ServiceAccount": return run(ServiceAccount.self, KubernetesObject.serviceAccount)
        case "PersistentVolumeClaim": return run(PersistentVolumeClaim.self, KubernetesObject.persistentVolumeClaim)
        case "PodDisruptionBudget": return run(PodDisruptionBudget.self, KubernetesObject.podDisruptionBudget)
        case "ServiceMonitor": return run(ServiceMonitor.self, KubernetesObject.serviceMonitor)
        case "PodMonitor": return run(PodMonitor.self, KubernetesObject.podMonitor)
        default: return (nil, [])
        }
    }
}
