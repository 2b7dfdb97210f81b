import VigilCore

/// A workload's view for checks: a Deployment, StatefulSet, DaemonSet or bare Pod and the pods
/// it creates. A class, so that the many references checks hold to it cost nothing to copy.
public final class Workload: Sendable {
    public let kind: String
    public let metadata: ObjectMeta
    public let selector: LabelSelector?
    /// The pod template's labels (a bare Pod's own labels).
    public let podLabels: StringMap<String>?
    /// The pod template's annotations (a bare Pod's own).
    public let podAnnotations: StringMap<String>?
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

    public convenience init?(_ object: KubernetesObject) {
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
            self.init(kind: "Pod", metadata: p.metadata, selector: nil, podLabels: p.metadata.labels,
                      podAnnotations: p.metadata.annotations, podSpec: p.spec,
                      podSpecPath: "spec", origin: p.origin, specOrigin: p.spec.origin, templateOrigin: p.origin, object: object)
        default:
            return nil
        }
    }

    private convenience init(kind: String, metadata: ObjectMeta, selector: LabelSelector?, template: PodTemplateSpec,
                 origin: Provenance?, specOrigin: Provenance?, object: KubernetesObject) {
        self.init(kind: kind, metadata: metadata, selector: selector, podLabels: template.metadata?.labels,
                  podAnnotations: template.metadata?.annotations, podSpec: template.spec,
                  podSpecPath: "spec.template.spec", origin: origin, specOrigin: specOrigin, templateOrigin: template.origin, object: object)
    }

    private init(kind: String, metadata: ObjectMeta, selector: LabelSelector?, podLabels: StringMap<String>?,
                 podAnnotations: StringMap<String>?, podSpec: PodSpec?,
                 podSpecPath: String, origin: Provenance?, specOrigin: Provenance?, templateOrigin: Provenance?, object: KubernetesObject) {
        self.kind = kind
        self.metadata = metadata
        self.selector = selector
        self.podLabels = podLabels
        self.podAnnotations = podAnnotations
        self.podSpec = podSpec
        self.podSpecPath = podSpecPath
        self.origin = origin
        self.specOrigin = specOrigin
        self.templateOrigin = templateOrigin
        self.object = object
        self.containers = Workload.makeContainers(podSpec, podSpecPath)
    }

    /// Every container with its role and field path.
    public let containers: [ContainerRef]

    private static func makeContainers(_ podSpec: PodSpec?, _ podSpecPath: String) -> [ContainerRef] {
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
            if let p = c.port(matching: ref) { return (c, p) }
        }
        return nil
    }
}

/// A container and where it sits in its workload.
public final class ContainerRef: Sendable {
    public enum Role: Sendable, Equatable { case main, initContainer, sidecar }
    public let container: Container
    public let role: Role
    /// Field path, e.g. `spec.template.spec.containers[0]`.
    public let path: String

    init(container: Container, role: Role, path: String) {
        self.container = container
        self.role = role
        self.path = path
    }

    // Checks ask through the reference: passing `container` on copies all its fields.

    /// The container port a probe or Service port refers to: by number or by name.
    public func port(matching ref: IntOrString) -> ContainerPort? { Container.port(matching: ref, in: container.ports) }

    /// The number a port reference resolves to (named ports through `ports`).
    public func resolve(_ ref: IntOrString) -> Int? { Container.resolve(ref, in: container.ports) }
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
    /// Every container of every workload in the run.
    public let containers: [(Workload, ContainerRef)]
    /// Every probe of every workload in the run.
    public let probes: [ProbeRef]
    /// Workload indices by pod label `key=value`, to find what a selector selects quickly.
    private let workloadsByLabel: [String: [Int]]
    /// Service indices by label `key=value` and by name.
    private let servicesByLabel: [String: [Int]]
    private let servicesByName: [String: [Int]]
    private let configMapsByName: [String: [Int]]
    private let secretsByName: [String: [Int]]
    /// How many workloads each namespace has ("" for those without one).
    private let workloadsPerNamespace: [String: Int]

    /// The inventory of a lint run, built once and shared by every check of the run.
    public static func of(_ context: LintContext) -> KubernetesInventory {
        context.shared(KubernetesInventory.self) { KubernetesInventory($0) }
    }

    public init(_ context: LintContext) {
        self.init(objects: context.all(KubernetesArtifact.self).map(\.object))
    }

    public init(objects: [KubernetesObject]) {
        self.objects = objects
        var workloads: [Workload] = [], services: [Service] = [], configMaps: [ConfigMap] = [], secrets: [Secret] = []
        var sms: [ServiceMonitor] = [], pms: [PodMonitor] = []
        // Workloads and their probes on all cores: building them copies every pod spec, and the
        // checks of a run wait for the inventory.
        var probes: [ProbeRef] = []
        for built in objects.parallelMap({ o in Workload(o).map { w in (w, w.probes) } }) {
            guard let (w, p) = built else { continue }
            workloads.append(w)
            probes.append(contentsOf: p)
        }
        for o in objects {
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
        self.containers = workloads.flatMap { w in w.containers.map { (w, $0) } }
        self.probes = probes
        var byLabel: [String: [Int]] = [:]
        for (i, w) in workloads.enumerated() {
            for (k, v) in w.podLabels ?? StringMap() { byLabel[k + "=" + v, default: []].append(i) }
        }
        self.workloadsByLabel = byLabel
        var perNamespace: [String: Int] = [:]
        for w in workloads { perNamespace[w.metadata.namespace ?? "", default: 0] += 1 }
        self.workloadsPerNamespace = perNamespace
        var sByLabel: [String: [Int]] = [:], sByName: [String: [Int]] = [:]
        for (i, svc) in services.enumerated() {
            for (k, v) in svc.metadata.labels ?? StringMap() { sByLabel[k + "=" + v, default: []].append(i) }
            sByName[svc.metadata.name ?? "", default: []].append(i)
        }
        self.servicesByLabel = sByLabel
        self.servicesByName = sByName
        var cmByName: [String: [Int]] = [:], secByName: [String: [Int]] = [:]
        for (i, c) in configMaps.enumerated() { cmByName[c.metadata.name ?? "", default: []].append(i) }
        for (i, c) in secrets.enumerated() { secByName[c.metadata.name ?? "", default: []].append(i) }
        self.configMapsByName = cmByName
        self.secretsByName = secByName
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
        // Start from the workloads carrying the rarest of the selector's labels.
        var candidates: [Int]?
        for (k, v) in selector {
            let found = workloadsByLabel[k + "=" + v] ?? []
            if candidates == nil || found.count < (candidates?.count ?? 0) { candidates = found }
        }
        return (candidates ?? []).map { workloads[$0] }.filter {
            Self.sameNamespace($0.metadata.namespace, service.metadata.namespace)
                && ($0.podLabels ?? StringMap()).contains(all: selector)
        }
    }

    /// The Services a ServiceMonitor selects.
    public func services(monitoredBy monitor: ServiceMonitor) -> [Service] {
        guard let selector = monitor.spec.selector else { return [] }
        var candidates: [Service] = services
        for (k, v) in selector.matchLabels ?? StringMap() {
            let found = servicesByLabel[k + "=" + v] ?? []
            if found.count < candidates.count { candidates = found.map { services[$0] } }
        }
        return candidates.filter { s in
            Self.namespaceSelected(s.metadata.namespace, by: monitor.spec.namespaceSelector, monitorNamespace: monitor.metadata.namespace)
                && selector.matches(s.metadata.labels)
        }
    }

    /// The workloads a PodMonitor selects.
    public func workloads(monitoredBy monitor: PodMonitor) -> [Workload] {
        guard let selector = monitor.spec.selector else { return [] }
        var candidates: [Workload] = workloads
        for (k, v) in selector.matchLabels ?? StringMap() {
            let found = workloadsByLabel[k + "=" + v] ?? []
            if found.count < candidates.count { candidates = found.map { workloads[$0] } }
        }
        return candidates.filter { w in
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
        (configMapsByName[name] ?? []).lazy.map { configMaps[$0] }.first { Self.sameNamespace($0.metadata.namespace, namespace) }
    }

    public func secret(named name: String, namespace: String?) -> Secret? {
        (secretsByName[name] ?? []).lazy.map { secrets[$0] }.first { Self.sameNamespace($0.metadata.namespace, namespace) }
    }

    /// The Services of a name in a namespace.
    public func services(named name: String, namespace: String?) -> [Service] {
        (servicesByName[name] ?? []).map { services[$0] }.filter { Self.sameNamespace($0.metadata.namespace, namespace) }
    }

    /// How many workloads share a namespace with an object in `namespace`.
    public func workloadCount(inNamespace namespace: String?) -> Int {
        guard let namespace, !namespace.isEmpty else { return workloads.count }
        return (workloadsPerNamespace[namespace] ?? 0) + (workloadsPerNamespace[""] ?? 0)
    }
}
