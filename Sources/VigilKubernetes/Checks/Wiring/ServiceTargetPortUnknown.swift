import VigilCore

/// A Service `targetPort` no selected pod listens on.
public struct ServiceTargetPortUnknown: Check {
    public static let rule = RuleDescription(
        id: "service/target-port-unknown", severity: .warning,
        summary: "A Service's targetPort is not a port of the containers of the pods it selects.",
        rationale: "A named targetPort that no container declares gives the Service no endpoints for that port: connections are refused although the pods are ready (reported as an error). A number nobody declares usually means traffic goes to the wrong listener. Checked against the pod templates in the same run.",
        triggering: [RuleExample(Example.deployment() + "---\n" + Example.service(targetPort: "web"))],
        nonTriggering: [RuleExample(Example.deployment() + "---\n" + Example.service(targetPort: "http")),
                        RuleExample(Example.deployment() + "---\n" + Example.service(targetPort: "8080"))])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        let inventory = KubernetesInventory.of(context)
        for s in inventory.services {
            let pods = inventory.workloads(selectedBy: s)
            guard !pods.isEmpty else { continue }
            for p in s.spec?.ports ?? [] {
                let target = p.effectiveTargetPort
                if case .string(let text) = target, Int(text) != nil { continue }  // k8s/invalid-name
                let missing = pods.filter { $0.containerPort(matching: target) == nil }
                guard !missing.isEmpty else { continue }
                let names = missing.map(\.displayName).joined(separator: ", ")
                let declared = Set(missing.flatMap { $0.longRunningContainers.flatMap { $0.container.ports ?? [] } }.compactMap(\.name)).sorted()
                if case .string(let name) = target, Int(name) == nil {
                    report.add("Service/\(s.metadata.name ?? ""): targetPort \"\(name)\" is not a named container port of \(names); the Service has no endpoints for port \(p.port)",
                               at: p.origin, key: "targetPort", hint: Suggestion.closest(to: name, in: declared).map { "did you mean \"\($0)\"?" }, severity: .error)
                } else {
                    let allPorts = missing.flatMap { $0.longRunningContainers.flatMap { $0.container.ports ?? [] } }
                    guard !allPorts.isEmpty else { continue }
                    report.add("Service/\(s.metadata.name ?? ""): targetPort \(target) is not a declared container port of \(names)",
                               at: p.origin, key: p.targetPort == nil ? "port" : "targetPort",
                               hint: declared.isEmpty ? nil : "refer to the container port by name, e.g. `targetPort: \(declared[0])`")
                }
            }
        }
    }
}
