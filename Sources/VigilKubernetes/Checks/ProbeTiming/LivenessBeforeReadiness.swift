import VigilCore

/// Liveness that gives up sooner than readiness.
public struct LivenessBeforeReadiness: ContainerCheck {
    public static let rule = RuleDescription(
        id: "probe/liveness-before-readiness", severity: .warning,
        summary: "The liveness probe's failure window (failureThreshold × periodSeconds) is shorter than the readiness probe's.",
        rationale: "A struggling pod should first be taken out of rotation (readiness) and only restarted if it does not recover (liveness). When liveness reacts first, overloaded pods are restarted while still receiving traffic, which moves the load to the others and can cascade into a restart storm.",
        triggering: [RuleExample(Example.deployment(container: """
            livenessProbe:
              httpGet: {path: /live, port: http}
              periodSeconds: 5
              failureThreshold: 2
            readinessProbe:
              httpGet: {path: /ready, port: http}
              periodSeconds: 10
              failureThreshold: 3
            """))],
        nonTriggering: [RuleExample(Example.deployment())])

    public init() {}

    public func run(_ containers: ArraySlice<(Workload, ContainerRef)>, _ context: LintContext, _ report: inout CheckReport) {
        for (w, c) in containers where c.role != .initContainer {
            guard let l = c.container.livenessProbe, let r = c.container.readinessProbe else { continue }
            let lw = l.failureWindowSeconds, rw = r.failureWindowSeconds
            guard lw < rw else { continue }
            report.add("\(w.displayName): \(c.path).livenessProbe restarts the container after \(lw)s of failures, before readiness takes it out of rotation (\(rw)s)",
                       at: l.origin, hint: "give liveness a longer failure window than readiness, e.g. failureThreshold: \(Int((Double(rw) / Double(l.effectivePeriodSeconds)).rounded(.down)) + 1)")
        }
    }
}
