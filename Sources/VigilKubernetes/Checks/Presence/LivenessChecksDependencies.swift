import VigilCore

/// Liveness (or startup) probes on endpoints that check external dependencies.
public struct LivenessChecksDependencies: ProbeCheck {
    public static let rule = RuleDescription(
        id: "probe/liveness-checks-dependencies", severity: .warning,
        summary: "A liveness or startup probe calls an endpoint that the stack says checks external dependencies.",
        rationale: "A failing liveness or startup probe kills the container. If the endpoint fails when a database, cache or upstream API is down, an outage of that dependency restarts every pod of the service at once, turning a partial outage into a total one (and a dependency outage during a rollout into a crash loop). Probe liveness on an endpoint that checks only the process; let readiness reflect dependencies if at all. Needs the list of such endpoints, from the stack or a `vigil.dev/dependency-checks: /ready,/health` annotation on the workload; silent without it.",
        triggering: [RuleExample(Example.deployment(container: "livenessProbe:\n  httpGet: {path: /ready, port: http}\n", annotations: "{vigil.dev/dependency-checks: /ready}"))],
        nonTriggering: [RuleExample(Example.deployment(container: "livenessProbe:\n  httpGet: {path: /live, port: http}\nreadinessProbe:\n  httpGet: {path: /ready, port: http}\n", annotations: "{vigil.dev/dependency-checks: /ready}")),
                        RuleExample(Example.deployment(container: "livenessProbe:\n  httpGet: {path: /ready, port: http}\n"))])

    public init() {}

    public func run(_ probes: ArraySlice<ProbeRef>, _ context: LintContext, _ report: inout CheckReport) {
        for p in probes where p.kind != .readiness {
            guard let h = p.probe.httpGet, let service = ServiceHealthKnowledge.lookup(context, workload: p.workload, container: p.container) else { continue }
            let path = Self.normalize(h.path ?? "/")
            guard service.dependencyCheckingPaths.map(Self.normalize).contains(path) else { continue }
            let effect = p.kind == .liveness ? "an outage of a dependency restarts every pod" : "a dependency outage during start-up kills the container before it ever starts"
            report.add("\(p.workload.displayName): \(p.path) calls \(path), which checks \(service.name)'s external dependencies; \(effect)",
                       at: h.origin, key: "path", hint: "probe an endpoint that checks only the process itself (e.g. /live)")
        }
    }

    static func normalize(_ path: String) -> String {
        var p = String(path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
        if !p.hasPrefix("/") { p = "/" + p }
        while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
        return p
    }
}
