import VigilCore

/// Explicit zeros that the API server silently replaces with defaults.
public struct ProbeZeroDefaulted: ProbeCheck {
    public static let rule = RuleDescription(
        id: "probe/zero-defaulted", severity: .warning,
        summary: "A probe sets timeoutSeconds, periodSeconds, successThreshold or failureThreshold to 0, which Kubernetes silently replaces with the default.",
        rationale: "Zero is not \"no timeout\" or \"never fail\": the API server defaults 0 to timeoutSeconds 1, periodSeconds 10, successThreshold 1 and failureThreshold 3. The manifest then says something other than what runs; write the value you mean.",
        triggering: [RuleExample(Example.deployment(container: "livenessProbe:\n  httpGet: {path: /live, port: http}\n  timeoutSeconds: 0\n"))],
        nonTriggering: [RuleExample(Example.deployment(container: "livenessProbe:\n  httpGet: {path: /live, port: http}\n  initialDelaySeconds: 0\n  timeoutSeconds: 1\n"))])

    public init() {}

    public func run(_ probes: ArraySlice<ProbeRef>, _ context: LintContext, _ report: inout CheckReport) {
        for p in probes {
            let fields: [(String, Int?, Int)] = [
                ("timeoutSeconds", p.probe.timeoutSeconds, Probe.defaultTimeoutSeconds),
                ("periodSeconds", p.probe.periodSeconds, Probe.defaultPeriodSeconds),
                ("successThreshold", p.probe.successThreshold, Probe.defaultSuccessThreshold),
                ("failureThreshold", p.probe.failureThreshold, Probe.defaultFailureThreshold),
            ]
            for (name, value, d) in fields where value == 0 {
                report.add("\(p.workload.displayName): \(p.path).\(name) is 0, which Kubernetes replaces with the default \(d)",
                           at: p.probe.origin, key: name, hint: "write `\(name): \(d)` or the value you mean")
            }
        }
    }
}
