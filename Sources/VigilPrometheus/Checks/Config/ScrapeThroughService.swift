import VigilCore

/// Static targets that are Kubernetes Service names: scraping through the load balancer.
public struct ScrapeThroughService: Check {
    public static let rule = RuleDescription(
        id: "prometheus/scrape-through-service", severity: .warning,
        summary: "A static target is a Kubernetes Service name (`*-service`, `*.svc`): each scrape reaches a random pod behind it.",
        rationale: "A Service load-balances, so with several replicas every scrape lands on a different pod: their counters interleave under one `instance` (rate() sees a reset at every switch and reports garbage), and a dead pod goes unnoticed while the others answer. Discover the pods with `kubernetes_sd_configs` (role `endpoints` or `pod`) and keep the Service's endpoints with a relabel rule.",
        triggering: [ConfigExample.job("    static_configs:\n      - targets: ['aurelis-service:9090']\n"),
                     ConfigExample.job("    static_configs:\n      - targets: ['api.production.svc.cluster.local:8080']\n")],
        nonTriggering: [ConfigExample.job("    static_configs:\n      - targets: ['api-0.example.org:8080', 'localhost:9090']\n")])

    public init() {}

    /// Whether a target address names a Kubernetes Service.
    static func looksLikeService(_ target: String) -> Bool {
        var host = Substring(target)
        if let colon = host.lastIndex(of: ":"), !host.hasPrefix("[") { host = host[..<colon] }
        let lower = host.lowercased()
        if lower.hasSuffix(".svc") || lower.contains(".svc.") { return true }
        let first = lower.split(separator: ".").first.map(String.init) ?? lower
        return first.hasSuffix("-service") || first.hasSuffix("-svc")
    }

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for f in context.prometheusConfigs {
            for job in f.config.scrapeConfigs ?? [] {
                for sc in job.discovery.staticConfigs ?? [] {
                    let nodes = sc.origin?.node?["targets"]?.sequence ?? []
                    for (i, t) in (sc.targets ?? []).enumerated() where Self.looksLikeService(t) {
                        report.add("target \"\(t)\" of job \"\(job.jobName)\" looks like a Kubernetes Service: each scrape reaches one pod behind it at random, so the pods' series interleave and a dead pod goes unnoticed",
                                   in: f.file, node: i < nodes.count ? nodes[i] : nil,
                                   hint: "scrape the pods: kubernetes_sd_configs with role: endpoints (or pod) and a keep rule on the Service's name")
                    }
                }
            }
        }
    }
}
