import VigilCore

/// Elasticsearch in production mode without `vm.max_map_count` raised.
public struct MaxMapCount: Check {
    public static let rule = RuleDescription(
        id: "elastic/max-map-count", severity: .warning,
        summary: "An Elasticsearch cluster does not raise the kernel's vm.max_map_count (or disable mmap).",
        rationale: "Elasticsearch memory-maps its index files and, in production mode (a multi-node cluster), the bootstrap check stops it: `max virtual memory areas vm.max_map_count [65530] is too low, increase to at least [262144]`. Raise it with a privileged init container (`sysctl -w vm.max_map_count=262144`), document it as a node prerequisite and silence this finding, or set `node.store.allow_mmap: false`.",
        triggering: [RuleExample(ExampleManifests.es { $0.maxMapCountInit = false }),
                     RuleExample(ExampleManifests.eck { $0.sysctlInit = false })],
        nonTriggering: [RuleExample(ExampleManifests.es()),
                        RuleExample(ExampleManifests.es { $0.maxMapCountInit = false; $0.extraEnv = [("node.store.allow_mmap", "false")] }),
                        RuleExample(ExampleManifests.eck()),
                        RuleExample(ExampleManifests.eck { $0.sysctlInit = false; $0.allowMmap = false })])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for c in context.elastic(.elasticsearch) {
            guard c.setting("discovery.type")?.value != "single-node", c.replicas > 1 || c.setting("discovery.seed_hosts") != nil else { continue }
            guard c.flag("node.store.allow_mmap") != false else { continue }
            let inits = c.workload.podSpec?.initContainers ?? []
            let raised = inits.contains { i in ((i.command ?? []) + (i.args ?? [])).contains { $0.contains("vm.max_map_count") } }
            guard !raised else { continue }
            report.add("\(c.workload.displayName) runs Elasticsearch in production mode without raising vm.max_map_count; the bootstrap check stops it unless every node already has 262144",
                       at: c.workload.podSpec?.origin ?? c.workload.origin, key: "containers",
                       hint: "add an init container: {name: sysctl, image: busybox, command: [sysctl, -w, vm.max_map_count=262144], securityContext: {privileged: true}}")
        }
        // ECK binds to the pod IP, so the bootstrap checks apply to every node set.
        for eck in context.eckClusters {
            for set in eck.resource.nodeSets where !set.mmapDisabled && !set.raisesMaxMapCount {
                report.add("node set \(set.name) of Elasticsearch/\(eck.resource.name) neither raises vm.max_map_count nor disables mmap; the bootstrap check stops it unless every node already has 262144",
                           in: eck.file, at: set.range,
                           hint: "add to podTemplate.spec an init container {name: sysctl, securityContext: {privileged: true, runAsUser: 0}, command: [sh, -c, 'sysctl -w vm.max_map_count=262144']}, or set config: {node.store.allow_mmap: false}")
            }
        }
    }
}
