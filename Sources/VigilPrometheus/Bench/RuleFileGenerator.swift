/// Generates large, realistic rule files for benchmarks (`make bench` compares Vigil with
/// `promtool check rules` on 10 000 alerting rules).
///
/// The rules look like production alerts: error ratios, latency quantiles over histograms,
/// saturation, availability, disk forecasts and absent targets, with `for`, labels and templated
/// annotations (`{{ $labels.x }}`, `{{ $value | humanizePercentage }}`). Output is deterministic
/// for a given count and seed, and valid for promtool and Vigil (no errors).
public enum RuleFileGenerator {
    /// A rule file of `count` alerting rules in groups of `groupSize`.
    public static func alertingRules(count: Int, groupSize: Int = 25, seed: UInt64 = 42) -> String {
        var rng = SplitMix(state: seed)
        var out = "groups:\n"
        out.reserveCapacity(count * 560)
        var index = 0
        var group = 0
        while index < count {
            let service = services[group % services.count] + (group >= services.count ? "-\(group / services.count)" : "")
            out += "  - name: \(service).rules\n"
            if group % 3 == 0 { out += "    interval: 30s\n" }
            out += "    rules:\n"
            for _ in 0..<min(groupSize, count - index) {
                out += rule(index: index, service: service, rng: &rng)
                index += 1
            }
            group += 1
        }
        return out
    }

    static let services = ["checkout", "payments", "search", "catalog", "accounts", "inventory", "shipping", "gateway",
                           "recommendations", "notifications", "auth", "billing", "media", "reports", "ingest"]
    static let teams = ["platform", "payments", "search", "storefront", "identity", "data"]
    static let windows = ["5m", "10m", "15m", "30m"]

    struct SplitMix {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
        mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
    }

    static func rule(index: Int, service: String, rng: inout SplitMix) -> String {
        let metric = String(service.map { $0 == "-" ? "_" : $0 })
        let window = rng.pick(windows)
        let team = rng.pick(teams)
        let severity = index % 4 == 0 ? "critical" : "warning"
        let name: String
        let expr: String
        let forDuration: String
        let summary: String
        let description: String
        switch index % 8 {
        case 0:
            let threshold = Double(rng.int(1...20)) / 100
            name = "\(camel(service))HighErrorRatio\(index)"
            expr = """
                sum by (job, route) (rate(\(metric)_http_requests_total{code=~"5..", env="production"}[\(window)]))
                  / sum by (job, route) (rate(\(metric)_http_requests_total{env="production"}[\(window)])) > \(threshold)
                """
            forDuration = "10m"
            summary = "{{ $labels.job }} {{ $labels.route }}: {{ $value | humanizePercentage }} of requests fail"
            description = "More than \(Int(threshold * 100))% of requests to {{ $labels.route }} on {{ $labels.job }} returned 5xx over the last \(window)."
        case 1:
            let quantile = rng.pick(["0.9", "0.95", "0.99"])
            let seconds = rng.pick(["0.5", "1", "2.5", "5"])
            name = "\(camel(service))HighLatency\(index)"
            expr = """
                histogram_quantile(\(quantile), sum by (le, job, route) (rate(\(metric)_http_request_duration_seconds_bucket[\(window)]))) > \(seconds)
                """
            forDuration = "15m"
            summary = "{{ $labels.job }} {{ $labels.route }} p\(quantile.dropFirst(2)) latency is {{ $value | humanizeDuration }}"
            description = "The \(quantile) quantile of request latency on {{ $labels.route }} is above \(seconds)s."
        case 2:
            name = "\(camel(service))TargetDown\(index)"
            expr = "up{job=\"\(service)\"} == 0"
            forDuration = "5m"
            summary = "{{ $labels.instance }} of {{ $labels.job }} is down"
            description = "Prometheus could not scrape {{ $labels.instance }} for 5 minutes."
        case 3:
            let percent = rng.int(80...95)
            name = "\(camel(service))HighMemory\(index)"
            expr = """
                max by (namespace, pod, container) (container_memory_working_set_bytes{namespace="\(service)", container!=""})
                  / max by (namespace, pod, container) (container_spec_memory_limit_bytes{namespace="\(service)", container!=""} > 0) * 100 > \(percent)
                """
            forDuration = "15m"
            summary = "{{ $labels.pod }}/{{ $labels.container }} uses {{ $value | printf \"%.0f\" }}% of its memory limit"
            description = "Container {{ $labels.container }} in {{ $labels.namespace }} is close to its memory limit and may be OOM-killed."
        case 4:
            let hours = rng.pick(["4", "12", "24"])
            name = "\(camel(service))DiskWillFill\(index)"
            expr = """
                predict_linear(node_filesystem_avail_bytes{job="node", mountpoint="/var/lib/\(service)"}[6h], \(hours) * 3600) < 0
                  and node_filesystem_avail_bytes{job="node", mountpoint="/var/lib/\(service)"} / node_filesystem_size_bytes{job="node", mountpoint="/var/lib/\(service)"} < 0.2
                """
            forDuration = "1h"
            summary = "{{ $labels.instance }}: {{ $labels.mountpoint }} fills up within \(hours)h"
            description = "At the current rate the filesystem {{ $labels.mountpoint }} on {{ $labels.instance }} is full in less than \(hours) hours."
        case 5:
            let depth = rng.int(100...5000)
            name = "\(camel(service))QueueBacklog\(index)"
            expr = "max by (job, queue) (\(metric)_queue_depth) > \(depth)"
            forDuration = "10m"
            summary = "{{ $labels.queue }} on {{ $labels.job }} has {{ $value | humanize }} pending messages"
            description = "The queue {{ $labels.queue }} is above \(depth) messages; consumers may be stuck."
        case 6:
            name = "\(camel(service))MetricsAbsent\(index)"
            expr = "absent(up{job=\"\(service)\"})"
            forDuration = "10m"
            summary = "No \(service) targets are being scraped"
            description = "Prometheus has no {{ $labels.job }} targets; service discovery or the deployment is broken."
        default:
            let per = rng.int(1...10)
            name = "\(camel(service))FrequentRestarts\(index)"
            expr = "increase(kube_pod_container_status_restarts_total{namespace=\"\(service)\"}[1h]) > \(per)"
            forDuration = "5m"
            summary = "{{ $labels.pod }} restarted {{ $value | humanize }} times in an hour"
            description = "Container {{ $labels.container }} of {{ $labels.pod }} keeps restarting; check its logs and probes."
        }
        var s = "      - alert: \(name)\n        expr: |\n"
        for line in expr.split(separator: "\n") { s += "          \(line)\n" }
        s += "        for: \(forDuration)\n"
        s += "        labels:\n          severity: \(severity)\n          team: \(team)\n          service: \(service)\n"
        s += "        annotations:\n"
        s += "          summary: \(quote(summary))\n"
        s += "          description: \(quote(description))\n"
        s += "          runbook_url: https://runbooks.example.org/\(service)/\(name.lowercased())\n"
        return s
    }

    static func camel(_ s: String) -> String {
        s.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for c in s {
            if c == "\\" || c == "\"" { out.append("\\") }
            out.append(c)
        }
        return out + "\""
    }
}
