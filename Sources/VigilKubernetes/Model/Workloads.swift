import VigilCore

/// An `apps/v1` Deployment: replicated stateless pods.
public struct Deployment: Sendable, Codable {
    public var apiVersion: String
    public var kind: String
    public var metadata: ObjectMeta
    public var spec: DeploymentSpec
    public var status: KeptNode?
    public var origin: Provenance?

    public init(metadata: ObjectMeta, spec: DeploymentSpec) {
        self.apiVersion = "apps/v1"
        self.kind = "Deployment"
        self.metadata = metadata
        self.spec = spec
    }
}

public struct DeploymentSpec: Sendable, Codable {
    public var replicas: Int?
    public var selector: LabelSelector?
    public var template: PodTemplateSpec
    public var strategy: KeptNode?
    public var minReadySeconds: Int?
    public var revisionHistoryLimit: Int?
    public var paused: Bool?
    public var progressDeadlineSeconds: Int?
    public var origin: Provenance?

    public init(replicas: Int? = nil, selector: LabelSelector?, template: PodTemplateSpec, strategy: KeptNode? = nil) {
        self.replicas = replicas
        self.selector = selector
        self.template = template
        self.strategy = strategy
    }
}

/// An `apps/v1` StatefulSet: pods with stable identities and storage.
public struct StatefulSet: Sendable, Codable {
    public var apiVersion: String
    public var kind: String
    public var metadata: ObjectMeta
    public var spec: StatefulSetSpec
    public var status: KeptNode?
    public var origin: Provenance?

    public init(metadata: ObjectMeta, spec: StatefulSetSpec) {
        self.apiVersion = "apps/v1"
        self.kind = "StatefulSet"
        self.metadata = metadata
        self.spec = spec
    }
}

public struct StatefulSetSpec: Sendable, Codable {
    public enum PodManagementPolicy: String, Sendable, Codable, CaseIterable, StrictEnum {
        case orderedReady = "OrderedReady", parallel = "Parallel"
    }

    public var replicas: Int?
    public var selector: LabelSelector?
    public var template: PodTemplateSpec
    public var volumeClaimTemplates: [PersistentVolumeClaim]?
    /// The headless Service that gives the pods their DNS names.
    public var serviceName: String?
    public var podManagementPolicy: PodManagementPolicy?
    public var updateStrategy: KeptNode?
    public var revisionHistoryLimit: Int?
    public var minReadySeconds: Int?
    public var persistentVolumeClaimRetentionPolicy: KeptNode?
    public var ordinals: KeptNode?
    public var origin: Provenance?

    public init(replicas: Int? = nil, selector: LabelSelector?, template: PodTemplateSpec, serviceName: String?,
                volumeClaimTemplates: [PersistentVolumeClaim]? = nil, podManagementPolicy: PodManagementPolicy? = nil) {
        self.replicas = replicas
        self.selector = selector
        self.template = template
        self.serviceName = serviceName
        self.volumeClaimTemplates = volumeClaimTemplates
        self.podManagementPolicy = podManagementPolicy
    }
}

/// An `apps/v1` DaemonSet: one pod per node.
public struct DaemonSet: Sendable, Codable {
    public var apiVersion: String
    public var kind: String
    public var metadata: ObjectMeta
    public var spec: DaemonSetSpec
    public var status: KeptNode?
    public var origin: Provenance?

    public init(metadata: ObjectMeta, spec: DaemonSetSpec) {
        self.apiVersion = "apps/v1"
        self.kind = "DaemonSet"
        self.metadata = metadata
        self.spec = spec
    }
}

public struct DaemonSetSpec: Sendable, Codable {
    public var selector: LabelSelector?
    public var template: PodTemplateSpec
    public var updateStrategy: KeptNode?
    public var minReadySeconds: Int?
    public var revisionHistoryLimit: Int?
    public var origin: Provenance?

    public init(selector: LabelSelector?, template: PodTemplateSpec, updateStrategy: KeptNode? = nil) {
        self.selector = selector
        self.template = template
        self.updateStrategy = updateStrategy
    }
}

/// A bare `v1` Pod.
public struct Pod: Sendable, Codable {
    public var apiVersion: String
    public var kind: String
    public var metadata: ObjectMeta
    public var spec: PodSpec
    public var status: KeptNode?
    public var origin: Provenance?

    public init(metadata: ObjectMeta, spec: PodSpec) {
        self.apiVersion = "v1"
        self.kind = "Pod"
        self.metadata = metadata
        self.spec = spec
    }
}

/// A `v1` PersistentVolumeClaim (also a StatefulSet's `volumeClaimTemplates` entry).
public struct PersistentVolumeClaim: Sendable, Codable {
    public var apiVersion: String?
    public var kind: String?
    public var metadata: ObjectMeta?
    public var spec: PersistentVolumeClaimSpec?
    public var status: KeptNode?
    public var origin: Provenance?

    public init(metadata: ObjectMeta, spec: PersistentVolumeClaimSpec) {
        self.metadata = metadata
        self.spec = spec
    }
}

public struct PersistentVolumeClaimSpec: Sendable, Codable {
    public var accessModes: [String]?
    public var resources: ResourceRequirements?
    public var storageClassName: String?
    public var selector: LabelSelector?
    public var volumeMode: String?
    public var volumeName: String?
    public var dataSource: KeptNode?
    public var dataSourceRef: KeptNode?
    public var volumeAttributesClassName: String?
    public var origin: Provenance?

    public init(accessModes: [String], storage: Quantity, storageClassName: String? = nil) {
        self.accessModes = accessModes
        self.resources = ResourceRequirements(requests: ["storage": storage])
        self.storageClassName = storageClassName
    }
}

/// A `policy/v1` PodDisruptionBudget.
public struct PodDisruptionBudget: Sendable, Codable {
    public var apiVersion: String
    public var kind: String
    public var metadata: ObjectMeta
    public var spec: PodDisruptionBudgetSpec?
    public var status: KeptNode?
    public var origin: Provenance?

    public init(metadata: ObjectMeta, spec: PodDisruptionBudgetSpec) {
        self.apiVersion = "policy/v1"
        self.kind = "PodDisruptionBudget"
        self.metadata = metadata
        self.spec = spec
    }
}

public struct PodDisruptionBudgetSpec: Sendable, Codable {
    public var minAvailable: IntOrString?
    public var maxUnavailable: IntOrString?
    public var selector: LabelSelector?
    public var unhealthyPodEvictionPolicy: String?
    public var origin: Provenance?

    public init(minAvailable: IntOrString? = nil, maxUnavailable: IntOrString? = nil, selector: LabelSelector?) {
        self.minAvailable = minAvailable
        self.maxUnavailable = maxUnavailable
        self.selector = selector
    }
}

// MARK: Decoding

// Read field by field, in declaration order (as the synthesized `init(from:)` would).

extension Deployment: FieldDecodable {
    public init(fields f: FieldReader) throws {
        apiVersion = try f.decode("apiVersion")
        kind = try f.decode("kind")
        metadata = try f.decode("metadata")
        spec = try f.decode("spec")
        status = f.decodeIfPresent("status")
        origin = f.provenance
    }
}

extension DeploymentSpec: FieldDecodable {
    public init(fields f: FieldReader) throws {
        replicas = f.decodeIfPresent("replicas")
        selector = f.decodeIfPresent("selector")
        template = try f.decode("template")
        strategy = f.decodeIfPresent("strategy")
        minReadySeconds = f.decodeIfPresent("minReadySeconds")
        revisionHistoryLimit = f.decodeIfPresent("revisionHistoryLimit")
        paused = f.decodeIfPresent("paused")
        progressDeadlineSeconds = f.decodeIfPresent("progressDeadlineSeconds")
        origin = f.provenance
    }
}

extension StatefulSet: FieldDecodable {
    public init(fields f: FieldReader) throws {
        apiVersion = try f.decode("apiVersion")
        kind = try f.decode("kind")
        metadata = try f.decode("metadata")
        spec = try f.decode("spec")
        status = f.decodeIfPresent("status")
        origin = f.provenance
    }
}

extension StatefulSetSpec: FieldDecodable {
    public init(fields f: FieldReader) throws {
        replicas = f.decodeIfPresent("replicas")
        selector = f.decodeIfPresent("selector")
        template = try f.decode("template")
        volumeClaimTemplates = f.decodeIfPresent("volumeClaimTemplates")
        serviceName = f.decodeIfPresent("serviceName")
        podManagementPolicy = f.decodeIfPresent("podManagementPolicy")
        updateStrategy = f.decodeIfPresent("updateStrategy")
        revisionHistoryLimit = f.decodeIfPresent("revisionHistoryLimit")
        minReadySeconds = f.decodeIfPresent("minReadySeconds")
        persistentVolumeClaimRetentionPolicy = f.decodeIfPresent("persistentVolumeClaimRetentionPolicy")
        ordinals = f.decodeIfPresent("ordinals")
        origin = f.provenance
    }
}

extension DaemonSet: FieldDecodable {
    public init(fields f: FieldReader) throws {
        apiVersion = try f.decode("apiVersion")
        kind = try f.decode("kind")
        metadata = try f.decode("metadata")
        spec = try f.decode("spec")
        status = f.decodeIfPresent("status")
        origin = f.provenance
    }
}

extension DaemonSetSpec: FieldDecodable {
    public init(fields f: FieldReader) throws {
        selector = f.decodeIfPresent("selector")
        template = try f.decode("template")
        updateStrategy = f.decodeIfPresent("updateStrategy")
        minReadySeconds = f.decodeIfPresent("minReadySeconds")
        revisionHistoryLimit = f.decodeIfPresent("revisionHistoryLimit")
        origin = f.provenance
    }
}

extension Pod: FieldDecodable {
    public init(fields f: FieldReader) throws {
        apiVersion = try f.decode("apiVersion")
        kind = try f.decode("kind")
        metadata = try f.decode("metadata")
        spec = try f.decode("spec")
        status = f.decodeIfPresent("status")
        origin = f.provenance
    }
}

extension PersistentVolumeClaim: FieldDecodable {
    public init(fields f: FieldReader) throws {
        apiVersion = f.decodeIfPresent("apiVersion")
        kind = f.decodeIfPresent("kind")
        metadata = f.decodeIfPresent("metadata")
        spec = f.decodeIfPresent("spec")
        status = f.decodeIfPresent("status")
        origin = f.provenance
    }
}

extension PersistentVolumeClaimSpec: FieldDecodable {
    public init(fields f: FieldReader) throws {
        accessModes = f.decodeIfPresent("accessModes")
        resources = f.decodeIfPresent("resources")
        storageClassName = f.decodeIfPresent("storageClassName")
        selector = f.decodeIfPresent("selector")
        volumeMode = f.decodeIfPresent("volumeMode")
        volumeName = f.decodeIfPresent("volumeName")
        dataSource = f.decodeIfPresent("dataSource")
        dataSourceRef = f.decodeIfPresent("dataSourceRef")
        volumeAttributesClassName = f.decodeIfPresent("volumeAttributesClassName")
        origin = f.provenance
    }
}

extension PodDisruptionBudget: FieldDecodable {
    public init(fields f: FieldReader) throws {
        apiVersion = try f.decode("apiVersion")
        kind = try f.decode("kind")
        metadata = try f.decode("metadata")
        spec = f.decodeIfPresent("spec")
        status = f.decodeIfPresent("status")
        origin = f.provenance
    }
}

extension PodDisruptionBudgetSpec: FieldDecodable {
    public init(fields f: FieldReader) throws {
        minAvailable = f.decodeIfPresent("minAvailable")
        maxUnavailable = f.decodeIfPresent("maxUnavailable")
        selector = f.decodeIfPresent("selector")
        unhealthyPodEvictionPolicy = f.decodeIfPresent("unhealthyPodEvictionPolicy")
        origin = f.provenance
    }
}
