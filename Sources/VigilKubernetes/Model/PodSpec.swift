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

// MARK: Decoding

// Read field by field, in declaration order (as the synthesized `init(from:)` would).

extension PodSpec: FieldDecodable {
    public init(fields f: FieldReader) throws {
        volumes = f.decodeIfPresent("volumes")
        initContainers = f.decodeIfPresent("initContainers")
        containers = try f.decode("containers")
        ephemeralContainers = f.decodeIfPresent("ephemeralContainers")
        restartPolicy = f.decodeIfPresent("restartPolicy")
        terminationGracePeriodSeconds = f.decodeIfPresent("terminationGracePeriodSeconds")
        activeDeadlineSeconds = f.decodeIfPresent("activeDeadlineSeconds")
        dnsPolicy = f.decodeIfPresent("dnsPolicy")
        nodeSelector = f.decodeIfPresent("nodeSelector")
        serviceAccountName = f.decodeIfPresent("serviceAccountName")
        serviceAccount = f.decodeIfPresent("serviceAccount")
        automountServiceAccountToken = f.decodeIfPresent("automountServiceAccountToken")
        nodeName = f.decodeIfPresent("nodeName")
        hostNetwork = f.decodeIfPresent("hostNetwork")
        hostPID = f.decodeIfPresent("hostPID")
        hostIPC = f.decodeIfPresent("hostIPC")
        shareProcessNamespace = f.decodeIfPresent("shareProcessNamespace")
        securityContext = f.decodeIfPresent("securityContext")
        imagePullSecrets = f.decodeIfPresent("imagePullSecrets")
        hostname = f.decodeIfPresent("hostname")
        subdomain = f.decodeIfPresent("subdomain")
        affinity = f.decodeIfPresent("affinity")
        schedulerName = f.decodeIfPresent("schedulerName")
        tolerations = f.decodeIfPresent("tolerations")
        hostAliases = f.decodeIfPresent("hostAliases")
        priorityClassName = f.decodeIfPresent("priorityClassName")
        priority = f.decodeIfPresent("priority")
        dnsConfig = f.decodeIfPresent("dnsConfig")
        readinessGates = f.decodeIfPresent("readinessGates")
        runtimeClassName = f.decodeIfPresent("runtimeClassName")
        enableServiceLinks = f.decodeIfPresent("enableServiceLinks")
        preemptionPolicy = f.decodeIfPresent("preemptionPolicy")
        overhead = f.decodeIfPresent("overhead")
        topologySpreadConstraints = f.decodeIfPresent("topologySpreadConstraints")
        setHostnameAsFQDN = f.decodeIfPresent("setHostnameAsFQDN")
        os = f.decodeIfPresent("os")
        hostUsers = f.decodeIfPresent("hostUsers")
        schedulingGates = f.decodeIfPresent("schedulingGates")
        resourceClaims = f.decodeIfPresent("resourceClaims")
        resources = f.decodeIfPresent("resources")
        hostnameOverride = f.decodeIfPresent("hostnameOverride")
        origin = f.provenance
    }
}

extension PodTemplateSpec: FieldDecodable {
    public init(fields f: FieldReader) throws {
        metadata = f.decodeIfPresent("metadata")
        spec = f.decodeIfPresent("spec")
        origin = f.provenance
    }
}

extension Volume: FieldDecodable {
    public init(fields f: FieldReader) throws {
        name = try f.decode("name")
        configMap = f.decodeIfPresent("configMap")
        secret = f.decodeIfPresent("secret")
        emptyDir = f.decodeIfPresent("emptyDir")
        persistentVolumeClaim = f.decodeIfPresent("persistentVolumeClaim")
        projected = f.decodeIfPresent("projected")
        hostPath = f.decodeIfPresent("hostPath")
        downwardAPI = f.decodeIfPresent("downwardAPI")
        csi = f.decodeIfPresent("csi")
        ephemeral = f.decodeIfPresent("ephemeral")
        image = f.decodeIfPresent("image")
        nfs = f.decodeIfPresent("nfs")
        iscsi = f.decodeIfPresent("iscsi")
        glusterfs = f.decodeIfPresent("glusterfs")
        rbd = f.decodeIfPresent("rbd")
        flexVolume = f.decodeIfPresent("flexVolume")
        cinder = f.decodeIfPresent("cinder")
        cephfs = f.decodeIfPresent("cephfs")
        flocker = f.decodeIfPresent("flocker")
        fc = f.decodeIfPresent("fc")
        azureFile = f.decodeIfPresent("azureFile")
        azureDisk = f.decodeIfPresent("azureDisk")
        vsphereVolume = f.decodeIfPresent("vsphereVolume")
        quobyte = f.decodeIfPresent("quobyte")
        photonPersistentDisk = f.decodeIfPresent("photonPersistentDisk")
        portworxVolume = f.decodeIfPresent("portworxVolume")
        scaleIO = f.decodeIfPresent("scaleIO")
        storageos = f.decodeIfPresent("storageos")
        gcePersistentDisk = f.decodeIfPresent("gcePersistentDisk")
        awsElasticBlockStore = f.decodeIfPresent("awsElasticBlockStore")
        gitRepo = f.decodeIfPresent("gitRepo")
        origin = f.provenance
    }
}

extension ConfigMapVolumeSource: FieldDecodable {
    public init(fields f: FieldReader) throws {
        name = f.decodeIfPresent("name")
        items = f.decodeIfPresent("items")
        defaultMode = f.decodeIfPresent("defaultMode")
        optional = f.decodeIfPresent("optional")
        origin = f.provenance
    }
}

extension SecretVolumeSource: FieldDecodable {
    public init(fields f: FieldReader) throws {
        secretName = f.decodeIfPresent("secretName")
        items = f.decodeIfPresent("items")
        defaultMode = f.decodeIfPresent("defaultMode")
        optional = f.decodeIfPresent("optional")
        origin = f.provenance
    }
}

extension EmptyDirVolumeSource: FieldDecodable {
    public init(fields f: FieldReader) throws {
        medium = f.decodeIfPresent("medium")
        sizeLimit = f.decodeIfPresent("sizeLimit")
        origin = f.provenance
    }
}

extension PVCVolumeSource: FieldDecodable {
    public init(fields f: FieldReader) throws {
        claimName = try f.decode("claimName")
        readOnly = f.decodeIfPresent("readOnly")
        origin = f.provenance
    }
}

extension ProjectedVolumeSource: FieldDecodable {
    public init(fields f: FieldReader) throws {
        sources = f.decodeIfPresent("sources")
        defaultMode = f.decodeIfPresent("defaultMode")
        origin = f.provenance
    }
}

extension VolumeProjection: FieldDecodable {
    public init(fields f: FieldReader) throws {
        configMap = f.decodeIfPresent("configMap")
        secret = f.decodeIfPresent("secret")
        serviceAccountToken = f.decodeIfPresent("serviceAccountToken")
        downwardAPI = f.decodeIfPresent("downwardAPI")
        clusterTrustBundle = f.decodeIfPresent("clusterTrustBundle")
        podCertificate = f.decodeIfPresent("podCertificate")
        origin = f.provenance
    }
}

extension ProjectedSecret: FieldDecodable {
    public init(fields f: FieldReader) throws {
        name = f.decodeIfPresent("name")
        items = f.decodeIfPresent("items")
        optional = f.decodeIfPresent("optional")
        origin = f.provenance
    }
}
