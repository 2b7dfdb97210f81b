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
        let inventory = KubernetesInventory.of(context)
        // Which containers each Service sends traffic to, grouped by workload.
        var order: [String] = []
        var serving: [String: (Workload, [(ContainerRef, String)])] = [:]
        for s in inventory.services {
            for w in inventory.workloads(selectedBy: s) {
                let id = "\(w.metadata.namespace ?? "")/\(w.displayName)"
                if serving[id] == nil { order.append(id); serving[id] = (w, []) }
                for p in s.spec?.ports ?? [] {
                    let c = w.containerPort(matching: p.effectiveTargetPort)?.0 ?? w.longRunningContainers.first { $0.role == .main }
                    if let c, !(serving[id]?.1.contains { $0.0.path == c.path } ?? true) {
                        serving[id]?.1.append((c, "Service/\(s.metadata.name ?? "") port \(p.name ?? String(p.port))"))
                    }
                }
            }
        }
        for id in order {
            guard let (w, containers) = serving[id] else { continue }
            for (c, via) in containers where c.container.readinessProbe == nil {
                report.add("\(w.displayName): container \"\(c.container.name)\" has no readinessProbe but receives traffic from \(via)",
                           at: c.container.origin, key: "name", hint: "add a readinessProbe on an endpoint that answers only when the container can serve")
            }
        }
    }
}
