import VigilCore
import VigilKubernetes
import VigilPrometheus

/// A monitoring stack defined once: the service, its metric catalogue, scraping, alerts,
/// routing, probes, dashboards and logging, with environments that override any of it.
///
/// This is what `vigil.yaml` decodes into after presets (`extends:`) and an environment's
/// overlay have been merged (see `StackLoader`).
public struct Stack: Sendable, Codable {
    public var apiVersion: String
    public var kind: String?
    public var extends: [String]?
    public var service: ServiceDefinition
    /// A catalogue file (relative to the stack file) holding the metrics.
    public var catalogue: String?
    /// Metrics declared inline (added to the catalogue file's).
    public var metrics: [MetricDefinition]?
    /// Built-in exporter catalogues the stack's queries may use.
    public var includeCatalogues: [String]?
    public var scrape: ScrapeDefinition?
    public var probes: ProbesDefinition?
    public var alerts: [AlertDefinition]?
    public var routing: RoutingDefinition?
    public var dashboards: [DashboardDefinition]?
    public var logging: LoggingDefinition?
    /// Per-environment overlays, merged over everything above (kept raw until selected).
    public var environments: StringMap<RawNode>?
    /// The environment this value was resolved for (set by the loader).
    public var environment: String?
    public var origin: Provenance?
}

/// The application being monitored.
public struct ServiceDefinition: Sendable, Codable {
    public var name: String
    public var image: String
    public var namespace: String?
    /// Namespace of Prometheus, Alertmanager, Grafana and the ELK stack.
    public var monitoringNamespace: String?
    public var replicas: Int?
    /// Named container ports; `http` and `metrics` are expected.
    public var ports: StringMap<Int>
    /// How long the service may take to start (the startup probe's budget must cover it).
    public var startupTime: Duration?
    public var resources: ResourceRequirements?
    public var env: StringMap<String>?
    public var labels: StringMap<String>?
    public var origin: Provenance?

    public var effectiveNamespace: String { namespace ?? name }
    public var effectiveMonitoringNamespace: String { monitoringNamespace ?? "\(name)-monitoring" }
    public var httpPort: Int { ports["http"] ?? 8080 }
    public var metricsPort: Int { ports["metrics"] ?? httpPort }
}

/// Scraping: intervals and the jobs besides the service's own.
public struct ScrapeDefinition: Sendable, Codable {
    public var interval: Duration?
    public var timeout: Duration?
    public var evaluationInterval: Duration?
    public var externalLabels: StringMap<String>?
    public var jobs: [ScrapeJobDefinition]?
    /// Days of TSDB retention.
    public var retention: Duration?
    public var origin: Provenance?

    public var effectiveInterval: Duration { interval ?? Duration(seconds: 30) }
    public var effectiveEvaluationInterval: Duration { evaluationInterval ?? effectiveInterval }
}

/// One scrape job.
public struct ScrapeJobDefinition: Sendable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable, StrictEnum {
        /// The service's own metrics port, through its Service.
        case service
        /// Static `host:port` targets (outside the cluster).
        case `static`
        /// Every pod behind a Kubernetes Service (exporters running in the cluster).
        case endpoints
        /// node-exporter on every node, found through Kubernetes node discovery.
        case kubernetesNodes = "kubernetes-nodes"
        /// Pods annotated `prometheus.io/scrape: "true"`.
        case kubernetesPods = "kubernetes-pods"
        /// cAdvisor through the API server proxy.
        case cadvisor
    }

    public var name: String
    public var kind: Kind
    public var targets: [String]?
    /// For `endpoints`: the Service whose pods are scraped, its namespace and port name.
    public var service: String?
    public var namespace: String?
    public var port: String?
    public var interval: Duration?
    public var metricsPath: String?
    /// The built-in catalogue the job's targets export (`redis-exporter`…).
    public var catalogue: String?
    public var origin: Provenance?
}

/// Health probes of the service's container.
public struct ProbesDefinition: Sendable, Codable {
    public var startup: ProbeDefinition?
    public var liveness: ProbeDefinition?
    public var readiness: ProbeDefinition?
    /// Endpoints whose handler checks external dependencies (a liveness probe must not use them).
    public var dependencyEndpoints: [String]?
    public var origin: Provenance?
}

/// One HTTP probe.
public struct ProbeDefinition: Sendable, Codable {
    public var path: String
    /// A container port name (default `http`).
    public var port: String?
    public var period: Duration?
    public var timeout: Duration?
    public var failureThreshold: Int?
    /// For the startup probe: how long start-up may take (sets failureThreshold).
    public var budget: Duration?
    public var origin: Provenance?
}

/// An alert with per-severity thresholds; generated right by construction.
public struct AlertDefinition: Sendable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable, StrictEnum {
        /// `sum(rate(errors)) / sum(rate(total))` of a counter, grouped the same on both sides.
        case errorRatio = "error-ratio"
        /// `histogram_quantile(q, sum by (le) (rate(x_bucket[w])))`.
        case latencyQuantile = "latency-quantile"
        /// `up{job=…} == 0`.
        case targetDown = "target-down"
        /// Working-set memory over the container limit.
        case memoryVsLimit = "memory-vs-limit"
        /// A gauge against a threshold.
        case gauge
        /// `rate(counter[w])` against a threshold.
        case rate
        /// Any PromQL expression; the threshold is applied with `op`.
        case expr
    }

    public enum Comparison: String, Sendable, Codable, CaseIterable, StrictEnum {
        case above = ">", below = "<", atLeast = ">=", atMost = "<="
    }

    public var name: String
    public var kind: Kind
    public var metric: String?
    /// For error ratios: the matcher that selects errors (`status_code=~"5.."`).
    public var errorMatcher: String?
    public var quantile: Double?
    public var window: Duration?
    public var expr: String?
    public var op: Comparison?
    /// Threshold per severity (`warning`, `critical`).
    public var thresholds: StringMap<Double>
    /// `for` per severity, or `default`.
    public var `for`: StringMap<Duration>?
    public var summary: String?
    public var description: String?
    public var runbook: String?
    /// Grouping kept on both sides of a ratio and in the alert's labels.
    public var by: [String]?
    public var enabled: Bool?
    public var origin: Provenance?

    public var comparison: Comparison {
        if let op { return op }
        return kind == .targetDown ? .atMost : .above
    }
}

/// Alertmanager routing: receivers and which severities go where.
public struct RoutingDefinition: Sendable, Codable {
    public var groupBy: [String]?
    public var groupWait: Duration?
    public var groupInterval: Duration?
    public var repeatInterval: Duration?
    /// The receiver of the root route.
    public var defaultReceiver: String
    public var receivers: [ReceiverDefinition]
    public var routes: [RouteDefinition]?
    /// Whether a critical alert silences the warning of the same alert (default true).
    public var inhibitWarningsWhenCritical: Bool?
    public var smtp: SMTPDefinition?
    public var origin: Provenance?
}

public struct SMTPDefinition: Sendable, Codable {
    public var smarthost: String
    public var from: String
    public var authUsername: String?
    /// A file holding the SMTP password (mounted from a Secret).
    public var authPasswordFile: String?
    public var origin: Provenance?
}

/// A receiver; secrets only as files (mounted Secrets), never inline.
public struct ReceiverDefinition: Sendable, Codable {
    public var name: String
    public var email: EmailReceiver?
    public var slack: SlackReceiver?
    public var pagerduty: PagerDutyReceiver?
    public var webhook: WebhookReceiver?
    public var origin: Provenance?

    public struct EmailReceiver: Sendable, Codable {
        public var to: String
        public var origin: Provenance?
    }

    public struct SlackReceiver: Sendable, Codable {
        public var channel: String
        public var apiURLFile: String
        public var origin: Provenance?
    }

    public struct PagerDutyReceiver: Sendable, Codable {
        public var routingKeyFile: String
        public var origin: Provenance?
    }

    public struct WebhookReceiver: Sendable, Codable {
        public var urlFile: String
        public var origin: Provenance?
    }
}

/// A route: alerts whose labels equal `match` go to `receiver`.
public struct RouteDefinition: Sendable, Codable {
    public var match: StringMap<String>
    public var receiver: String
    public var `continue`: Bool?
    public var origin: Provenance?
}

/// A dashboard; panels can show an alert's expression with the alert's thresholds.
public struct DashboardDefinition: Sendable, Codable {
    public var name: String
    public var title: String
    public var uid: String?
    public var tags: [String]?
    public var refresh: String?
    public var panels: [PanelDefinition]
    public var origin: Provenance?
}

public struct PanelDefinition: Sendable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable, StrictEnum {
        case timeseries, stat, gauge
    }

    public var title: String
    public var kind: Kind?
    /// Show this alert's expression (without its comparison) and its thresholds.
    public var alert: String?
    public var expr: String?
    public var legend: String?
    public var unit: String?
    public var description: String?
    public var width: Int?
    public var origin: Provenance?
}

/// The ELK logging stack.
public struct LoggingDefinition: Sendable, Codable {
    public var elasticsearch: ElasticsearchDefinition?
    public var logstash: LogstashDefinition?
    /// The fields the service's structured logger writes (the pipeline and checks use them).
    public var fields: [String]?
    /// Index name prefix (`aurelis-logs` → `aurelis-logs-YYYY.MM.dd`).
    public var index: String?
    public var origin: Provenance?
}

public struct ElasticsearchDefinition: Sendable, Codable {
    public var version: String
    public var nodes: Int?
    public var heap: Quantity?
    public var memory: Quantity?
    public var cpu: Quantity?
    public var storage: Quantity?
    public var origin: Provenance?
}

public struct LogstashDefinition: Sendable, Codable {
    public var replicas: Int?
    public var heap: Quantity?
    public var memory: Quantity?
    public var beatsPort: Int?
    public var origin: Provenance?
}
