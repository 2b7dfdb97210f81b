import VigilCore

/// Two containers, ports, volumes or Service ports with the same name in one object.
public struct DuplicateName: Check {
    public static let rule = RuleDescription(
        id: "k8s/duplicate-name", severity: .error,
        summary: "Two containers, container ports, volumes or Service ports share a name (or an environment variable is set twice).",
        rationale: "Names identify containers (logs, exec), ports (probes and Services refer to them) and volumes (mounts refer to them); the API server rejects duplicates (`Duplicate value`). A repeated environment variable is accepted, but only the last value applies, which is rarely what the author meant (reported as a warning).",
        triggering: [
            RuleExample(Example.deployment().replacingOccurrences(of: "- {name: http, containerPort: 8080}", with: "- {name: http, containerPort: 8080}\n            - {name: http, containerPort: 8081}")),
            RuleExample(Example.deployment(container: "env:\n  - {name: LOG_LEVEL, value: info}\n  - {name: LOG_LEVEL, value: debug}")),
        ],
        nonTriggering: [RuleExample(Example.deployment(container: "env:\n  - {name: LOG_LEVEL, value: info}\n  - {name: LOG_FORMAT, value: json}"))])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        let inventory = KubernetesInventory.of(context)
        for w in inventory.workloads {
            var seen = Set<String>()
            for c in w.containers where !seen.insert(c.container.name).inserted {
                report.add("\(w.displayName): \(c.path).name: Duplicate value: \"\(c.container.name)\"", at: c.container.origin, key: "name",
                           hint: "container names must be unique across containers and initContainers")
            }
            for c in w.containers {
                // By index, here and below: a loop over the models copies every field of each.
                var ports = Set<String>()
                let declared = c.container.ports ?? []
                for i in declared.indices {
                    if let n = declared[i].name, !ports.insert(n).inserted {
                        report.add("\(w.displayName): \(c.path).ports: Duplicate value: port name \"\(n)\"", at: declared[i].origin, key: "name")
                    }
                }
                var env = Set<String>()
                let variables = c.container.env ?? []
                for i in variables.indices where !env.insert(variables[i].name).inserted {
                    report.add("\(w.displayName): \(c.path).env: \"\(variables[i].name)\" is set more than once; only the last value applies",
                               at: variables[i].origin, key: "name", severity: .warning)
                }
            }
            var names = Set<String>()
            let volumes = w.podSpec?.volumes ?? []
            for i in volumes.indices where !names.insert(volumes[i].name).inserted {
                report.add("\(w.displayName): \(w.podSpecPath).volumes: Duplicate value: \"\(volumes[i].name)\"", at: volumes[i].origin, key: "name")
            }
        }
        for s in inventory.services {
            var names = Set<String>()
            var numbers = Set<String>()
            for p in s.spec?.ports ?? [] {
                if let n = p.name, !names.insert(n).inserted {
                    report.add("Service/\(s.metadata.name ?? ""): spec.ports: Duplicate value: port name \"\(n)\"", at: p.origin, key: "name")
                }
                let key = "\(p.port)/\((p.protocol ?? .tcp).rawValue)"
                if !numbers.insert(key).inserted {
                    report.add("Service/\(s.metadata.name ?? ""): spec.ports: Duplicate value: port \(key)", at: p.origin, key: "port")
                }
            }
        }
    }
}
