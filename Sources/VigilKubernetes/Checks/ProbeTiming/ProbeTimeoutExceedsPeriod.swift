import VigilCore

/// `timeoutSeconds` at or above `periodSeconds`.
public struct ProbeTimeoutExceedsPeriod: ProbeCheck {
    public static let rule = RuleDescription(
        id: "probe/timeout-exceeds-period", severity: .warning,
        summary: "A probe's timeoutSeconds is at least its periodSeconds.",
        rationale: "The kubelet starts the next probe on schedule whether or not the previous one returned, so with timeout ≥ period slow probes overlap and pile up on an already struggling process; the failure window also stops meaning what it says. Keep the timeout well below the period (e.g. period 10s, timeout 2–5s). Values are compared after defaulting (absent period is 10s, absent timeout 1s).",
        triggering: [RuleExample(Example.deployment(container: "livenessProbe:\n  httpGet: {path: /live, port: http}\n  periodSeconds: 5\n  timeoutSeconds: 5\n"))],
        nonTriggering: [RuleExample(Example.deployment())])

    public init() {}

    public func run(_ probes: ArraySlice<ProbeRef>, _ context: LintContext, _ report: inout CheckReport) {
        for p in probes {
            let t = p.probe.effectiveTimeoutSeconds, period = p.probe.effectivePeriodSeconds
            guard t >= period else { continue }
            report.add("\(p.workload.displayName): \(p.path): timeoutSeconds (\(t)s) is not below periodSeconds (\(period)s); probes overlap when the container is slow",
                       at: p.probe.origin, key: p.probe.timeoutSeconds != nil ? "timeoutSeconds" : "periodSeconds",
                       hint: "use a timeout of at most half the period, e.g. timeoutSeconds: \(max(1, period / 2))")
        }
    }
}
