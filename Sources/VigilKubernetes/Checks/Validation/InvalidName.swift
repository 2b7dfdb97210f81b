import VigilCore

/// Object, container, port and volume names that the API server rejects.
public struct InvalidName: Check {
    public static let rule = RuleDescription(
        id: "k8s/invalid-name", severity: .error,
        summary: "A name the API server rejects: object names (DNS-1123), Service names (DNS-1035), container and volume names (DNS-1123 labels), port names and named port references (IANA service names, at most 15 characters; a quoted number is a name).",
        rationale: "Names end up in DNS records and URLs, so Kubernetes restricts them to lower-case letters, digits and '-'. A named container port is also limited to 15 characters with at least one letter, which bites names such as `prometheus-metrics`.",
        triggering: [
            RuleExample(Example.deployment(name: "API_Server")),
            RuleExample(Example.deployment().replacingOccurrences(of: "name: http, containerPort", with: "name: prometheus-metrics, containerPort")),
            RuleExample(Example.deployment(container: "readinessProbe:\n  httpGet: {path: /ready, port: \"8080\"}\n")),
        ],
        nonTriggering: [RuleExample(Example.deployment(name: "api-server.v2"))])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for object in KubernetesInventory.of(context).objects {
            guard let meta = object.metadata else { continue }
            let format: NameFormat
            switch object {
            case .service: format = .dns1035Label
            case .namespace: format = .dns1123Label
            default: format = .dns1123Subdomain
            }
            if let name = meta.name, let problem = format.problem(name) {
                report.add("\(object.kind) name \"\(name)\" is invalid: \(problem)", at: meta.origin, key: "name")
            }
            if case .service(let s) = object {
                for p in s.spec?.ports ?? [] {
                    if let n = p.name, let problem = NameFormat.dns1123Label.problem(n) {
                        report.add("\(object.displayName): port name \"\(n)\" is invalid: \(problem)", at: p.origin, key: "name")
                    }
                    if case .string(let t)? = p.targetPort, let problem = NameFormat.ianaServiceName.problem(t) {
                        report.add("\(object.displayName): targetPort \"\(t)\" is invalid: \(problem)", at: p.origin, key: "targetPort",
                                   hint: Int(t) != nil ? "write the port number without quotes" : nil)
                    }
                }
            }
        }
        let inventory = KubernetesInventory.of(context)
        for p in inventory.probes {
            guard case .string(let name)? = p.probe.port, let problem = NameFormat.ianaServiceName.problem(name) else { continue }
            let origin = p.probe.httpGet?.origin ?? p.probe.tcpSocket?.origin
            report.add("\(p.workload.displayName): \(p.path): port \"\(name)\" is invalid: \(problem)", at: origin, key: "port",
                       hint: Int(name) != nil ? "write the port number without quotes" : nil)
        }
        for w in inventory.workloads {
            for c in w.containers {
                if let problem = NameFormat.dns1123Label.problem(c.container.name) {
                    report.add("\(w.displayName): \(c.path).name \"\(c.container.name)\" is invalid: \(problem)", at: c.container.origin, key: "name")
                }
                for p in c.container.ports ?? [] {
                    if let n = p.name, let problem = NameFormat.ianaServiceName.problem(n) {
                        report.add("\(w.displayName): \(c.path): port name \"\(n)\" is invalid: \(problem)", at: p.origin, key: "name")
                    }
                }
            }
            // By index: a loop over the volumes copies every field of each.
            let volumes = w.podSpec?.volumes ?? []
            for i in volumes.indices {
                if let problem = NameFormat.dns1123Label.problem(volumes[i].name) {
                    report.add("\(w.displayName): volume name \"\(volumes[i].name)\" is invalid: \(problem)", at: volumes[i].origin, key: "name")
                }
            }
        }
    }
}
