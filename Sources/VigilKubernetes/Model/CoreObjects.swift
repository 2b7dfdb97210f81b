import VigilCore

/// A `v1` Service.
public struct Service: Sendable, Codable {
    public var apiVersion: String
    public var kind: String
    public var metadata: ObjectMeta
    public var spec: ServiceSpec?
    public var status: KeptNode?
    public var origin: Provenance?

    public init(metadata: ObjectMeta, spec: ServiceSpec) {
        self.apiVersion = "v1"
        self.kind = "Service"
        self.metadata = metadata
        self.spec = spec
    }

    /// Whether the Service is headless (`clusterIP: None`), as a StatefulSet's governing
    /// Service must be.
    public var isHeadless: Bool { spec?.clusterIP == "None" }
}

public struct ServiceSpec: Sendable, Codable {
    public enum ServiceType: String, Sendable, Codable, CaseIterable, StrictEnum {
        case clusterIP = "ClusterIP", nodePort = "NodePort", loadBalancer = "LoadBalancer", externalName = "ExternalName"
    }

    public var type: ServiceType?
    public var selector: StringMap<String>?
    public var ports: [ServicePort]?
    public var clusterIP: String?
    public var clusterIPs: [String]?
    public var externalIPs: [String]?
    public var externalName: String?
    public var sessionAffinity: String?
    public var sessionAffinityConfig: KeptNode?
    public var loadBalancerIP: String?
    public var loadBalancerSourceRanges: [String]?
    public var loadBalancerClass: String?
    public var externalTrafficPolicy: String?
    public var internalTrafficPolicy: String?
    public var healthCheckNodePort: Int?
    public var publishNotReadyAddresses: Bool?
    public var ipFamilies: [String]?
    public var ipFamilyPolicy: String?
    public var allocateLoadBalancerNodePorts: Bool?
    public var trafficDistribution: String?
    public var origin: Provenance?

    public init(type: ServiceType? = nil, selector: StringMap<String>?, ports: [ServicePort], clusterIP: String? = nil) {
        self.type = type
        self.selector = selector
        self.ports = ports
        self.clusterIP = clusterIP
    }
}

/// A port a Service exposes and the pod port (`targetPort`, number or name) it forwards to.
public struct ServicePort: Sendable, Codable {
    public var name: String?
    public var `protocol`: PortProtocol?
    public var appProtocol: String?
    public var port: Int
    public var targetPort: IntOrString?
    public var nodePort: Int?
    public var origin: Provenance?

    public init(name: String? = nil, port: Int, targetPort: IntOrString? = nil, protocol proto: PortProtocol? = nil) {
        self.name = name
        self.port = port
        self.targetPort = targetPort
        self.protocol = proto
    }

    /// The pod port traffic goes to (`targetPort`, defaulting to `port`).
    public var effectiveTargetPort: IntOrString { targetPort ?? .int(port) }
}

/// A `v1` ConfigMap. Values whose keys name a config file (`*.yml`, `*.yaml`, `*.json`,
/// `*.conf`) are linted as the files they hold.
public struct ConfigMap: Sendable, Codable {
    public var apiVersion: String
    public var kind: String
    public var metadata: ObjectMeta
    public var data: StringMap<String>?
    public var binaryData: StringMap<String>?
    public var immutable: Bool?
    public var origin: Provenance?

    public init(metadata: ObjectMeta, data: StringMap<String>) {
        self.apiVersion = "v1"
        self.kind = "ConfigMap"
        self.metadata = metadata
        self.data = data
    }
}

/// A Secret value: encoded as written, never shown in descriptions, diffs or reports.
public struct SecretValue: Sendable, Codable, Hashable, CustomStringConvertible {
    public var value: String
    public init(_ value: String) { self.value = value }
    public var description: String { "<redacted>" }
    public init(from decoder: any Decoder) throws {
        value = try decoder.singleValueContainer().decode(String.self)
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(value)
    }
}

/// A `v1` Secret: Vigil reads its metadata and keys and never prints its values.
public struct Secret: Sendable, Codable {
    public var apiVersion: String
    public var kind: String
    public var metadata: ObjectMeta
    public var type: String?
    public var data: StringMap<SecretValue>?
    public var stringData: StringMap<SecretValue>?
    public var immutable: Bool?
    public var origin: Provenance?

    public init(metadata: ObjectMeta, type: String? = nil, stringData: StringMap<SecretValue>) {
        self.apiVersion = "v1"
        self.kind = "Secret"
        self.metadata = metadata
        self.type = type
        self.stringData = stringData
    }

    /// The keys the Secret defines (`data` and `stringData`).
    public var keys: [String] { (data?.keys ?? []) + (stringData?.keys ?? []) }
}

/// A `v1` Namespace.
public struct Namespace: Sendable, Codable {
    public var apiVersion: String
    public var kind: String
    public var metadata: ObjectMeta
    public var spec: KeptNode?
    public var status: KeptNode?
    public var origin: Provenance?

    public init(metadata: ObjectMeta) {
        self.apiVersion = "v1"
        self.kind = "Namespace"
        self.metadata = metadata
    }
}

/// A `v1` ServiceAccount.
public struct ServiceAccount: Sendable, Codable {
    public var apiVersion: String
    public var kind: String
    public var metadata: ObjectMeta
    public var secrets: KeptNode?
    public var imagePullSecrets: KeptNode?
    public var automountServiceAccountToken: Bool?
    public var origin: Provenance?

    public init(metadata: ObjectMeta, automountServiceAccountToken: Bool? = nil) {
        self.apiVersion = "v1"
        self.kind = "ServiceAccount"
        self.metadata = metadata
        self.automountServiceAccountToken = automountServiceAccountToken
    }
}

// MARK: Decoding

// Read field by field, in declaration order (as the synthesized `init(from:)` would).

extension Service: FieldDecodable {
    public init(fields f: FieldReader) throws {
        apiVersion = try f.decode("apiVersion")
        kind = try f.decode("kind")
        metadata = try f.decode("metadata")
        spec = f.decodeIfPresent("spec")
        status = f.decodeIfPresent("status")
        origin = f.provenance
    }
}

extension ServiceSpec: FieldDecodable {
    public init(fields f: FieldReader) throws {
        type = f.decodeIfPresent("type")
        selector = f.decodeIfPresent("selector")
        ports = f.decodeIfPresent("ports")
        clusterIP = f.decodeIfPresent("clusterIP")
        clusterIPs = f.decodeIfPresent("clusterIPs")
        externalIPs = f.decodeIfPresent("externalIPs")
        externalName = f.decodeIfPresent("externalName")
        sessionAffinity = f.decodeIfPresent("sessionAffinity")
        sessionAffinityConfig = f.decodeIfPresent("sessionAffinityConfig")
        loadBalancerIP = f.decodeIfPresent("loadBalancerIP")
        loadBalancerSourceRanges = f.decodeIfPresent("loadBalancerSourceRanges")
        loadBalancerClass = f.decodeIfPresent("loadBalancerClass")
        externalTrafficPolicy = f.decodeIfPresent("externalTrafficPolicy")
        internalTrafficPolicy = f.decodeIfPresent("internalTrafficPolicy")
        healthCheckNodePort = f.decodeIfPresent("healthCheckNodePort")
        publishNotReadyAddresses = f.decodeIfPresent("publishNotReadyAddresses")
        ipFamilies = f.decodeIfPresent("ipFamilies")
        ipFamilyPolicy = f.decodeIfPresent("ipFamilyPolicy")
        allocateLoadBalancerNodePorts = f.decodeIfPresent("allocateLoadBalancerNodePorts")
        trafficDistribution = f.decodeIfPresent("trafficDistribution")
        origin = f.provenance
    }
}

extension ServicePort: FieldDecodable {
    public init(fields f: FieldReader) throws {
        name = f.decodeIfPresent("name")
        `protocol` = f.decodeIfPresent("protocol")
        appProtocol = f.decodeIfPresent("appProtocol")
        port = try f.decode("port")
        targetPort = f.decodeIfPresent("targetPort")
        nodePort = f.decodeIfPresent("nodePort")
        origin = f.provenance
    }
}

extension ConfigMap: FieldDecodable {
    public init(fields f: FieldReader) throws {
        apiVersion = try f.decode("apiVersion")
        kind = try f.decode("kind")
        metadata = try f.decode("metadata")
        data = f.decodeIfPresent("data")
        binaryData = f.decodeIfPresent("binaryData")
        immutable = f.decodeIfPresent("immutable")
        origin = f.provenance
    }
}

extension Secret: FieldDecodable {
    public init(fields f: FieldReader) throws {
        apiVersion = try f.decode("apiVersion")
        kind = try f.decode("kind")
        metadata = try f.decode("metadata")
        type = f.decodeIfPresent("type")
        data = f.decodeIfPresent("data")
        stringData = f.decodeIfPresent("stringData")
        immutable = f.decodeIfPresent("immutable")
        origin = f.provenance
    }
}

extension Namespace: FieldDecodable {
    public init(fields f: FieldReader) throws {
        apiVersion = try f.decode("apiVersion")
        kind = try f.decode("kind")
        metadata = try f.decode("metadata")
        spec = f.decodeIfPresent("spec")
        status = f.decodeIfPresent("status")
        origin = f.provenance
    }
}

extension ServiceAccount: FieldDecodable {
    public init(fields f: FieldReader) throws {
        apiVersion = try f.decode("apiVersion")
        kind = try f.decode("kind")
        metadata = try f.decode("metadata")
        secrets = f.decodeIfPresent("secrets")
        imagePullSecrets = f.decodeIfPresent("imagePullSecrets")
        automountServiceAccountToken = f.decodeIfPresent("automountServiceAccountToken")
        origin = f.provenance
    }
}
