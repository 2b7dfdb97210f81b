import VigilCore

/// Containers without a memory limit.
public struct MissingMemoryLimit: ContainerCheck {
    public static let rule = RuleDescription(
        id: "resources/missing-memory-limit", severity: .warning,
        summary: "A container sets no memory limit.",
        rationale: "Without a limit a leaking container grows until the node runs out of memory and the kernel kills whatever it picks, often a neighbour. Memory-usage alerts (`container_memory_working_set_bytes / kube_pod_container_resource_limits`) divide by the limit and have nothing to divide by.",
        triggering: [RuleExample(Example.deployment(container: Example.goodProbes + "\nresources:\n  requests: {cpu: 100m, memory: 128Mi}\n"))],
        nonTriggering: [RuleExample(Example.deployment())])

    public init() {}

    public func run(_ containers: ArraySlice<(Workload, ContainerRef)>, _ context: LintContext, _ report: inout CheckReport) {
        for (w, c) in containers where c.role != .initContainer && c.container.resources?.limits?["memory"] == nil {
            report.add("\(w.displayName): container \"\(c.container.name)\" has no memory limit",
                       at: c.container.resources?.origin ?? c.container.origin, key: c.container.resources == nil ? "name" : nil,
                       hint: "set resources.limits.memory (e.g. twice the request)")
        }
    }
}
