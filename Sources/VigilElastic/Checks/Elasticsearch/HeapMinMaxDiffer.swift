import VigilCore

/// `-Xms` and `-Xmx` that differ for Elasticsearch or Logstash.
public struct HeapMinMaxDiffer: Check {
    public static let rule = RuleDescription(
        id: "elastic/heap-min-max-differ", severity: .warning,
        summary: "The JVM's initial heap (-Xms) differs from its maximum (-Xmx).",
        rationale: "Elasticsearch's bootstrap checks refuse to start in production mode when they differ (`initial heap size [1073741824] not equal to maximum heap size [2147483648]`), and for Logstash a growing heap means pauses while it resizes. Set both to the same value.",
        triggering: [RuleExample(ExampleManifests.es { $0.heap = "-Xms1g -Xmx2g" }), RuleExample(ExampleManifests.eck { $0.heap = "-Xms1g -Xmx2g" })],
        nonTriggering: [RuleExample(ExampleManifests.es()), RuleExample(ExampleManifests.eck())])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for c in context.elasticContainers {
            guard let variable = c.javaOptsVariable, let opts = c.env[variable]?.value else { continue }
            let heap = JavaHeap(options: opts)
            guard let min = heap.min, let max = heap.max, min != max else { continue }
            let (file, range) = c.envRange(variable)
            guard let file else { continue }
            report.add("\(variable) sets -Xms\(heap.minText ?? "") but -Xmx\(heap.maxText ?? ""); the initial and maximum heap should be equal",
                       in: file, at: range, hint: "\(variable): \"-Xms\(heap.maxText ?? "") -Xmx\(heap.maxText ?? "")\"")
        }
        for eck in context.eckClusters {
            for set in eck.resource.nodeSets {
                guard let opts = set.javaOptions else { continue }
                let heap = JavaHeap(options: opts)
                guard let min = heap.min, let max = heap.max, min != max else { continue }
                report.add("node set \(set.name) of Elasticsearch/\(eck.resource.name): ES_JAVA_OPTS sets -Xms\(heap.minText ?? "") but -Xmx\(heap.maxText ?? ""); the initial and maximum heap should be equal",
                           in: eck.file, at: set.javaOptionsRange, hint: "ES_JAVA_OPTS: \"-Xms\(heap.maxText ?? "") -Xmx\(heap.maxText ?? "")\"")
            }
        }
    }
}
