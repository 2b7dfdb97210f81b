import VigilCore

/// `successThreshold` other than 1 on a liveness or startup probe.
public struct ProbeSuccessThreshold: ProbeCheck {
    public static let rule = RuleDescription(
        id: "probe/success-threshold", severity: .error,
        summary: "A liveness or startup probe sets successThreshold to something other than 1.",
        rationale: "Only readiness can require several consecutive successes; for liveness and startup probes the API server rejects any other value (`must be 1`).",
        triggering: [RuleExample(Example.deployment(container: "livenessProbe:\n  httpGet: {path: /live, port: http}\n  successThreshold: 2\n"))],
        nonTriggering: [RuleExample(Example.deployment(container: "readinessProbe:\n  httpGet: {path: /ready, port: http}\n  successThreshold: 2\n"))])

    public init() {}

    public func run(_ probes: ArraySlice<ProbeRef>, _ context: LintContext, _ report: inout CheckReport) {
        for p in probes where p.kind != .readiness {
            if let s = p.probe.successThreshold, s != 1, s >= 0 {
                report.add("\(p.workload.displayName): \(p.path).successThreshold: Invalid value: \(s): must be 1", at: p.probe.origin, key: "successThreshold",
                           hint: "remove successThreshold (it defaults to 1)")
            }
        }
    }
}
