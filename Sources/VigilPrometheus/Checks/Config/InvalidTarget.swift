import VigilCore

/// Static targets that are not `host:port`.
public struct InvalidTarget: Check {
    public static let rule = RuleDescription(
        id: "prometheus/invalid-target", severity: .error,
        summary: "A static target is not `host` or `host:port` (it has a scheme, a path or is empty).",
        rationale: "Targets are addresses; the scheme and path come from `scheme` and `metrics_path`. Prometheus refuses `http://api:8080/metrics` (\"… is not a valid hostname\").",
        triggering: [ConfigExample.job("    static_configs:\n      - targets: [\"http://api:8080/metrics\"]\n")],
        nonTriggering: [ConfigExample.job("    static_configs:\n      - targets: [\"api:8080\", \"10.0.0.1:9100\", \"[::1]:9090\"]\n")])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for f in context.prometheusConfigs {
            for (sd, owner) in f.discoveries {
                for sc in sd.staticConfigs ?? [] {
                    let nodes = sc.origin?.node?["targets"]?.sequence ?? []
                    for (i, t) in (sc.targets ?? []).enumerated() {
                        let node = i < nodes.count ? nodes[i] : nil
                        if t.isEmpty {
                            report.add("empty target in static_configs of \(owner)", in: f.file, node: node)
                        } else if t.contains("/") {
                            var host = Substring(t)
                            if let r = host.range(of: "://") { host = host[r.upperBound...] }
                            if let slash = host.firstIndex(of: "/") { host = host[..<slash] }
                            report.add("\"\(t)\" is not a valid hostname (static_configs of \(owner))", in: f.file, node: node,
                                       hint: "write the address only (\"\(host)\"); set scheme and metrics_path on the job")
                        } else if t.contains(" ") {
                            report.add("\"\(t)\" is not a valid hostname (static_configs of \(owner))", in: f.file, node: node)
                        }
                    }
                }
            }
        }
    }
}
