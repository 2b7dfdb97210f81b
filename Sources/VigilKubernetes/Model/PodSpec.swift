import VigilCore

/// A pod's specification: containers, volumes and scheduling. Fields Vigil does not check
/// (affinity, tolerations, DNS…) are kept as written.
public struct PodSpec: Sendable, Codable {
    public var volumes: [Volume]?
    public var initContainers: [Container]?
    public var containers: [Container]
    public var ephemeralContainers: KeptNode?
    public var restartPolicy: String?
    public var terminationGracePeriodSeconds: Int64?
    public var activeDeadlineSeconds: Int64?
    public var dnsPolicy: String?
    public var nodeSelector: StringMap<String>?
    public var serviceAccountName: String?
    public var serviceAccount: String?
    public var automountServiceAccountToken: Bool?
    public var nodeName: String?
    public var hostNetwork: Bool?
    public var hostPID: Bool?
    public var hostIPC: Bool?
    public var shareProcessNamespace: Bool?
    public var securityContext: KeptNode?
    public var imagePullSecrets: KeptNode?
    public var hostname: String?
    public var subdomain: String?
    public var affinity: KeptNode?
    public var schedulerName: String?
    public var tolerations: KeptNode?
    public var hostAliases: KeptNode?
    public var priorityClassName: String?
    public var priority: Int?
    public var dnsConfig: KeptNode?
    public var readinessGates: KeptNode?
    public var runtimeClassName: String?
    public var enableServiceLinks: Bool?
    public var preemptionPolicy: String?
    public var overhead: KeptNode?
    public var topologySpreadConstraints: KeptNode?
    public var setHostnameAsFQDN: Bool?
    public var os: KeptNode?
    public var hostUsers: Bool?
    public var schedulingGates: KeptNode?
    public var resourceClaims: KeptNode?
    public var resources: KeptNode?
    public var hostnameOverride: String?
    public var origin: Provenance?

    public init(containers: [Container], initContainers: [Container]? = nil, volumes: [Volume]? = nil,
                serviceAccountName: String? = nil, terminationGracePeriodSeconds: Int64? = nil,
                securityContext: KeptNode? = nil, affinity: KeptNode? = nil, tolerations: KeptNode? = nil,
                nodeSelector: StringMap<String>? = nil) {
        self.containers = containers
        self.initContainers = initContainers
        self.volumes = volumes
        self.serviceAccountName = serviceAccountName
        self.terminationGracePeriodSeconds = terminationGracePeriodSeconds
        self.securityContext = securityContext
        self.affinity = affinity
        self.tolerations = tolerations
        self.nodeSelector = nodeSelector
    }

    /// Init containers with `restartPolicy: Always`: sidecars that run beside the main ones.
    public var sidecars: [Container] { (initContainers ?? []).filter { $0.restartPolicy == "Always" } }
}

/// A pod template: the labels and spec of the pods a workload creates.
public struct PodTemplateSpec: Sendable, Codable {
    public var metadata: ObjectMeta?
    public var spec: PodSpec?
    public var origin: Provenance?

    public init(metadata: ObjectMeta? = nil, spec: PodSpec) {
        self.metadata = metadata
        self.spec = spec
    }
}

/// A pod volume. The common sources are typed; the others are kept as written.
public struct Volume: Sendable, Codable {
    public var name: String
    public var configMap: ConfigMapVolumeSource?
    public var secret: SecretVolumeSource?
    public var emptyDir: EmptyDirVolumeSource?
    public var persistentVolumeClaim: PVCVolumeSource?
    public var projected: ProjectedVolumeSource?
    public var hostPath: KeptNode?
    public var downwardAPI: KeptNode?
    public var csi: KeptNode?
    public var ephemeral: KeptNode?
    public var image: KeptNode?
    public var nfs: KeptNode?
    public var iscsi: KeptNode?
    public var glusterfs: KeptNode?
    public var rbd: KeptNode?
    public var flexVolume: KeptNode?
    public var cinder: KeptNode?
    public var cephfs: KeptNode?
    public var flocker: KeptNode?
    public var fc: KeptNode?
    public var azureFile: KeptNode?
    public var azureDisk: KeptNode?
    public var vsphereVolume: KeptNode?
    public var quobyte: KeptNode?
    public var photonPersistentDisk: KeptNode?
    public var portworxVolume: KeptNode?
    public var scaleIO: KeptNode?
    public var storageos: KeptNode?
    public var gcePersistentDisk: KeptNode?
    public var awsElasticBlockStore: KeptNode?
    public var gitRepo: KeptNode?
    public var origin: Provenance?

    public init(name: String, configMap: ConfigMapVolumeSource? = nil, secret: SecretVolumeSource? = nil,
                emptyDir: EmptyDirVolumeSource? = nil, persistentVolumeClaim: PVCVolumeSource? = nil,
                projected: ProjectedVolumeSource? = nil) {
        self.name = name
        self.configMap = configMap
        self.secret = secret
        self.emptyDir = emptyDir
        self.persistentVolumeClaim = persistentVolumeClaim
        self.projected = projected
    }
}

/// A ConfigMap mounted as files.
public struct ConfigMapVolumeSource: Sendable, Codable {
    public var name: String?
    public var items: KeptNode?
    public var defaultMode: Int?
    public var optional: Bool?
    public var origin: Provenance?
    public init(name: String, optional: Bool? = nil) {
        self.name = name
        self.optional = optional
    }
}

/// A Secret mounted as files.
public struct SecretVolumeSource: Sendable, Codable {
    public var secretName: String?
    public var items: KeptNode?
    public var defaultMode: Int?
    public var optional: Bool?
    public var origin: Provenance?
    public init(secretName: String, optional: Bool? = nil) {
        self.secretName = secretName
        self.optional = optional
    }
}

/// A scratch directory that lives as long as the pod.
public struct EmptyDirVolumeSource: Sendable, Codable {
    public var medium: String?
    public var sizeLimit: Quantity?
    public var origin: Provenance?
    public init(medium: String? = nil, sizeLimit: Quantity? = nil) {
        self.medium = medium
        self.sizeLimit = sizeLimit
    }
}

/// A PersistentVolumeClaim mounted by name.
public struct PVCVolumeSource: Sendable, Codable {
    public var claimName: String
    public var readOnly: Bool?
    public var origin: Provenance?
    public init(claimName: String, readOnly: Bool? = nil) {
        self.claimName = claimName
        self.readOnly = readOnly
    }
}

/// Several sources projected into one directory.
public struct ProjectedVolumeSource: Sendable, Codable {
    public var sources: [VolumeProjection]?
    public var defaultMode: Int?
    public var origin: Provenance?
    public init(sources: [VolumeProjection]) { self.sources = sources }
}

/// One source of a projected volume.
public struct VolumeProjection: Sendable, Codable {
    public var configMap: ConfigMapVolumeSource?
    public var secret: ProjectedSecret?
    public var serviceAccountToken: KeptNode?
    public var downwardAPI: KeptNode?
    public var clusterTrustBundle: KeptNode?
    public var podCertificate: KeptNode?
    public var origin: Provenance?
    public init(configMap: ConfigMapVolumeSource? = nil, secret: ProjectedSecret? = nil) {
        self.configMap = configMap
        self.secret = secret
    }
}

/// A Secret in a projected volume (named by `name`, unlike a secret volume's `secretName`).
public struct ProjectedSecret: Sendable, Codable {
    public var name: String?
    public var items: KeptNode?
    public var optional: Bool?
    public var origin: Provenance?
    public init(name: String, optional: Bool? = nil) {
        self.name = name
        self.optional = optional
    }
}
