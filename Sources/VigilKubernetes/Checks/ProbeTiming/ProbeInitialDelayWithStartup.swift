import VigilCore

/// `initialDelaySeconds` on liveness or readiness when a startup probe already holds them back.
public struct ProbeInitialDelayWithStartup: ProbeCheck {
    public static let rule = RuleDescription(
        id: "probe/initial-delay-with-startup", severity: .warning,
        summary: "A liveness or readiness probe has initialDelaySeconds although the container has a startup probe.",
        rationale: "Liveness and readiness probes only start once the startup probe has succeeded, so their initialDelaySeconds is added after start-up: readiness (and traffic) is delayed for nothing and a hung process is detected later. Let the startup probe cover start-up and drop the delay.",
        triggering: [RuleExample(Example.deployment(container: """
            startupProbe:
              httpGet: {path: /live, port: http}
              failureThreshold: 30
            livenessProbe:
              httpGet: {path: /live, port: http}
              initialDelaySeconds: 30
            """))],
        nonTriggering: [RuleExample(Example.deployment()), RuleExample(Example.deployment(container: "livenessProbe:\n  httpGet: {path: /live, port: http}\n  initialDelaySeconds: 30\n"))])

    public init() {}

    public func run(_ probes: ArraySlice<ProbeRef>, _ context: LintContext, _ report: inout CheckReport) {
        for p in probes where p.kind != .startup {
            guard p.container.container.startupProbe != nil, let d = p.probe.initialDelaySeconds, d > 0 else { continue }
            report.add("\(p.workload.displayName): \(p.path).initialDelaySeconds (\(d)s) runs after the startup probe has already succeeded; it only delays \(p.kind == .readiness ? "traffic" : "failure detection")",
                       at: p.probe.origin, key: "initialDelaySeconds", hint: "remove initialDelaySeconds; the startup probe gates this probe")
        }
    }
}
