import VigilCore

/// A long-running container without a liveness probe.
public struct MissingLivenessProbe: ContainerCheck {
    public static let rule = RuleDescription(
        id: "probe/missing-liveness", severity: .info,
        summary: "A main container has no liveness probe.",
        rationale: "Without liveness a deadlocked process keeps its pod forever (it only stops being ready). Not every container needs one, and a bad liveness probe is worse than none, so this is information: add one on a cheap endpoint that checks only the process itself.",
        triggering: [RuleExample(Example.deployment(container: "readinessProbe:\n  httpGet: {path: /ready, port: http}\n"))],
        nonTriggering: [RuleExample(Example.deployment())])

    public init() {}

    public func run(_ containers: ArraySlice<(Workload, ContainerRef)>, _ context: LintContext, _ report: inout CheckReport) {
        for (w, c) in containers where c.role == .main && c.container.livenessProbe == nil {
            report.add("\(w.displayName): container \"\(c.container.name)\" has no livenessProbe", at: c.container.origin, key: "name",
                       hint: "add a livenessProbe on an endpoint that checks only the process (no dependencies)")
        }
    }
}
