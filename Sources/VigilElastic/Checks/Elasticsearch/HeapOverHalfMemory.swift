import VigilCore

/// An Elasticsearch heap above half of the container's memory limit.
public struct HeapOverHalfMemory: Check {
    public static let rule = RuleDescription(
        id: "elastic/heap-over-half-memory", severity: .warning,
        summary: "Elasticsearch's heap is more than half of the container's memory limit.",
        rationale: "Elasticsearch needs the other half for the operating system's file cache (Lucene reads its segments through it) and for off-heap memory (Netty buffers, thread stacks). A heap above 50 % of the limit makes searches slow and gets the container OOM-killed under load. Size -Xmx to at most half of `resources.limits.memory`.",
        triggering: [RuleExample(ExampleManifests.es { $0.heap = "-Xms3g -Xmx3g" }),
                     RuleExample(ExampleManifests.eck { $0.heap = "-Xms3g -Xmx3g" }),
                     RuleExample(ExampleManifests.eck { $0.memoryLimit = nil })],
        nonTriggering: [RuleExample(ExampleManifests.es()), RuleExample(ExampleManifests.eck()),
                        RuleExample(ExampleManifests.eck { $0.heap = nil })])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for c in context.elastic(.elasticsearch) {
            guard let opts = c.env["ES_JAVA_OPTS"]?.value, let max = JavaHeap(options: opts).max, let limit = c.memoryLimit else { continue }
            let limitBytes = limit.bytes
            guard limitBytes > 0, Double(max) > limitBytes / 2 else { continue }
            let (file, range) = c.envRange("ES_JAVA_OPTS")
            guard let file else { continue }
            let pct = Int((Double(max) / limitBytes * 100).rounded())
            let half = Int64(limitBytes / 2) >> 20
            report.add("heap -Xmx\(JavaHeap(options: opts).maxText ?? "") is \(pct) % of the memory limit \(limit); Elasticsearch needs the rest for the file cache",
                       in: file, at: range, hint: "use at most half of the limit: -Xms\(half)m -Xmx\(half)m, or raise limits.memory")
        }
        for eck in context.eckClusters {
            for set in eck.resource.nodeSets {
                guard let opts = set.javaOptions, let max = JavaHeap(options: opts).max else { continue }
                let limit = set.memoryLimit ?? ECKElasticsearch.defaultMemoryLimit
                guard limit.bytes > 0, Double(max) > limit.bytes / 2 else { continue }
                let pct = Int((Double(max) / limit.bytes * 100).rounded())
                let half = Int64(limit.bytes / 2) >> 20
                let which = set.memoryLimit == nil ? "ECK's default memory limit \(limit) (the pod template sets none)" : "the memory limit \(limit)"
                report.add("node set \(set.name) of Elasticsearch/\(eck.resource.name): heap -Xmx\(JavaHeap(options: opts).maxText ?? "") is \(pct) % of \(which); Elasticsearch needs the rest for the file cache",
                           in: eck.file, at: set.javaOptionsRange, hint: "use at most half of the limit: -Xms\(half)m -Xmx\(half)m, or set resources.limits.memory of the elasticsearch container")
            }
        }
    }
}
