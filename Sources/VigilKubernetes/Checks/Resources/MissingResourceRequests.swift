import VigilCore

/// Containers without CPU or memory requests.
public struct MissingResourceRequests: ContainerCheck {
    public static let rule = RuleDescription(
        id: "resources/missing-requests", severity: .warning,
        summary: "A container sets no CPU or no memory request.",
        rationale: "The scheduler places pods by their requests; without them pods are packed onto nodes that cannot hold them, are evicted first under pressure (BestEffort), and CPU-usage alerts have no baseline to compare with.",
        triggering: [RuleExample(Example.deployment(container: Example.goodProbes + "\nresources:\n  limits: {memory: 256Mi}\n"))],
        nonTriggering: [RuleExample(Example.deployment())])

    public init() {}

    public func run(_ containers: ArraySlice<(Workload, ContainerRef)>, _ context: LintContext, _ report: inout CheckReport) {
        for (w, c) in containers where c.role != .initContainer {
            let requests = c.container.resources?.requests
            // A limit without a request defaults the request to the limit.
            let limits = c.container.resources?.limits
            let missing = ["cpu", "memory"].filter { requests?[$0] == nil && limits?[$0] == nil }
            guard !missing.isEmpty else { continue }
            report.add("\(w.displayName): container \"\(c.container.name)\" has no \(missing.joined(separator: " or ")) request",
                       at: c.container.resources?.origin ?? c.container.origin, key: c.container.resources == nil ? "name" : nil,
                       hint: "set resources.requests (e.g. `{cpu: 100m, memory: 128Mi}`) from observed usage")
        }
    }
}
