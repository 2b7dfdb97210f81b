import VigilCore

/// A container serving a Service port without a readiness probe.
public struct MissingReadinessProbe: Check {
    public static let rule = RuleDescription(
        id: "probe/missing-readiness", severity: .warning,
        summary: "A container that a Service sends traffic to has no readiness probe.",
        rationale: "Without a readiness probe a pod receives traffic as soon as its process starts, before it listens or has warmed up, and keeps receiving it while it is overloaded or draining: every rollout and every hiccup turns into errors for clients. Only containers that serve a port of a Service in the run are checked.",
        triggering: [RuleExample(Example.deployment(container: Example.goodResources) + "---\n" + Example.service())],
        nonTriggering: [RuleExample(Example.deployment() + "---\n" + Example.service()), RuleExample(Example.deployment(container: Example.goodResources))])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        let inventory = KubernetesInventory(context)
        for w in inventory.workloads {
            let services = inventory.services(selecting: w)
            guard !services.isEmpty else { continue }
            var serving: [String: (ContainerRef, String)] = [:]
            for s in services {
                for p in s.spec?.ports ?? [] {
                    let c = w.containerPort(matching: p.effectiveTargetPort)?.0 ?? w.longRunningContainers.first { $0.role == .main }
                    if let c, serving[c.path] == nil { serving[c.path] = (c, "Service/\(s.metadata.name ?? "") port \(p.name ?? String(p.port))") }
                }
            }
            for (c, via) in serving.values.sorted(by: { $0.0.path < $1.0.path }) where c.container.readinessProbe == nil {
                report.add("\(w.displayName): container \"\(c.container.name)\" has no readinessProbe but receives traffic from \(via)",
                           at: c.container.origin, key: "name", hint: "add a readinessProbe on an endpoint that answers only when the container can serve")
            }
        }
    }
}
