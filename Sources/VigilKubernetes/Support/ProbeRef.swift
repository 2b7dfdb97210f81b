import VigilCore

/// Which probe of a container.
public enum ProbeKind: String, Sendable, CaseIterable {
    case startup, liveness, readiness

    /// The container field, e.g. `livenessProbe`.
    public var field: String { rawValue + "Probe" }
}

/// One probe with its container, workload and field path.
public final class ProbeRef: Sendable {
    public let workload: Workload
    public let container: ContainerRef
    public let kind: ProbeKind
    public let probe: Probe

    init(workload: Workload, container: ContainerRef, kind: ProbeKind, probe: Probe) {
        self.workload = workload
        self.container = container
        self.kind = kind
        self.probe = probe
    }

    /// e.g. `spec.template.spec.containers[0].livenessProbe`.
    public var path: String { "\(container.path).\(kind.field)" }

    /// The probe's handlers that are set, by field name (`probe.handlerNames` copies the probe).
    public var handlerNames: [String] {
        var out: [String] = []
        if probe.exec != nil { out.append("exec") }
        if probe.httpGet != nil { out.append("httpGet") }
        if probe.tcpSocket != nil { out.append("tcpSocket") }
        if probe.grpc != nil { out.append("grpc") }
        return out
    }
}

extension Container {
    /// The container's probe of a kind.
    public func probe(_ kind: ProbeKind) -> Probe? {
        switch kind {
        case .startup: return startupProbe
        case .liveness: return livenessProbe
        case .readiness: return readinessProbe
        }
    }
}

extension Workload {
    /// Every probe of every container.
    public var probes: [ProbeRef] {
        containers.flatMap { c in
            ProbeKind.allCases.compactMap { k in c.container.probe(k).map { ProbeRef(workload: self, container: c, kind: k, probe: $0) } }
        }
    }
}

