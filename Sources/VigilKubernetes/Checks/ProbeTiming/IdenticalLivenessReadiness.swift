import VigilCore

/// Liveness and readiness probes that are the same probe.
public struct IdenticalLivenessReadiness: ContainerCheck {
    public static let rule = RuleDescription(
        id: "probe/identical-liveness-readiness", severity: .warning,
        summary: "The liveness and readiness probes of a container use the same handler (after resolving named ports) and the same timing.",
        rationale: "Readiness answers \"can this pod take traffic now?\", liveness \"is this process beyond recovery?\". With identical probes both fire together: a pod that is merely busy is restarted at the moment it is taken out of rotation, and no pod gets the chance to recover. Point liveness at a cheap endpoint (`/live`) with a longer failure window. Named and numbered ports are compared after resolution, so `port: http` and `port: 8080` are the same port.",
        triggering: [RuleExample(Example.deployment(container: """
            livenessProbe:
              httpGet: {path: /healthz, port: http}
            readinessProbe:
              httpGet: {path: /healthz, port: 8080}
            """))],
        nonTriggering: [RuleExample(Example.deployment())])

    public init() {}

    public func run(_ containers: ArraySlice<(Workload, ContainerRef)>, _ context: LintContext, _ report: inout CheckReport) {
        for (w, c) in containers where c.role != .initContainer {
            guard let l = c.container.livenessProbe, let r = c.container.readinessProbe else { continue }
            guard Self.normalized(l, in: c) == Self.normalized(r, in: c), !l.handlerNames.isEmpty else { continue }
            report.add("\(w.displayName): \(c.path): livenessProbe and readinessProbe are identical; a busy pod is restarted as soon as it is taken out of rotation",
                       at: l.origin, hint: "give liveness its own cheap endpoint and a longer failure window than readiness")
        }
    }

    /// The probe with named ports resolved and timings defaulted.
    static func normalized(_ p: Probe, in c: ContainerRef) -> Probe {
        var n = p
        if let h = p.httpGet, let port = c.resolve(h.port) {
            n.httpGet?.port = .int(port)
            if h.path == nil || h.path == "" { n.httpGet?.path = "/" }
            if h.scheme == nil { n.httpGet?.scheme = .http }
        }
        if let t = p.tcpSocket, let port = c.resolve(t.port) { n.tcpSocket?.port = .int(port) }
        n.initialDelaySeconds = p.effectiveInitialDelaySeconds
        n.timeoutSeconds = p.effectiveTimeoutSeconds
        n.periodSeconds = p.effectivePeriodSeconds
        n.successThreshold = nil
        n.failureThreshold = p.effectiveFailureThreshold
        n.terminationGracePeriodSeconds = nil
        return n
    }
}
