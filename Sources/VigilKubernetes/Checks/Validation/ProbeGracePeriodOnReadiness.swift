import VigilCore

/// A probe-level `terminationGracePeriodSeconds` on a readiness probe.
public struct ProbeGracePeriodOnReadiness: ProbeCheck {
    public static let rule = RuleDescription(
        id: "probe/grace-period-on-readiness", severity: .error,
        summary: "A readiness probe sets terminationGracePeriodSeconds.",
        rationale: "A probe's terminationGracePeriodSeconds replaces the pod's grace period when that probe kills the container; readiness never kills, so the API server rejects it (`must not be set for readinessProbes`).",
        triggering: [RuleExample(Example.deployment(container: "readinessProbe:\n  httpGet: {path: /ready, port: http}\n  terminationGracePeriodSeconds: 30\n"))],
        nonTriggering: [RuleExample(Example.deployment(container: "livenessProbe:\n  httpGet: {path: /live, port: http}\n  terminationGracePeriodSeconds: 30\n"))])

    public init() {}

    public func run(_ probes: ArraySlice<ProbeRef>, _ context: LintContext, _ report: inout CheckReport) {
        for p in probes where p.kind == .readiness && p.probe.terminationGracePeriodSeconds != nil {
            report.add("\(p.workload.displayName): \(p.path).terminationGracePeriodSeconds: Invalid value: must not be set for readinessProbes",
                       at: p.probe.origin, key: "terminationGracePeriodSeconds", hint: "remove it, or set spec.terminationGracePeriodSeconds on the pod")
        }
    }
}
