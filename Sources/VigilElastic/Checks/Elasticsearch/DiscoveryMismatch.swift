import VigilCore

/// Discovery settings that do not name the StatefulSet's pods.
public struct DiscoveryMismatch: Check {
    public static let rule = RuleDescription(
        id: "elastic/discovery-mismatch", severity: .error,
        summary: "`discovery.seed_hosts` or `cluster.initial_master_nodes` do not match the StatefulSet's name, replicas and serviceName.",
        rationale: "A StatefulSet's pods are named `<name>-0 … <name>-(n-1)` and reachable as `<pod>.<serviceName>`. Seed hosts that name other hosts never resolve, and `cluster.initial_master_nodes` entries that are not node names (node.name is the pod name) make the first election wait forever (`master not discovered yet, this node has not previously joined a bootstrapped cluster`). A multi-node StatefulSet with `discovery.type: single-node` forms one cluster per pod.",
        triggering: [RuleExample(ExampleManifests.es { $0.seedHosts = "elasticsearch-0.elasticsearch,elasticsearch-1.elasticsearch" }),
                     RuleExample(ExampleManifests.es { $0.initialMasters = "es-0,es-1,es-2,es-3" }),
                     RuleExample(ExampleManifests.es { $0.extraEnv = [("discovery.type", "single-node")]; $0.seedHosts = nil; $0.initialMasters = nil })],
        nonTriggering: [RuleExample(ExampleManifests.es()), RuleExample(ExampleManifests.es { $0.seedHosts = "es" }),
                        RuleExample(ExampleManifests.es { $0.seedHosts = "es-0.es.default.svc.cluster.local:9300,es-1.es.default.svc,es-2.es" })])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for c in context.elastic(.elasticsearch) {
            guard let sts = c.statefulSet, let name = sts.metadata.name else { continue }
            let service = sts.spec.serviceName ?? ""
            let n = c.replicas
            let pods = (0..<n).map { "\(name)-\($0)" }
            if let t = c.setting("discovery.type"), t.value == "single-node" {
                if n > 1, let file = t.file {
                    report.add("discovery.type is single-node but the StatefulSet has \(n) replicas: each pod forms its own one-node cluster",
                               in: file, at: t.range, hint: "remove discovery.type and set discovery.seed_hosts and cluster.initial_master_nodes")
                }
                continue
            }
            if n > 1, c.setting("discovery.seed_hosts") == nil, c.setting("discovery.seed_providers") == nil {
                report.add("\(c.workload.displayName) runs \(n) Elasticsearch nodes but sets no discovery.seed_hosts: the nodes cannot find each other",
                           at: c.container.origin, key: "env",
                           hint: "discovery.seed_hosts: \"\(pods.map { "\($0).\(service)" }.joined(separator: ","))\" (or the headless Service name \"\(service)\")")
            }
            if let seeds = c.setting("discovery.seed_hosts"), let file = seeds.file {
                for host in c.list("discovery.seed_hosts") {
                    let bare = String(host.split(separator: ":").first ?? Substring(host))
                    let labels = bare.split(separator: ".").map(String.init)
                    guard let first = labels.first else { continue }
                    if first == service && !service.isEmpty { continue }  // the headless Service: all pods
                    if pods.contains(first), labels.count >= 2, labels[1] == service { continue }
                    let why: String
                    if pods.contains(first) {
                        why = "the pods are reachable as \(first).\(service), through the StatefulSet's serviceName"
                    } else if first.hasPrefix(name + "-"), let i = Int(first.dropFirst(name.count + 1)), i >= n {
                        why = "the StatefulSet has only \(n) replicas (\(pods.first ?? "")…\(pods.last ?? ""))"
                    } else {
                        why = "the StatefulSet's pods are \(pods.prefix(3).joined(separator: ", "))\(n > 3 ? "…" : "") behind the Service \(service)"
                    }
                    report.add("discovery.seed_hosts names \(host), which is not a pod of StatefulSet \(name): \(why)",
                               in: file, at: seeds.range, hint: "discovery.seed_hosts: \"\(pods.map { "\($0).\(service)" }.joined(separator: ","))\"")
                }
            }
            let nodeNameFromPod = c.env["node.name"]?.valueFrom?.fieldRef?.node["fieldPath"]?.scalarText == "metadata.name"
            if let masters = c.setting("cluster.initial_master_nodes"), let file = masters.file, nodeNameFromPod {
                let listed = c.list("cluster.initial_master_nodes")
                let unknown = listed.filter { !pods.contains($0) }
                if !unknown.isEmpty {
                    report.add("cluster.initial_master_nodes lists \(unknown.joined(separator: ", ")), which \(unknown.count == 1 ? "is not a node" : "are not nodes") of StatefulSet \(name) (node.name is the pod name)",
                               in: file, at: masters.range, hint: "cluster.initial_master_nodes: \"\(pods.joined(separator: ","))\"")
                }
            }
        }
    }
}
