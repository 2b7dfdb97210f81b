import VigilCore

/// Negative probe timing values.
public struct ProbeNegativeTiming: ProbeCheck {
    public static let rule = RuleDescription(
        id: "probe/negative-timing", severity: .error,
        summary: "A probe timing field (initialDelaySeconds, timeoutSeconds, periodSeconds, successThreshold, failureThreshold, terminationGracePeriodSeconds) is negative.",
        rationale: "The API server rejects negative timing values (`must be greater than or equal to 0`); a probe-level terminationGracePeriodSeconds must even be positive.",
        triggering: [RuleExample(Example.deployment(container: "livenessProbe:\n  httpGet: {path: /live, port: http}\n  initialDelaySeconds: -5\n"))],
        nonTriggering: [RuleExample(Example.deployment(container: "livenessProbe:\n  httpGet: {path: /live, port: http}\n  initialDelaySeconds: 5\n"))])

    public init() {}

    public func run(_ probes: ArraySlice<ProbeRef>, _ context: LintContext, _ report: inout CheckReport) {
        for p in probes {
            let fields: [(String, Int?)] = [
                ("initialDelaySeconds", p.probe.initialDelaySeconds), ("timeoutSeconds", p.probe.timeoutSeconds),
                ("periodSeconds", p.probe.periodSeconds), ("successThreshold", p.probe.successThreshold),
                ("failureThreshold", p.probe.failureThreshold),
            ]
            for (name, value) in fields {
                if let v = value, v < 0 {
                    report.add("\(p.workload.displayName): \(p.path).\(name): Invalid value: \(v): must be greater than or equal to 0", at: p.probe.origin, key: name)
                }
            }
            if let g = p.probe.terminationGracePeriodSeconds, g <= 0, p.kind != .readiness {
                report.add("\(p.workload.displayName): \(p.path).terminationGracePeriodSeconds: Invalid value: \(g): must be greater than 0",
                           at: p.probe.origin, key: "terminationGracePeriodSeconds")
            }
        }
    }
}
