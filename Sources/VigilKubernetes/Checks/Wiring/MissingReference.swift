import VigilCore

/// ConfigMaps and Secrets referenced by a pod but absent from the run.
public struct MissingReference: Check {
    public static let rule = RuleDescription(
        id: "k8s/missing-reference", severity: .info,
        summary: "A pod mounts or reads a ConfigMap or Secret that is not defined in the run (and is not marked optional).",
        rationale: "A pod referring to a missing ConfigMap or Secret stays in ContainerCreating (`configmap \"x\" not found`). They are often created elsewhere (by Helm, an operator, a secret manager), so this is information: check the name.",
        triggering: [RuleExample(Example.deployment(pod: "volumes:\n  - name: config\n    configMap: {name: api-config}\n"))],
        nonTriggering: [RuleExample(Example.deployment(pod: "volumes:\n  - name: config\n    configMap: {name: api-config}\n") + "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: api-config}\ndata: {LOG_LEVEL: info}\n"),
                        RuleExample(Example.deployment(pod: "volumes:\n  - name: config\n    configMap: {name: api-config, optional: true}\n"))])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        let inventory = KubernetesInventory.of(context)
        for w in inventory.workloads {
            let ns = w.metadata.namespace
            func configMap(_ name: String?, optional: Bool?, at origin: Provenance?, key: String) {
                guard let name, optional != true, inventory.configMap(named: name, namespace: ns) == nil else { return }
                report.add("\(w.displayName): ConfigMap \"\(name)\" is not defined in this run", at: origin, key: key,
                           hint: Suggestion.closest(to: name, in: inventory.configMaps.compactMap(\.metadata.name)).map { "did you mean \"\($0)\"?" })
            }
            func secret(_ name: String?, optional: Bool?, at origin: Provenance?, key: String) {
                guard let name, optional != true, inventory.secret(named: name, namespace: ns) == nil else { return }
                report.add("\(w.displayName): Secret \"\(name)\" is not defined in this run", at: origin, key: key,
                           hint: Suggestion.closest(to: name, in: inventory.secrets.compactMap(\.metadata.name)).map { "did you mean \"\($0)\"?" })
            }
            // By index, here and below: a loop over the models copies every field of each.
            let volumes = w.podSpec?.volumes ?? []
            for i in volumes.indices {
                if let c = volumes[i].configMap { configMap(c.name, optional: c.optional, at: c.origin, key: "name") }
                if let s = volumes[i].secret { secret(s.secretName, optional: s.optional, at: s.origin, key: "secretName") }
                for src in volumes[i].projected?.sources ?? [] {
                    if let c = src.configMap { configMap(c.name, optional: c.optional, at: c.origin, key: "name") }
                    if let s = src.secret { secret(s.name, optional: s.optional, at: s.origin, key: "name") }
                }
            }
            for c in w.containers {
                for e in c.container.envFrom ?? [] {
                    if let r = e.configMapRef { configMap(r.name, optional: r.optional, at: r.origin, key: "name") }
                    if let r = e.secretRef { secret(r.name, optional: r.optional, at: r.origin, key: "name") }
                }
                let variables = c.container.env ?? []
                for i in variables.indices {
                    if let r = variables[i].valueFrom?.configMapKeyRef { configMap(r.name, optional: r.optional, at: r.origin, key: "name") }
                    if let r = variables[i].valueFrom?.secretKeyRef { secret(r.name, optional: r.optional, at: r.origin, key: "name") }
                }
            }
        }
    }
}
