import VigilCore

/// A liveness probe that restarts on one slow response.
public struct LivenessTooEager: ProbeCheck {
    public static let rule = RuleDescription(
        id: "probe/liveness-too-eager", severity: .warning,
        summary: "A liveness probe restarts the container after a single failure, or after less than 10 seconds of failures.",
        rationale: "One slow response (a GC pause, a burst of load, a slow disk) makes a probe time out. With failureThreshold 1, or a failure window of a few seconds, that one blip restarts the container, throwing away its caches and in-flight requests. Liveness should catch deadlocks, not latency: allow several failures over tens of seconds.",
        triggering: [RuleExample(Example.deployment(container: "livenessProbe:\n  httpGet: {path: /live, port: http}\n  periodSeconds: 10\n  failureThreshold: 1\n"))],
        nonTriggering: [RuleExample(Example.deployment())])

    public init() {}

    static let minimumWindow = 10

    public func run(_ probes: ArraySlice<ProbeRef>, _ context: LintContext, _ report: inout CheckReport) {
        for p in probes where p.kind == .liveness {
            let ft = p.probe.effectiveFailureThreshold, window = p.probe.failureWindowSeconds
            if ft == 1 {
                report.add("\(p.workload.displayName): \(p.path): failureThreshold 1 restarts the container after a single failed or slow probe",
                           at: p.probe.origin, key: "failureThreshold", hint: "use failureThreshold: 3 or more")
            } else if window < Self.minimumWindow {
                report.add("\(p.workload.displayName): \(p.path): the container is restarted after only \(window)s of failures (failureThreshold \(ft) × periodSeconds \(p.probe.effectivePeriodSeconds))",
                           at: p.probe.origin, hint: "allow at least \(Self.minimumWindow)s, e.g. periodSeconds: 10 with failureThreshold: 3")
            }
        }
    }
}
