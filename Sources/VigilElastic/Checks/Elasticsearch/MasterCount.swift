import VigilCore

/// An even (or single) number of master-eligible nodes in a multi-node cluster.
public struct MasterCount: Check {
    public static let rule = RuleDescription(
        id: "elastic/master-count", severity: .warning,
        summary: "A multi-node Elasticsearch cluster has an even number of master-eligible nodes, or only one.",
        rationale: "Elections need a majority. Two master-eligible nodes tolerate no failure (losing either stops the cluster); four tolerate one, like three. A single master-eligible node among several is a single point of failure. Use three (or five) master-eligible nodes.",
        triggering: [RuleExample(ExampleManifests.es { $0.replicas = 2; $0.seedHosts = "es-0.es,es-1.es"; $0.initialMasters = "es-0,es-1" }),
                     RuleExample(ExampleManifests.eck { $0.count = 2 }),
                     RuleExample(ExampleManifests.eck([.init(name: "masters", count: 2, roles: "master"), .init(name: "data", count: 3, roles: "data")])),
                     RuleExample(ExampleManifests.eck([.init(name: "master", count: 1, roles: "master"), .init(name: "data", count: 3, roles: "data, ingest")]))],
        nonTriggering: [RuleExample(ExampleManifests.es()), RuleExample(ExampleManifests.eck()),
                        RuleExample(ExampleManifests.eck { $0.count = 1; $0.allowMmap = false }),
                        RuleExample(ExampleManifests.eck([.init(name: "masters", count: 3, roles: "master"), .init(name: "data", count: 4, roles: "data")]))])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for c in context.elastic(.elasticsearch) {
            guard c.statefulSet != nil else { continue }
            let roles = c.list("node.roles")
            let masterEligible = roles.isEmpty && c.setting("node.roles") == nil ? true : roles.contains("master")
            guard masterEligible, c.replicas > 1 else { continue }
            let masters = c.replicas
            guard masters % 2 == 0 else { continue }
            report.add("\(c.workload.displayName) has \(masters) master-eligible nodes; an even count tolerates no more failures than \(masters - 1)\(masters == 2 ? " (losing either node stops the cluster)" : "")",
                       at: c.statefulSet?.spec.origin, key: "replicas", hint: "use \(masters + 1) master-eligible nodes, or dedicated masters (node.roles: master) in a StatefulSet of 3")
        }
        for eck in context.eckClusters {
            let sets = eck.resource.nodeSets
            let total = sets.reduce(0) { $0 + $1.count }
            let masterSets = sets.filter { $0.masterEligible && $0.count > 0 }
            let masters = masterSets.reduce(0) { $0 + $1.count }
            guard total > 1, let first = masterSets.first, masters == 1 || masters % 2 == 0 else { continue }
            let across = masterSets.count > 1 ? " across node sets \(masterSets.map(\.name).joined(separator: ", "))" : " in node set \(first.name)"
            let problem = masters == 1 ? "a single master-eligible node among \(total) is a single point of failure"
                : "an even count tolerates no more failures than \(masters - 1)\(masters == 2 ? " (losing either node stops the cluster)" : "")"
            report.add("Elasticsearch/\(eck.resource.name) has \(masters) master-eligible node\(masters == 1 ? "" : "s")\(across); \(problem)",
                       in: eck.file, at: first.countRange ?? first.range, hint: "use \(masters == 1 ? 3 : masters + 1) master-eligible nodes (count of the node set with node.roles: [master])")
        }
    }
}
