import VigilCore

/// A Service whose selector matches no pod template of the run.
public struct ServiceSelectorMatchesNothing: Check {
    public static let rule = RuleDescription(
        id: "service/selector-matches-nothing", severity: .warning,
        summary: "A Service's selector matches none of the pod templates in its namespace in this run.",
        rationale: "A Service whose selector matches no pod has no endpoints: clients get connection refused and Prometheus scrapes nothing, with no error anywhere. The usual cause is a label renamed on the Deployment but not on the Service. Only reported when the run contains workloads in the Service's namespace (the pods might be defined elsewhere otherwise).",
        triggering: [RuleExample(Example.deployment() + "---\n" + Example.service(selector: "{app: api-server}"))],
        nonTriggering: [RuleExample(Example.deployment() + "---\n" + Example.service()), RuleExample(Example.service(selector: "{app: elsewhere}"))])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        let inventory = KubernetesInventory.of(context)
        for s in inventory.services {
            guard let selector = s.spec?.selector, !selector.isEmpty else { continue }
            let neighbourCount = inventory.workloadCount(inNamespace: s.metadata.namespace)
            guard neighbourCount > 0, inventory.workloads(selectedBy: s).isEmpty else { continue }
            let neighbours = inventory.workloads.filter { KubernetesInventory.sameNamespace($0.metadata.namespace, s.metadata.namespace) }
            let shown = selector.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            let near = neighbours.first { w in selector.contains { w.podLabels?[$0.key] != nil } }
            report.add("Service/\(s.metadata.name ?? ""): selector \(shown) matches no pod template of the \(neighbours.count) workload(s) in its namespace; the Service has no endpoints",
                       at: s.spec?.origin, key: "selector",
                       hint: near.map { "\($0.displayName) has labels \(($0.podLabels ?? StringMap()).map { "\($0.key)=\($0.value)" }.joined(separator: ","))" })
        }
    }
}
