import Vigil

extension Aurelis {
    /// What the service's metrics.py exports, with the label domains that bound its series.
    public static let metrics: [MetricDefinition] = [
        MetricDefinition(name: "aurelis_requests_total", type: .counter, help: "Total number of requests processed",
                         labels: ["method": .values(["GET", "POST"]), "endpoint": .bounded(40), "status_code": .bounded(60),
                                  "model": .values(models)]),
        MetricDefinition(name: "aurelis_request_duration_seconds", type: .histogram, help: "Request processing time in seconds",
                         unit: "seconds",
                         labels: ["method": .values(["GET", "POST"]), "endpoint": .bounded(40), "model": .values(models)],
                         buckets: [0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0]),
        MetricDefinition(name: "aurelis_model_requests_total", type: .counter, help: "Total requests to AI models",
                         labels: ["model": .values(models), "task_type": .bounded(10), "status": .values(["success", "error", "timeout"])]),
        MetricDefinition(name: "aurelis_tokens_total", type: .counter, help: "Total tokens processed",
                         labels: ["model": .values(models), "type": .values(["input", "output"])]),
        MetricDefinition(name: "aurelis_cache_hit_rate", type: .gauge, help: "Cache hit rate, a ratio between 0 and 1", unit: "ratio"),
        MetricDefinition(name: "aurelis_active_connections", type: .gauge, help: "Number of active connections"),
        MetricDefinition(name: "aurelis_queue_size", type: .gauge, help: "Current size of processing queue"),
        MetricDefinition(name: "aurelis_error_rate", type: .gauge, help: "Current error rate, a ratio between 0 and 1", unit: "ratio"),
        MetricDefinition(name: "aurelis_system_info", type: .info, help: "System information",
                         labels: ["version": .bounded(1), "python_version": .bounded(1), "start_time": .bounded(1)]),
        MetricDefinition(name: "aurelis_github_api_requests_total", type: .counter, help: "Total GitHub API requests",
                         labels: ["endpoint": .bounded(20), "status_code": .bounded(20)]),
        MetricDefinition(name: "aurelis_github_rate_limit_remaining", type: .gauge, help: "GitHub API rate limit remaining"),
    ]

    static let models = ["gpt-4o", "gpt-4o-mini"]

    /// The exporters the stack scrapes, whose metrics its queries may use.
    public static let exporterCatalogues = ["prometheus", "node-exporter", "cadvisor", "kube-state-metrics", "redis-exporter", "nginx-exporter"]
}
