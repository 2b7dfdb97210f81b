import VigilCore

/// A workload's view for checks: a Deployment, StatefulSet, DaemonSet or bare Pod and the pods
/// it creates.
public struct Workload: Sendable {
    public let kind: String
    public let metadata: ObjectMeta
    public let selector: LabelSelector?
    /// The pod template's labels (a bare Pod's own labels).
    public let podLabels: StringMap<String>?
    public let podSpec: PodSpec?
    /// Field path of the pod spec in the object, e.g. `spec.template.spec`.
    public let podSpecPath: String
    public let origin: Provenance?
    /// Where the selector is written (`spec` of the object), for diagnostics.
    public let specOrigin: Provenance?
    public let templateOrigin: Provenance?
    public let object: KubernetesObject

    /// `Deployment/name`.
    public var displayName: String { "\(kind)/\(metadata.name ?? "<unnamed>")" }

    public init?(_ object: KubernetesObject) {
        switch object {
        case .deployment(let d):
            self.init(kind: "Deployment", metadata: d.metadata, selector: d.spec.selector, template: d.spec.template,
                      origin: d.origin, specOrigin: d.spec.origin, object: object)
        case .statefulSet(let s):
            self.init(kind: "StatefulSet", metadata: s.metadata, selector: s.spec.selector, template: s.spec.template,
                      origin: s.origin, specOrigin: s.spec.origin, object: object)
        case .daemonSet(let s):
            self.init(kind: "DaemonSet", metadata: s.metadata, selector: s.spec.selector, template: s.spec.template,
                      origin: s.origin, specOrigin: s.spec.origin, object: object)
        case .pod(let p):
            self.init(kind: "Pod", metadata: p.metadata, selector: nil, podLabels: p.metadata.labels, podSpec: p.spec,
                      podSpecPath: "spec", origin: p.origin, specOrigin: p.spec.origin, templateOrigin: p.origin, object: object)
        default:
            return nil
        }
    }

    private init(kind: String, metadata: ObjectMeta, selector: LabelSelector?, template: PodTemplateSpec,
                 origin: Provenance?, specOrigin: Provenance?, object: KubernetesObject) {
        self.init(kind: kind, metadata: metadata, selector: selector, podLabels: template.metadata?.labels, podSpec: template.spec,
                  podSpecPath: "spec.template.spec", origin: origin, specOrigin: specOrigin, templateOrigin: template.origin, object: object)
    }

    private init(kind: String, metadata: ObjectMeta, selector: LabelSelector?, podLabels: StringMap<String>?, podSpec: PodSpec?,
                 podSpecPath: String, origin: Provenance?, specOrigin: Provenance?, templateOrigin: Provenance?, object: KubernetesObject) {
        self.kind = kind
        self.metadata = metadata
        self.selector = selector
        self.podLabels = podLabels
        self.podSpec = podSpec
        self.podSpecPath = podSpecPath
        self.origin = origin
        self.specOrigin = specOrigin
        self.templateOrigin = templateOrigin
        self.object = object
    }

    /// Every container with its role and field path.
    public var containers: [ContainerRef] {
        guard let spec = podSpec else { return [] }
        var out: [ContainerRef] = []
        for (i, c) in (spec.initContainers ?? []).enumerated() {
            out.append(ContainerRef(container: c, role: c.restartPolicy == "Always" ? .sidecar : .initContainer,
                                    path: "\(podSpecPath).initContainers[\(i)]"))
        }
        for (i, c) in spec.containers.enumerated() {
            out.append(ContainerRef(container: c, role: .main, path: "\(podSpecPath).containers[\(i)]"))
        }
        return out
    }

    /// Containers that run for the pod's lifetime (main containers and sidecars).
    public var longRunningContainers: [ContainerRef] { containers.filter { $0.role != .initContainer } }

    /// Whether a named or numbered port is served by one of the pod's long-running containers.
    public func containerPort(matching ref: IntOrString) -> (ContainerRef, ContainerPort)? {
        for c in longRunningContainers {
            if let p = c.container.port(matching: ref) { return (c, p) }
        }
        return nil
    }
}

/// A container and where it sits in its workload.
public struct ContainerRef: Sendable {
    public enum Role: Sendable, Equatable { case main, initContainer, sidecar }
    public let container: Container
    public let role: Role
    /// Field path, e.g. `spec.template.spec.containers[0]`.
    public let path: String
}

/// Everything Kubernetes in a lint run, indexed for cross-object checks.
public struct KubernetesInventory: Sendable {
    public let objects: [KubernetesObject]
    public let workloads: [Workload]
    public let services: [Service]
    public let configMaps: [ConfigMap]
    public let secrets: [Secret]
    public let serviceMonitors: [ServiceMonitor]
    public let podMonitors: [PodMonitor]

    public init(_ context: LintContext) {
        self.init(objects: context.all(KubernetesArtifact.self).map(\.object))
    }

    public init(objects: [KubernetesObject]) {
        self.objects = objects
        var workloads: [Workload] = [], services: [Service] = [], configMaps: [ConfigMap] = [], secrets: [Secret] = []
        var sms: [ServiceMonitor] = [], pms: [PodMonitor] = []
        for o in objects {
            if let w = Workload(o) { workloads.append(w) }
            switch o {
            case .service(let s): services.append(s)
            case .configMap(let c): configMaps.append(c)
            case .secret(let s): secrets.append(s)
            case .serviceMonitor(let m): sms.append(m)
            case .podMonitor(let m): pms.append(m)
            default: break
            }
        }
        self.workloads = workloads
        self.services = services
        self.configMaps = configMaps
        self.secrets = secrets
        self.serviceMonitors = sms
        self.podMonitors = pms
    }

    /// Namespaces match when equal or when either is unset (applied with `kubectl -n`).
    public static func sameNamespace(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b, !a.isEmpty, !b.isEmpty else { return true }
        return a == b
    }

    /// The workloads whose pods a Service selects (none for a Service without selector).
    public func workloads(selectedBy service: Service) -> [Workload] {
        guard let selector = service.spec?.selector, !selector.isEmpty else { return [] }
        return workloads.filter {
            Self.sameNamespace($0.metadata.namespace, service.metadata.namespace)
                && ($0.podLabels ?? StringMap()).contains(all: selector)
        }
    }

    /// The Services that send traffic to a workload's pods.
    public func services(selecting workload: Workload) -> [Service] {
        services.filter { s in workloads(selectedBy: s).contains { $0.displayName == workload.displayName && $0.metadata.namespace == workload.metadata.namespace } }
    }

    /// The Services a ServiceMonitor selects.
    public func services(monitoredBy monitor: ServiceMonitor) -> [Service] {
        guard let selector = monitor.spec.selector else { return [] }
        return services.filter { s in
            Self.namespaceSelected(s.metadata.namespace, by: monitor.spec.namespaceSelector, monitorNamespace: monitor.metadata.namespace)
                && selector.matches(s.metadata.labels)
        }
    }

    /// The workloads a PodMonitor selects.
    public func workloads(monitoredBy monitor: PodMonitor) -> [Workload] {
        guard let selector = monitor.spec.selector else { return [] }
        return workloads.filter { w in
            Self.namespaceSelected(w.metadata.namespace, by: monitor.spec.namespaceSelector, monitorNamespace: monitor.metadata.namespace)
                && selector.matches(w.podLabels)
        }
    }

    static func namespaceSelected(_ ns: String?, by selector: NamespaceSelector?, monitorNamespace: String?) -> Bool {
        if selector?.any == true { return true }
        if let names = selector?.matchNames, !names.isEmpty {
            guard let ns else { return true }
            return names.contains(ns)
        }
        return sameNamespace(ns, monitorNamespace)
    }

    public func configMap(named name: String, namespace: String?) -> ConfigMap? {
        configMaps.first { $0.metadata.name == name && Self.sameNamespace($0.metadata.namespace, namespace) }
    }

    public func secret(named name: String, namespace: String?) -> Secret? {
        secrets.first { $0.metadata.name == name && Self.sameNamespace($0.metadata.namespace, namespace) }
    }
}
