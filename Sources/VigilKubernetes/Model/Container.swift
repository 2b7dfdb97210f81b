import VigilCore

/// A container of a pod (also init and sidecar containers).
public struct Container: Sendable, Codable {
    public enum PullPolicy: String, Sendable, Codable, CaseIterable, StrictEnum {
        case always = "Always", never = "Never", ifNotPresent = "IfNotPresent"
    }

    public var name: String
    public var image: String?
    public var command: [String]?
    public var args: [String]?
    public var workingDir: String?
    public var ports: [ContainerPort]?
    public var envFrom: [EnvFromSource]?
    public var env: [EnvVar]?
    public var resources: ResourceRequirements?
    public var resizePolicy: KeptNode?
    /// `Always` on an init container makes it a sidecar (runs for the pod's lifetime).
    public var restartPolicy: String?
    public var volumeMounts: [VolumeMount]?
    public var volumeDevices: KeptNode?
    public var livenessProbe: Probe?
    public var readinessProbe: Probe?
    public var startupProbe: Probe?
    public var lifecycle: Lifecycle?
    public var terminationMessagePath: String?
    public var terminationMessagePolicy: String?
    public var imagePullPolicy: PullPolicy?
    public var securityContext: SecurityContext?
    public var stdin: Bool?
    public var stdinOnce: Bool?
    public var tty: Bool?
    public var origin: Provenance?

    public init(name: String, image: String?, command: [String]? = nil, args: [String]? = nil,
                ports: [ContainerPort]? = nil, env: [EnvVar]? = nil, envFrom: [EnvFromSource]? = nil,
                resources: ResourceRequirements? = nil, volumeMounts: [VolumeMount]? = nil,
                startupProbe: Probe? = nil, livenessProbe: Probe? = nil, readinessProbe: Probe? = nil,
                lifecycle: Lifecycle? = nil, securityContext: SecurityContext? = nil,
                imagePullPolicy: PullPolicy? = nil, restartPolicy: String? = nil) {
        self.name = name
        self.image = image
        self.command = command
        self.args = args
        self.ports = ports
        self.env = env
        self.envFrom = envFrom
        self.resources = resources
        self.volumeMounts = volumeMounts
        self.startupProbe = startupProbe
        self.livenessProbe = livenessProbe
        self.readinessProbe = readinessProbe
        self.lifecycle = lifecycle
        self.securityContext = securityContext
        self.imagePullPolicy = imagePullPolicy
        self.restartPolicy = restartPolicy
    }

    /// The container port a probe or Service port refers to: by number or by name.
    public func port(matching ref: IntOrString) -> ContainerPort? { Container.port(matching: ref, in: ports) }

    /// The number a port reference resolves to (named ports through `ports`).
    public func resolve(_ ref: IntOrString) -> Int? { Container.resolve(ref, in: ports) }

    static func port(matching ref: IntOrString, in ports: [ContainerPort]?) -> ContainerPort? {
        switch ref {
        case .int(let n): return ports?.first { $0.containerPort == n }
        case .string(let s): return ports?.first { $0.name == s }
        }
    }

    static func resolve(_ ref: IntOrString, in ports: [ContainerPort]?) -> Int? {
        switch ref {
        case .int(let n): return n
        case .string(let s):
            if let n = Int(s) { return n }
            return ports?.first { $0.name == s }?.containerPort
        }
    }
}

/// A port a container listens on.
public struct ContainerPort: Sendable, Codable {
    public var name: String?
    public var containerPort: Int
    public var `protocol`: PortProtocol?
    public var hostPort: Int?
    public var hostIP: String?
    public var origin: Provenance?

    public init(name: String? = nil, containerPort: Int, protocol proto: PortProtocol? = nil) {
        self.name = name
        self.containerPort = containerPort
        self.protocol = proto
    }
}

/// Transport protocol of a port.
public enum PortProtocol: String, Sendable, Codable, CaseIterable, StrictEnum {
    case tcp = "TCP", udp = "UDP", sctp = "SCTP"
}

/// An environment variable: a literal `value` or a `valueFrom` reference.
public struct EnvVar: Sendable, Codable {
    public var name: String
    public var value: String?
    public var valueFrom: EnvVarSource?
    public var origin: Provenance?

    public init(name: String, value: String? = nil, valueFrom: EnvVarSource? = nil) {
        self.name = name
        self.value = value
        self.valueFrom = valueFrom
    }
}

/// Where an environment variable's value comes from.
public struct EnvVarSource: Sendable, Codable {
    public var fieldRef: KeptNode?
    public var resourceFieldRef: KeptNode?
    public var configMapKeyRef: KeySelector?
    public var secretKeyRef: KeySelector?
    public var fileKeyRef: KeptNode?
    public var origin: Provenance?

    public init(configMapKeyRef: KeySelector? = nil, secretKeyRef: KeySelector? = nil) {
        self.configMapKeyRef = configMapKeyRef
        self.secretKeyRef = secretKeyRef
    }
}

/// A key of a ConfigMap or Secret.
public struct KeySelector: Sendable, Codable {
    public var name: String?
    public var key: String
    public var optional: Bool?
    public var origin: Provenance?

    public init(name: String, key: String, optional: Bool? = nil) {
        self.name = name
        self.key = key
        self.optional = optional
    }
}

/// All keys of a ConfigMap or Secret as environment variables.
public struct EnvFromSource: Sendable, Codable {
    public var prefix: String?
    public var configMapRef: ObjectReference?
    public var secretRef: ObjectReference?
    public var origin: Provenance?

    public init(prefix: String? = nil, configMapRef: ObjectReference? = nil, secretRef: ObjectReference? = nil) {
        self.prefix = prefix
        self.configMapRef = configMapRef
        self.secretRef = secretRef
    }
}

/// A reference to a ConfigMap or Secret by name.
public struct ObjectReference: Sendable, Codable {
    public var name: String?
    public var optional: Bool?
    public var origin: Provenance?

    public init(name: String, optional: Bool? = nil) {
        self.name = name
        self.optional = optional
    }
}

/// Where a volume is mounted in a container.
public struct VolumeMount: Sendable, Codable {
    public var name: String
    public var mountPath: String
    public var readOnly: Bool?
    public var subPath: String?
    public var subPathExpr: String?
    public var mountPropagation: String?
    public var recursiveReadOnly: String?
    public var origin: Provenance?

    public init(name: String, mountPath: String, readOnly: Bool? = nil, subPath: String? = nil) {
        self.name = name
        self.mountPath = mountPath
        self.readOnly = readOnly
        self.subPath = subPath
    }
}

/// Hooks run after a container starts and before it stops.
public struct Lifecycle: Sendable, Codable {
    public var postStart: LifecycleHandler?
    public var preStop: LifecycleHandler?
    public var stopSignal: String?
    public var origin: Provenance?

    public init(postStart: LifecycleHandler? = nil, preStop: LifecycleHandler? = nil) {
        self.postStart = postStart
        self.preStop = preStop
    }
}

/// One lifecycle hook.
public struct LifecycleHandler: Sendable, Codable {
    public var exec: ExecAction?
    public var httpGet: HTTPGetAction?
    public var tcpSocket: TCPSocketAction?
    public var sleep: SleepAction?
    public var origin: Provenance?

    public init(exec: ExecAction? = nil, httpGet: HTTPGetAction? = nil, sleep: SleepAction? = nil) {
        self.exec = exec
        self.httpGet = httpGet
        self.sleep = sleep
    }
}

/// Pauses for a number of seconds (a `preStop` that lets endpoints drain).
public struct SleepAction: Sendable, Codable {
    public var seconds: Int64
    public init(seconds: Int64) { self.seconds = seconds }
}

/// A container's security settings.
public struct SecurityContext: Sendable, Codable {
    public var runAsUser: Int64?
    public var runAsGroup: Int64?
    public var runAsNonRoot: Bool?
    public var readOnlyRootFilesystem: Bool?
    public var allowPrivilegeEscalation: Bool?
    public var privileged: Bool?
    public var capabilities: KeptNode?
    public var seLinuxOptions: KeptNode?
    public var seccompProfile: KeptNode?
    public var appArmorProfile: KeptNode?
    public var windowsOptions: KeptNode?
    public var procMount: String?
    public var origin: Provenance?

    public init(runAsUser: Int64? = nil, runAsNonRoot: Bool? = nil, readOnlyRootFilesystem: Bool? = nil,
                allowPrivilegeEscalation: Bool? = nil) {
        self.runAsUser = runAsUser
        self.runAsNonRoot = runAsNonRoot
        self.readOnlyRootFilesystem = readOnlyRootFilesystem
        self.allowPrivilegeEscalation = allowPrivilegeEscalation
    }
}

// MARK: Decoding

// Read field by field, in declaration order (as the synthesized `init(from:)` would).

extension Container: FieldDecodable {
    public init(fields f: FieldReader) throws {
        name = try f.decode("name")
        image = f.decodeIfPresent("image")
        command = f.decodeIfPresent("command")
        args = f.decodeIfPresent("args")
        workingDir = f.decodeIfPresent("workingDir")
        ports = f.decodeIfPresent("ports")
        envFrom = f.decodeIfPresent("envFrom")
        env = f.decodeIfPresent("env")
        resources = f.decodeIfPresent("resources")
        resizePolicy = f.decodeIfPresent("resizePolicy")
        restartPolicy = f.decodeIfPresent("restartPolicy")
        volumeMounts = f.decodeIfPresent("volumeMounts")
        volumeDevices = f.decodeIfPresent("volumeDevices")
        livenessProbe = f.decodeIfPresent("livenessProbe")
        readinessProbe = f.decodeIfPresent("readinessProbe")
        startupProbe = f.decodeIfPresent("startupProbe")
        lifecycle = f.decodeIfPresent("lifecycle")
        terminationMessagePath = f.decodeIfPresent("terminationMessagePath")
        terminationMessagePolicy = f.decodeIfPresent("terminationMessagePolicy")
        imagePullPolicy = f.decodeIfPresent("imagePullPolicy")
        securityContext = f.decodeIfPresent("securityContext")
        stdin = f.decodeIfPresent("stdin")
        stdinOnce = f.decodeIfPresent("stdinOnce")
        tty = f.decodeIfPresent("tty")
        origin = f.provenance
    }
}

extension ContainerPort: FieldDecodable {
    public init(fields f: FieldReader) throws {
        name = f.decodeIfPresent("name")
        containerPort = try f.decode("containerPort")
        `protocol` = f.decodeIfPresent("protocol")
        hostPort = f.decodeIfPresent("hostPort")
        hostIP = f.decodeIfPresent("hostIP")
        origin = f.provenance
    }
}

extension EnvVar: FieldDecodable {
    public init(fields f: FieldReader) throws {
        name = try f.decode("name")
        value = f.decodeIfPresent("value")
        valueFrom = f.decodeIfPresent("valueFrom")
        origin = f.provenance
    }
}

extension EnvVarSource: FieldDecodable {
    public init(fields f: FieldReader) throws {
        fieldRef = f.decodeIfPresent("fieldRef")
        resourceFieldRef = f.decodeIfPresent("resourceFieldRef")
        configMapKeyRef = f.decodeIfPresent("configMapKeyRef")
        secretKeyRef = f.decodeIfPresent("secretKeyRef")
        fileKeyRef = f.decodeIfPresent("fileKeyRef")
        origin = f.provenance
    }
}

extension KeySelector: FieldDecodable {
    public init(fields f: FieldReader) throws {
        name = f.decodeIfPresent("name")
        key = try f.decode("key")
        optional = f.decodeIfPresent("optional")
        origin = f.provenance
    }
}

extension EnvFromSource: FieldDecodable {
    public init(fields f: FieldReader) throws {
        prefix = f.decodeIfPresent("prefix")
        configMapRef = f.decodeIfPresent("configMapRef")
        secretRef = f.decodeIfPresent("secretRef")
        origin = f.provenance
    }
}

extension ObjectReference: FieldDecodable {
    public init(fields f: FieldReader) throws {
        name = f.decodeIfPresent("name")
        optional = f.decodeIfPresent("optional")
        origin = f.provenance
    }
}

extension VolumeMount: FieldDecodable {
    public init(fields f: FieldReader) throws {
        name = try f.decode("name")
        mountPath = try f.decode("mountPath")
        readOnly = f.decodeIfPresent("readOnly")
        subPath = f.decodeIfPresent("subPath")
        subPathExpr = f.decodeIfPresent("subPathExpr")
        mountPropagation = f.decodeIfPresent("mountPropagation")
        recursiveReadOnly = f.decodeIfPresent("recursiveReadOnly")
        origin = f.provenance
    }
}

extension Lifecycle: FieldDecodable {
    public init(fields f: FieldReader) throws {
        postStart = f.decodeIfPresent("postStart")
        preStop = f.decodeIfPresent("preStop")
        stopSignal = f.decodeIfPresent("stopSignal")
        origin = f.provenance
    }
}

extension LifecycleHandler: FieldDecodable {
    public init(fields f: FieldReader) throws {
        exec = f.decodeIfPresent("exec")
        httpGet = f.decodeIfPresent("httpGet")
        tcpSocket = f.decodeIfPresent("tcpSocket")
        sleep = f.decodeIfPresent("sleep")
        origin = f.provenance
    }
}

extension SleepAction: FieldDecodable {
    public init(fields f: FieldReader) throws {
        seconds = try f.decode("seconds")
    }
}

extension SecurityContext: FieldDecodable {
    public init(fields f: FieldReader) throws {
        runAsUser = f.decodeIfPresent("runAsUser")
        runAsGroup = f.decodeIfPresent("runAsGroup")
        runAsNonRoot = f.decodeIfPresent("runAsNonRoot")
        readOnlyRootFilesystem = f.decodeIfPresent("readOnlyRootFilesystem")
        allowPrivilegeEscalation = f.decodeIfPresent("allowPrivilegeEscalation")
        privileged = f.decodeIfPresent("privileged")
        capabilities = f.decodeIfPresent("capabilities")
        seLinuxOptions = f.decodeIfPresent("seLinuxOptions")
        seccompProfile = f.decodeIfPresent("seccompProfile")
        appArmorProfile = f.decodeIfPresent("appArmorProfile")
        windowsOptions = f.decodeIfPresent("windowsOptions")
        procMount = f.decodeIfPresent("procMount")
        origin = f.provenance
    }
}
