import VigilCore

/// `prometheus/prometheus.yml` and `prometheus/rules/<service>.yml` of a stack.
struct PrometheusGeneration {
    let stack: Stack

    var service: ServiceDefinition { stack.service }
    var scrape: ScrapeDefinition { stack.scrape ?? ScrapeDefinition() }
    static let rulesDirectory = "/etc/prometheus/rules"
    var alertmanagerTarget: String { "alertmanager.\(service.effectiveMonitoringNamespace).svc:9093" }

    func config() -> Node {
        var external: [(String, String)] = [("service", service.name)]
        if let env = stack.environment { external.append(("environment", env)) }
        for (k, v) in scrape.externalLabels ?? [:] { external.removeAll { $0.0 == k }; external.append((k, v)) }
        return N.map([
            "global": N.map([
                "scrape_interval": N.duration(scrape.effectiveInterval),
                "scrape_timeout": N.optionalDuration(scrape.timeout),
                "evaluation_interval": N.duration(scrape.effectiveEvaluationInterval),
                "external_labels": N.labels(external),
            ]),
            "rule_files": N.strings(["\(Self.rulesDirectory)/*.yml"]),
            "alerting": N.map([
                "alertmanagers": N.list([N.map(["static_configs": N.list([N.map(["targets": N.strings([alertmanagerTarget])])])])]),
            ]),
            "scrape_configs": N.list((scrape.jobs ?? []).map(job)),
        ])
    }

    private func job(_ j: ScrapeJobDefinition) -> Node {
        var pairs: [(String, Node)] = [("job_name", N.str(j.name))]
        if let i = j.interval { pairs.append(("scrape_interval", N.duration(i))) }
        switch j.kind {
        case .service:
            // Scrape every pod behind the Service (through its endpoints), not the Service's
            // virtual IP, which would hit a random replica on each scrape.
            pairs += [
                ("metrics_path", N.str(j.metricsPath ?? "/metrics")),
                ("kubernetes_sd_configs", N.list([N.map(["role": N.str("endpoints"), "namespaces": N.map(["names": N.strings([service.effectiveNamespace])])])])),
                ("relabel_configs", N.list([
                    keep(["__meta_kubernetes_service_name"], service.name),
                    keep(["__meta_kubernetes_endpoint_port_name"], "metrics"),
                    copy("__meta_kubernetes_namespace", to: "namespace"),
                    copy("__meta_kubernetes_pod_name", to: "pod"),
                ])),
            ]
        case .endpoints:
            var relabel = [keep(["__meta_kubernetes_service_name"], j.service ?? j.name)]
            if let port = j.port { relabel.append(keep(["__meta_kubernetes_endpoint_port_name"], port)) }
            relabel += [copy("__meta_kubernetes_namespace", to: "namespace"), copy("__meta_kubernetes_pod_name", to: "pod")]
            pairs += [
                ("metrics_path", N.optional(j.metricsPath)),
                ("kubernetes_sd_configs", N.list([N.map(["role": N.str("endpoints"), "namespaces": N.map(["names": N.strings([j.namespace ?? service.effectiveNamespace])])])])),
                ("relabel_configs", N.list(relabel)),
            ].compactMap { k, v in v.map { (k, $0) } }
        case .static:
            pairs += [
                ("metrics_path", N.optional(j.metricsPath)),
                ("static_configs", N.list([N.map(["targets": N.strings(j.targets ?? [])])])),
            ].compactMap { k, v in v.map { (k, $0) } }
        case .kubernetesNodes:
            pairs += [
                ("kubernetes_sd_configs", N.list([N.map(["role": N.str("node")])])),
                ("relabel_configs", N.list([
                    N.map([
                        "source_labels": N.strings(["__address__"]),
                        "regex": N.str("(.+):10250"),
                        "target_label": N.str("__address__"),
                        "replacement": N.str("${1}:9100"),
                        "action": N.str("replace"),
                    ]),
                    copy("__meta_kubernetes_node_name", to: "node"),
                ])),
            ]
        case .kubernetesPods:
            pairs += [
                ("kubernetes_sd_configs", N.list([N.map(["role": N.str("pod"), "namespaces": N.map(["names": N.strings([service.effectiveNamespace])])])])),
                ("relabel_configs", N.list([
                    keep(["__meta_kubernetes_pod_annotation_prometheus_io_scrape"], "true"),
                    N.map([
                        "source_labels": N.strings(["__meta_kubernetes_pod_annotation_prometheus_io_path"]),
                        "regex": N.str("(.+)"),
                        "target_label": N.str("__metrics_path__"),
                        "action": N.str("replace"),
                    ]),
                    N.map([
                        "source_labels": N.strings(["__address__", "__meta_kubernetes_pod_annotation_prometheus_io_port"]),
                        "regex": N.str("([^:]+)(?::\\d+)?;(\\d+)"),
                        "replacement": N.str("$1:$2"),
                        "target_label": N.str("__address__"),
                        "action": N.str("replace"),
                    ]),
                    copy("__meta_kubernetes_namespace", to: "namespace"),
                    copy("__meta_kubernetes_pod_name", to: "pod"),
                ])),
            ]
        case .cadvisor:
            pairs += [
                ("scheme", N.str("https")),
                ("metrics_path", N.str("/metrics/cadvisor")),
                ("tls_config", N.map(["ca_file": N.str("/var/run/secrets/kubernetes.io/serviceaccount/ca.crt")])),
                ("authorization", N.map(["credentials_file": N.str("/var/run/secrets/kubernetes.io/serviceaccount/token")])),
                ("kubernetes_sd_configs", N.list([N.map(["role": N.str("node")])])),
                ("relabel_configs", N.list([copy("__meta_kubernetes_node_name", to: "node")])),
            ]
        }
        return N.map(pairs)
    }

    private func keep(_ labels: [String], _ regex: String) -> Node {
        N.map(["source_labels": N.strings(labels), "regex": N.str(regex), "action": N.str("keep")])
    }

    private func copy(_ label: String, to target: String) -> Node {
        N.map(["source_labels": N.strings([label]), "target_label": N.str(target), "action": N.str("replace")])
    }

    /// The alerting rules: one rule per alert and severity, same alert name, `severity` label.
    func rules() -> Node {
        let exprs = AlertExpressions(stack: stack)
        var rules: [Node] = []
        for alert in stack.alerts ?? [] where alert.enabled != false {
            for severity in AlertExpressions.severities(alert) {
                guard let threshold = alert.thresholds[severity] else { continue }
                let forDuration = alert.for?[severity] ?? alert.for?["default"]
                var annotations: [(String, String)] = []
                if let s = alert.summary { annotations.append(("summary", s)) }
                if let d = alert.description { annotations.append(("description", d)) }
                if let r = alert.runbook { annotations.append(("runbook_url", r)) }
                rules.append(N.map([
                    "alert": N.str(alert.name),
                    "expr": N.str(exprs.expression(of: alert, threshold: threshold)),
                    "for": N.optionalDuration(forDuration),
                    "labels": N.labels([("severity", severity), ("service", service.name)]),
                    "annotations": annotations.isEmpty ? nil : N.labels(annotations),
                ]))
            }
        }
        return N.map([
            "groups": N.list([N.map([
                "name": N.str("\(service.name).alerts"),
                "interval": N.duration(scrape.effectiveEvaluationInterval),
                "rules": N.list(rules),
            ])]),
        ])
    }
}
