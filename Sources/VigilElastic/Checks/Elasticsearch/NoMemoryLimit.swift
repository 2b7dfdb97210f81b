import VigilCore

/// An Elasticsearch container without a memory limit.
public struct NoMemoryLimit: Check {
    public static let rule = RuleDescription(
        id: "elastic/no-memory-limit", severity: .warning,
        summary: "An Elasticsearch container has no memory limit.",
        rationale: "Without a limit Elasticsearch sizes its heap from the node's memory (half of a 64 GB node), competes with every other pod for the file cache, and the heap-versus-limit ratio cannot be checked. Set `resources.limits.memory` (equal to the request for a Guaranteed pod) and size the heap to half of it.",
        triggering: [RuleExample(ExampleManifests.es { $0.memoryLimit = nil })],
        nonTriggering: [RuleExample(ExampleManifests.es())])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for c in context.elastic(.elasticsearch) where c.memoryLimit == nil {
            report.add("\(c.workload.displayName): container \"\(c.container.name)\" runs Elasticsearch without a memory limit",
                       at: c.container.origin, key: "resources",
                       hint: "resources: {requests: {memory: 4Gi}, limits: {memory: 4Gi}} with ES_JAVA_OPTS \"-Xms2g -Xmx2g\"")
        }
    }
}
