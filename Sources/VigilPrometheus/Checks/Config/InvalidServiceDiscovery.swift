import VigilCore

/// Service-discovery blocks Prometheus refuses (Kubernetes, DNS, file).
public struct InvalidServiceDiscovery: Check {
    public static let rule = RuleDescription(
        id: "prometheus/invalid-service-discovery", severity: .error,
        summary: "A Kubernetes, DNS or file service-discovery block Prometheus refuses.",
        rationale: "kubernetes_sd_configs needs a valid `role` and cannot combine `api_server` with `kubeconfig_file`; dns_sd_configs needs names, a known record type and a port for A/AAAA records; file_sd_configs needs files ending in .json, .yml or .yaml.",
        triggering: [ConfigExample.job("    kubernetes_sd_configs:\n      - role: pods\n"),
                     ConfigExample.job("    dns_sd_configs:\n      - names: [api.example.org]\n        type: A\n"),
                     ConfigExample.job("    file_sd_configs:\n      - files: [targets.txt]\n")],
        nonTriggering: [ConfigExample.job("    kubernetes_sd_configs:\n      - role: pod\n        namespaces:\n          names: [prod]\n    dns_sd_configs:\n      - names: [api.example.org]\n        type: A\n        port: 9100\n    file_sd_configs:\n      - files: [targets/*.json]\n")])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for f in context.prometheusConfigs {
            for (sd, owner) in f.discoveries {
                for k in sd.kubernetesSDConfigs ?? [] {
                    let role = k.role ?? ""
                    if role.isEmpty {
                        report.add("role missing (one of: pod, service, endpoints, endpointslice, node, ingress) in kubernetes_sd_configs of \(owner)", at: k.origin)
                    } else if !KubernetesSDConfig.roles.contains(role) {
                        let hint = Suggestion.closest(to: role, in: KubernetesSDConfig.roles).map { "did you mean \"\($0)\"?" }
                        report.add("unknown Kubernetes SD role \"\(role)\" in \(owner)", at: k.origin, key: "role", hint: hint)
                    }
                    if !(k.apiServer ?? "").isEmpty && !(k.kubeconfigFile ?? "").isEmpty {
                        report.add("cannot use 'kubeconfig_file' and 'api_server' simultaneously (\(owner))", at: k.origin, key: "kubeconfig_file")
                    }
                    for s in k.selectors ?? [] where !(s.role.map(KubernetesSDConfig.roles.contains) ?? false) {
                        report.add("selector role \"\(s.role ?? "")\" is not one of the Kubernetes SD roles (\(owner))", at: s.origin, key: "role")
                    }
                }
                for d in sd.dnsSDConfigs ?? [] {
                    if (d.names ?? []).isEmpty {
                        report.add("DNS-SD config must contain at least one SRV record name (\(owner))", at: d.origin)
                    }
                    let type = (d.type ?? "SRV").uppercased()
                    if !["SRV", "A", "AAAA", "MX", "NS"].contains(type) {
                        report.add("invalid DNS-SD records type \(d.type ?? "") (\(owner))", at: d.origin, key: "type", hint: "one of SRV, A, AAAA, MX, NS")
                    } else if type != "SRV", (d.port ?? 0) == 0 {
                        report.add("a port is required in DNS-SD configs for all record types except SRV (\(owner))", at: d.origin, key: "type", hint: "add port: <port>")
                    }
                }
                for fs in sd.fileSDConfigs ?? [] {
                    let files = fs.files ?? []
                    if files.isEmpty {
                        report.add("file service discovery config must contain at least one path name (\(owner))", at: fs.origin)
                    }
                    let nodes = fs.origin?.node?["files"]?.sequence ?? []
                    for (i, path) in files.enumerated() where !Self.isValidFilePattern(path) {
                        report.add("path name \"\(path)\" is not valid for file discovery (\(owner))", in: f.file, node: i < nodes.count ? nodes[i] : nil,
                                   hint: "file_sd reads .json, .yml and .yaml files; a * may only appear in the last path segment")
                    }
                }
            }
        }
    }

    /// `^[^*]*(\*[^/]*)?\.(json|yml|yaml|JSON|YML|YAML)$`
    static func isValidFilePattern(_ p: String) -> Bool {
        let exts = [".json", ".yml", ".yaml", ".JSON", ".YML", ".YAML"]
        guard let ext = exts.first(where: { p.hasSuffix($0) }) else { return false }
        let stem = p.dropLast(ext.count)
        guard let star = stem.firstIndex(of: "*") else { return true }
        let rest = stem[stem.index(after: star)...]
        return !rest.contains("/") && !rest.contains("*")
    }
}
