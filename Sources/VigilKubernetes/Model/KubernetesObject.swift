import VigilCore

/// One Kubernetes object of a kind Vigil models.
/// Indirect: checks pass objects around by the thousand, and a copy is one reference, not a
/// copy (and a retain) of every field of the kind's model.
public indirect enum KubernetesObject: Sendable, Encodable {
    case deployment(Deployment)
    case statefulSet(StatefulSet)
    case daemonSet(DaemonSet)
    case pod(Pod)
    case service(Service)
    case configMap(ConfigMap)
    case secret(Secret)
    case namespace(Namespace)
    case serviceAccount(ServiceAccount)
    case persistentVolumeClaim(PersistentVolumeClaim)
    case podDisruptionBudget(PodDisruptionBudget)
    case serviceMonitor(ServiceMonitor)
    case podMonitor(PodMonitor)

    /// The `kind` of the object.
    public var kind: String {
        switch self {
        case .deployment: return "Deployment"
        case .statefulSet: return "StatefulSet"
        case .daemonSet: return "DaemonSet"
        case .pod: return "Pod"
        case .service: return "Service"
        case .configMap: return "ConfigMap"
        case .secret: return "Secret"
        case .namespace: return "Namespace"
        case .serviceAccount: return "ServiceAccount"
        case .persistentVolumeClaim: return "PersistentVolumeClaim"
        case .podDisruptionBudget: return "PodDisruptionBudget"
        case .serviceMonitor: return "ServiceMonitor"
        case .podMonitor: return "PodMonitor"
        }
    }

    /// The object's metadata.
    public var metadata: ObjectMeta? {
        switch self {
        case .deployment(let o): return o.metadata
        case .statefulSet(let o): return o.metadata
        case .daemonSet(let o): return o.metadata
        case .pod(let o): return o.metadata
        case .service(let o): return o.metadata
        case .configMap(let o): return o.metadata
        case .secret(let o): return o.metadata
        case .namespace(let o): return o.metadata
        case .serviceAccount(let o): return o.metadata
        case .persistentVolumeClaim(let o): return o.metadata
        case .podDisruptionBudget(let o): return o.metadata
        case .serviceMonitor(let o): return o.metadata
        case .podMonitor(let o): return o.metadata
        }
    }

    /// Where the object was decoded from.
    public var origin: Provenance? {
        switch self {
        case .deployment(let o): return o.origin
        case .statefulSet(let o): return o.origin
        case .daemonSet(let o): return o.origin
        case .pod(let o): return o.origin
        case .service(let o): return o.origin
        case .configMap(let o): return o.origin
        case .secret(let o): return o.origin
        case .namespace(let o): return o.origin
        case .serviceAccount(let o): return o.origin
        case .persistentVolumeClaim(let o): return o.origin
        case .podDisruptionBudget(let o): return o.origin
        case .serviceMonitor(let o): return o.origin
        case .podMonitor(let o): return o.origin
        }
    }

    /// `Kind/name`, as kubectl names objects.
    public var displayName: String { "\(kind)/\(metadata?.name ?? "<unnamed>")" }

    /// Encodes the wrapped object (for rendering with `NodeEncoder`).
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .deployment(let o): try o.encode(to: encoder)
        case .statefulSet(let o): try o.encode(to: encoder)
        case .daemonSet(let o): try o.encode(to: encoder)
        case .pod(let o): try o.encode(to: encoder)
        case .service(let o): try o.encode(to: encoder)
        case .configMap(let o): try o.encode(to: encoder)
        case .secret(let o): try o.encode(to: encoder)
        case .namespace(let o): try o.encode(to: encoder)
        case .serviceAccount(let o): try o.encode(to: encoder)
        case .persistentVolumeClaim(let o): try o.encode(to: encoder)
        case .podDisruptionBudget(let o): try o.encode(to: encoder)
        case .serviceMonitor(let o): try o.encode(to: encoder)
        case .podMonitor(let o): try o.encode(to: encoder)
        }
    }
}

/// A Kubernetes object `vigil lint` decoded from a file.
public struct KubernetesArtifact: Artifact {
    public let file: SourceFile
    public let object: KubernetesObject

    public init(file: SourceFile, object: KubernetesObject) {
        self.file = file
        self.object = object
    }
}
