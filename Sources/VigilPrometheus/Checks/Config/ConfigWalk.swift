import VigilCore

/// Where a relabel config sits, for messages.
struct RelabelUse {
    let config: RelabelConfig
    let section: String
    let file: SourceFile
}

/// An HTTP client config and what it belongs to.
struct HTTPUse {
    let http: HTTPClientConfig
    let owner: String
    let file: SourceFile
}

extension PrometheusConfigFile {
    /// Every relabel config of the file with the name of its section.
    var relabelConfigs: [RelabelUse] {
        var out: [RelabelUse] = []
        func add(_ list: [RelabelConfig]?, _ section: String) {
            for c in list ?? [] { out.append(RelabelUse(config: c, section: section, file: file)) }
        }
        for job in config.scrapeConfigs ?? [] {
            add(job.relabelConfigs, "relabel_configs of job \"\(job.jobName)\"")
            add(job.metricRelabelConfigs, "metric_relabel_configs of job \"\(job.jobName)\"")
        }
        add(config.alerting?.alertRelabelConfigs, "alerting.alert_relabel_configs")
        for (i, am) in (config.alerting?.alertmanagers ?? []).enumerated() {
            add(am.relabelConfigs, "relabel_configs of alertmanagers[\(i)]")
            add(am.alertRelabelConfigs, "alert_relabel_configs of alertmanagers[\(i)]")
        }
        for (i, rw) in (config.remoteWrite ?? []).enumerated() {
            add(rw.writeRelabelConfigs, "write_relabel_configs of remote_write[\(i)]")
        }
        return out
    }

    /// Every HTTP client config of the file.
    var httpConfigs: [HTTPUse] {
        var out: [HTTPUse] = []
        for job in config.scrapeConfigs ?? [] {
            out.append(HTTPUse(http: job.http, owner: "job \"\(job.jobName)\"", file: file))
            for k in job.discovery.kubernetesSDConfigs ?? [] { out.append(HTTPUse(http: k.http, owner: "kubernetes_sd_configs of job \"\(job.jobName)\"", file: file)) }
        }
        for (i, am) in (config.alerting?.alertmanagers ?? []).enumerated() {
            out.append(HTTPUse(http: am.http, owner: "alertmanagers[\(i)]", file: file))
        }
        for (i, rw) in (config.remoteWrite ?? []).enumerated() { out.append(HTTPUse(http: rw.http, owner: "remote_write[\(i)]", file: file)) }
        for (i, rr) in (config.remoteRead ?? []).enumerated() { out.append(HTTPUse(http: rr.http, owner: "remote_read[\(i)]", file: file)) }
        return out
    }

    /// Every service-discovery block with its owner.
    var discoveries: [(ServiceDiscoveryConfigs, String)] {
        var out: [(ServiceDiscoveryConfigs, String)] = []
        for job in config.scrapeConfigs ?? [] { out.append((job.discovery, "job \"\(job.jobName)\"")) }
        for (i, am) in (config.alerting?.alertmanagers ?? []).enumerated() { out.append((am.discovery, "alertmanagers[\(i)]")) }
        return out
    }
}

/// A small config for examples.
enum ConfigExample {
    static func job(_ body: String, global: String = "") -> RuleExample {
        let g = global.isEmpty ? "" : "global:\n" + global
        return RuleExample(g + "scrape_configs:\n  - job_name: api\n" + body, path: "prometheus.yml")
    }

    static let targets = "    static_configs:\n      - targets: [\"api:8080\"]\n"
}
