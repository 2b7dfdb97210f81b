import Vigil

/// The Aurelis monitoring stack (the monitoring guide's whole setup, its defects fixed), the same
/// stack as `examples/aurelis/vigil.yaml`, written in Swift.
public enum Aurelis {
    /// The stack with both environments; resolve one with `StackLoader.load(Aurelis.stack, environment:)`.
    public static let stack = Stack(
        extends: ["http-service", "kubernetes-exporters", "elk-logging"],
        service: ServiceDefinition(
            name: "aurelis", image: "aurelis:v1.0.0",
            namespace: "aurelis-production", monitoringNamespace: "aurelis-monitoring",
            replicas: 3,
            ports: ["http": 8080, "metrics": 9090],
            startupTime: .seconds(300),                 // the guide's startup budget: 5 minutes
            resources: ResourceRequirements(requests: ["cpu": .millicores(500), "memory": .gibibytes(1)], limits: ["memory": .gibibytes(2)]),
            env: ["LOG_FORMAT": "json"]),
        metrics: metrics,
        includeCatalogues: exporterCatalogues,
        scrape: ScrapeDefinition(
            interval: .seconds(30), timeout: .seconds(10), evaluationInterval: .seconds(30),
            externalLabels: ["cluster": "aurelis-production"],
            jobs: [
                // The exporters run in the cluster: scrape their pods, not their Services' virtual IPs.
                ScrapeJobDefinition(name: "redis", kind: .endpoints, service: "aurelis-redis", port: "metrics", catalogue: "redis-exporter"),
                ScrapeJobDefinition(name: "nginx", kind: .endpoints, service: "nginx-exporter", port: "metrics", catalogue: "nginx-exporter"),
            ],
            retention: .days(15)),
        // /ready checks GitHub and the cache: right for readiness, wrong for liveness.
        probes: ProbesDefinition(dependencyEndpoints: ["/ready", "/health"]),
        alerts: alerts,
        routing: routing,
        dashboards: [overview],
        logging: LoggingDefinition(
            fields: ["timestamp", "level", "logger", "message", "module", "function", "line", "process_id", "thread_id",
                     "correlation_id", "user_id", "request_id"],
            index: "aurelis-logs"),
        environments: [
            "production": [:],
            "staging": [
                "namespace": "aurelis-staging",
                "replicas": 1,
                "scrape": ["externalLabels": ["cluster": "aurelis-staging"]],
                "alerts": [
                    ["name": "AurelisHighErrorRate", "thresholds": ["warning": 0.1, "critical": 0.25]],
                    ["name": "AurelisHighLatency", "thresholds": ["warning": 5, "critical": 20]],
                ],
                "routing": [
                    "receivers": [["name": "pagerduty", "$remove": true]],    // staging pages nobody
                    "routes": [
                        ["match": ["severity": "critical"], "receiver": "slack-alerts"],
                        ["match": ["severity": "warning"], "receiver": "slack-alerts"],
                    ],
                ],
                "logging": [
                    "elasticsearch": ["nodes": 1, "memory": "2Gi", "storage": "20Gi"],
                    "logstash": ["replicas": 1],
                ],
            ],
        ])

    /// The guide's service-specific alerts; the preset's error-rate, latency, down, memory and
    /// CPU alerts apply as they are.
    static let alerts = [
        AlertDefinition(name: "AurelisGitHubRateLimitLow", kind: .gauge, metric: "aurelis_github_rate_limit_remaining", op: .below,
                        thresholds: ["warning": 100], for: ["warning": .minutes(5)],
                        summary: "GitHub API rate limit running low",
                        description: "Only {{ $value }} GitHub API requests remain in the current window."),
        AlertDefinition(name: "AurelisLowCacheHitRate", kind: .gauge, metric: "aurelis_cache_hit_rate", op: .below,
                        thresholds: ["warning": 0.7], for: ["warning": .minutes(15)],
                        summary: "Low cache hit rate",
                        description: "The cache hit rate is {{ $value | humanizePercentage }}."),
        AlertDefinition(name: "AurelisHighQueueSize", kind: .gauge, metric: "aurelis_queue_size",
                        thresholds: ["warning": 1000], for: ["warning": .minutes(10)],
                        summary: "High queue size",
                        description: "The processing queue holds {{ $value }} items."),
    ]

    /// Alertmanager: secrets only as mounted files.
    static let routing = RoutingDefinition(
        defaultReceiver: "ops-email",
        receivers: [
            ReceiverDefinition(name: "ops-email", email: .init(to: "ops@aurelis.com")),
            ReceiverDefinition(name: "pagerduty", pagerduty: .init(routingKeyFile: "/etc/alertmanager/secrets/pagerduty-routing-key")),
            ReceiverDefinition(name: "slack-alerts", slack: .init(channel: "#aurelis-alerts", apiURLFile: "/etc/alertmanager/secrets/slack-webhook-url")),
        ],
        routes: [
            RouteDefinition(match: ["severity": "critical"], receiver: "pagerduty", continue: true),
            RouteDefinition(match: ["severity": "critical"], receiver: "slack-alerts"),
            RouteDefinition(match: ["severity": "warning"], receiver: "slack-alerts"),
        ],
        smtp: SMTPDefinition(smarthost: "smtp.aurelis.com:587", from: "alerts@aurelis.com",
                             authUsername: "alerts@aurelis.com", authPasswordFile: "/etc/alertmanager/secrets/smtp-password"))

    static let overview = DashboardDefinition(
        name: "aurelis-overview", title: "Aurelis ${environment}",
        panels: [
            PanelDefinition(title: "Cache hit rate", kind: .gauge, alert: "AurelisLowCacheHitRate", unit: "percentunit", width: 8),
            PanelDefinition(title: "Queue size", alert: "AurelisHighQueueSize", unit: "short", width: 8),
            PanelDefinition(title: "GitHub rate limit remaining", alert: "AurelisGitHubRateLimitLow", unit: "short", width: 8),
            PanelDefinition(title: "Tokens per second", expr: "sum by (model, type) (rate(aurelis_tokens_total[$__rate_interval]))",
                            legend: "{{model}} {{type}}", unit: "short", width: 24),
        ])
}
