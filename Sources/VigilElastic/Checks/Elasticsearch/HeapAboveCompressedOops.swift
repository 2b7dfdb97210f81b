import VigilCore

/// An Elasticsearch heap above the compressed-oops threshold.
public struct HeapAboveCompressedOops: Check {
    public static let rule = RuleDescription(
        id: "elastic/heap-above-compressed-oops", severity: .warning,
        summary: "Elasticsearch's heap is above about 31 GB, where the JVM stops using compressed object pointers.",
        rationale: "Above the compressed-oops threshold (just under 32 GB) every object reference doubles in size: a 40 GB heap holds less than a 31 GB one and garbage collection gets slower. Keep -Xmx at or below 31g (26–30g is safe on every JVM) and add nodes instead.",
        triggering: [RuleExample(ExampleManifests.es { $0.heap = "-Xms40g -Xmx40g"; $0.memoryLimit = "80Gi" })],
        nonTriggering: [RuleExample(ExampleManifests.es { $0.heap = "-Xms30g -Xmx30g"; $0.memoryLimit = "64Gi" })])

    static let threshold: Int64 = 31 << 30

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for c in context.elastic(.elasticsearch) {
            guard let opts = c.env["ES_JAVA_OPTS"]?.value, let max = JavaHeap(options: opts).max, max > Self.threshold else { continue }
            let (file, range) = c.envRange("ES_JAVA_OPTS")
            guard let file else { continue }
            report.add("heap -Xmx\(JavaHeap(options: opts).maxText ?? "") is above 31g: the JVM loses compressed object pointers and the larger heap holds less",
                       in: file, at: range, hint: "-Xms31g -Xmx31g at most; scale out with more nodes")
        }
    }
}
