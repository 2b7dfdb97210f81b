import VigilCore

/// Fields the API server requires that the schema leaves optional: a name, containers, an
/// image, names on the ports of a multi-port Service.
public struct RequiredField: Check {
    public static let rule = RuleDescription(
        id: "k8s/required-field", severity: .error,
        summary: "An object lacks a field the API server requires: metadata.name, a pod's containers, a container's image, the name of each port of a multi-port Service.",
        rationale: "These are not marked required in the OpenAPI schema, so schema validators let them through, but the API server rejects the object (`Required value`). Caught here, they fail the pull request instead of the deploy.",
        triggering: [
            RuleExample(Example.deployment().replacingOccurrences(of: "          image: registry.example.com/api:1.4.2\n", with: "")),
            RuleExample("apiVersion: v1\nkind: Service\nmetadata: {name: api}\nspec:\n  selector: {app: api}\n  ports:\n    - {port: 80, targetPort: 8080}\n    - {port: 9090}\n"),
        ],
        nonTriggering: [RuleExample(Example.deployment()), RuleExample("apiVersion: v1\nkind: Service\nmetadata: {name: api}\nspec:\n  selector: {app: api}\n  ports:\n    - {port: 80, targetPort: 8080}\n")])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        let inventory = KubernetesInventory.of(context)
        for o in inventory.objects {
            guard let meta = o.metadata, meta.name == nil || meta.name == "" else { continue }
            if meta.generateName == nil || meta.generateName == "" {
                report.add("\(o.kind): metadata.name: Required value: name or generateName is required", at: meta.origin ?? o.origin)
            }
        }
        for w in inventory.workloads {
            if let spec = w.podSpec, spec.containers.isEmpty {
                report.add("\(w.displayName): \(w.podSpecPath).containers: Required value", at: spec.origin, key: "containers")
            }
            for c in w.containers where (c.container.image ?? "").isEmpty {
                report.add("\(w.displayName): \(c.path).image: Required value", at: c.container.origin, key: c.container.image == nil ? nil : "image",
                           hint: "name the image with a pinned tag or digest, e.g. `image: registry.example.com/app:1.2.3`")
            }
        }
        for s in inventory.services {
            let ports = s.spec?.ports ?? []
            guard ports.count > 1 else { continue }
            for (i, p) in ports.enumerated() where (p.name ?? "").isEmpty {
                report.add("Service/\(s.metadata.name ?? ""): spec.ports[\(i)].name: Required value: a Service with several ports must name each",
                           at: p.origin, hint: "add `name: <protocol>` (e.g. `http`, `metrics`); ServiceMonitors refer to ports by name")
            }
        }
    }
}
