import VigilCore

/// remote_write / remote_read entries need a URL; remote write names are unique.
public struct RemoteStorageURL: Check {
    public static let rule = RuleDescription(
        id: "prometheus/remote-storage", severity: .error,
        summary: "A remote_write or remote_read entry has no `url` (or not an http/https one), or two remote writes share a name.",
        rationale: "Prometheus refuses the config (\"url for remote_write is empty\", \"found multiple remote write configs with job name\"): every remote endpoint needs an address, and names identify the queues in metrics.",
        triggering: [RuleExample("remote_write:\n  - name: cortex\n    queue_config:\n      max_shards: 10\n", path: "prometheus.yml"),
                     RuleExample("remote_write:\n  - url: https://a/api/v1/push\n    name: x\n  - url: https://b/api/v1/push\n    name: x\n", path: "prometheus.yml")],
        nonTriggering: [RuleExample("remote_write:\n  - url: https://cortex/api/v1/push\n    name: cortex\n", path: "prometheus.yml")])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for f in context.prometheusConfigs {
            var names: Set<String> = []
            for rw in f.config.remoteWrite ?? [] {
                check(url: rw.url, kind: "remote_write", origin: rw.origin, &report)
                if let n = rw.name, !n.isEmpty {
                    if names.contains(n) { report.add("found multiple remote write configs with name \"\(n)\"", at: rw.origin, key: "name") }
                    names.insert(n)
                }
            }
            for rr in f.config.remoteRead ?? [] { check(url: rr.url, kind: "remote_read", origin: rr.origin, &report) }
        }
    }

    func check(url: String?, kind: String, origin: Provenance?, _ report: inout CheckReport) {
        guard let url, !url.isEmpty else {
            report.add("url for \(kind) is empty", at: origin, hint: "add url: https://<host>/api/v1/\(kind == "remote_write" ? "write" : "read")")
            return
        }
        let lower = url.lowercased()
        if !(lower.hasPrefix("http://") || lower.hasPrefix("https://")) {
            report.add("url \"\(url)\" for \(kind) must use http or https", at: origin, key: "url")
        }
    }
}
