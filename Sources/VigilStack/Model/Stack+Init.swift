import VigilCore
import VigilKubernetes
import VigilPrometheus

// Public memberwise initialisers of the stack model, so a stack can be written in Swift
// (see examples/aurelis-swift) as well as in vigil.yaml. `origin` is left nil: it records
// where a decoded value was in its file.

extension Stack {
    public init(apiVersion: String = "vigil/v1", kind: String? = "Stack", extends: [String]? = nil, service: ServiceDefinition, catalogue: String? = nil, metrics: [MetricDefinition]? = nil, includeCatalogues: [String]? = nil, scrape: ScrapeDefinition? = nil, probes: ProbesDefinition? = nil, alerts: [AlertDefinition]? = nil, routing: RoutingDefinition? = nil, dashboards: [DashboardDefinition]? = nil, logging: LoggingDefinition? = nil, environments: StringMap<RawNode>? = nil) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.extends = extends
        self.service = service
        self.catalogue = catalogue
        self.metrics = metrics
        self.includeCatalogues = includeCatalogues
        self.scrape = scrape
        self.probes = probes
        self.alerts = alerts
        self.routing = routing
        self.dashboards = dashboards
        self.logging = logging
        self.environments = environments
    }
}

extension ServiceDefinition {
    public init(name: String, image: String, namespace: String? = nil, monitoringNamespace: String? = nil, replicas: Int? = nil, ports: StringMap<Int>, startupTime: Duration? = nil, resources: ResourceRequirements? = nil, env: StringMap<String>? = nil, labels: StringMap<String>? = nil) {
        self.name = name
        self.image = image
        self.namespace = namespace
        self.monitoringNamespace = monitoringNamespace
        self.replicas = replicas
        self.ports = ports
        self.startupTime = startupTime
        self.resources = resources
        self.env = env
        self.labels = labels
    }
}

extension ScrapeDefinition {
    public init(interval: Duration? = nil, timeout: Duration? = nil, evaluationInterval: Duration? = nil, externalLabels: StringMap<String>? = nil, jobs: [ScrapeJobDefinition]? = nil, retention: Duration? = nil) {
        self.interval = interval
        self.timeout = timeout
        self.evaluationInterval = evaluationInterval
        self.externalLabels = externalLabels
        self.jobs = jobs
        self.retention = retention
    }
}

extension ScrapeJobDefinition {
    public init(name: String, kind: Kind, targets: [String]? = nil, service: String? = nil, namespace: String? = nil, port: String? = nil, interval: Duration? = nil, metricsPath: String? = nil, catalogue: String? = nil) {
        self.name = name
        self.kind = kind
        self.targets = targets
        self.service = service
        self.namespace = namespace
        self.port = port
        self.interval = interval
        self.metricsPath = metricsPath
        self.catalogue = catalogue
    }
}

extension ProbesDefinition {
    public init(startup: ProbeDefinition? = nil, liveness: ProbeDefinition? = nil, readiness: ProbeDefinition? = nil, dependencyEndpoints: [String]? = nil) {
        self.startup = startup
        self.liveness = liveness
        self.readiness = readiness
        self.dependencyEndpoints = dependencyEndpoints
    }
}

extension ProbeDefinition {
    public init(path: String, port: String? = nil, period: Duration? = nil, timeout: Duration? = nil, failureThreshold: Int? = nil, budget: Duration? = nil) {
        self.path = path
        self.port = port
        self.period = period
        self.timeout = timeout
        self.failureThreshold = failureThreshold
        self.budget = budget
    }
}

extension AlertDefinition {
    public init(name: String, kind: Kind, metric: String? = nil, errorMatcher: String? = nil, quantile: Double? = nil, window: Duration? = nil, expr: String? = nil, op: Comparison? = nil, thresholds: StringMap<Double>, `for`: StringMap<Duration>? = nil, summary: String? = nil, description: String? = nil, runbook: String? = nil, by: [String]? = nil, enabled: Bool? = nil) {
        self.name = name
        self.kind = kind
        self.metric = metric
        self.errorMatcher = errorMatcher
        self.quantile = quantile
        self.window = window
        self.expr = expr
        self.op = op
        self.thresholds = thresholds
        self.for = `for`
        self.summary = summary
        self.description = description
        self.runbook = runbook
        self.by = by
        self.enabled = enabled
    }
}

extension RoutingDefinition {
    public init(groupBy: [String]? = nil, groupWait: Duration? = nil, groupInterval: Duration? = nil, repeatInterval: Duration? = nil, defaultReceiver: String, receivers: [ReceiverDefinition], routes: [RouteDefinition]? = nil, inhibitWarningsWhenCritical: Bool? = nil, smtp: SMTPDefinition? = nil) {
        self.groupBy = groupBy
        self.groupWait = groupWait
        self.groupInterval = groupInterval
        self.repeatInterval = repeatInterval
        self.defaultReceiver = defaultReceiver
        self.receivers = receivers
        self.routes = routes
        self.inhibitWarningsWhenCritical = inhibitWarningsWhenCritical
        self.smtp = smtp
    }
}

extension SMTPDefinition {
    public init(smarthost: String, from: String, authUsername: String? = nil, authPasswordFile: String? = nil) {
        self.smarthost = smarthost
        self.from = from
        self.authUsername = authUsername
        self.authPasswordFile = authPasswordFile
    }
}

extension ReceiverDefinition {
    public init(name: String, email: EmailReceiver? = nil, slack: SlackReceiver? = nil, pagerduty: PagerDutyReceiver? = nil, webhook: WebhookReceiver? = nil) {
        self.name = name
        self.email = email
        self.slack = slack
        self.pagerduty = pagerduty
        self.webhook = webhook
    }
}

extension ReceiverDefinition.EmailReceiver {
    public init(to: String) {
        self.to = to
    }
}

extension ReceiverDefinition.SlackReceiver {
    public init(channel: String, apiURLFile: String) {
        self.channel = channel
        self.apiURLFile = apiURLFile
    }
}

extension ReceiverDefinition.PagerDutyReceiver {
    public init(routingKeyFile: String) {
        self.routingKeyFile = routingKeyFile
    }
}

extension ReceiverDefinition.WebhookReceiver {
    public init(urlFile: String) {
        self.urlFile = urlFile
    }
}

extension RouteDefinition {
    public init(match: StringMap<String>, receiver: String, `continue`: Bool? = nil) {
        self.match = match
        self.receiver = receiver
        self.continue = `continue`
    }
}

extension DashboardDefinition {
    public init(name: String, title: String, uid: String? = nil, tags: [String]? = nil, refresh: String? = nil, panels: [PanelDefinition]) {
        self.name = name
        self.title = title
        self.uid = uid
        self.tags = tags
        self.refresh = refresh
        self.panels = panels
    }
}

extension PanelDefinition {
    public init(title: String, kind: Kind? = nil, alert: String? = nil, expr: String? = nil, legend: String? = nil, unit: String? = nil, description: String? = nil, width: Int? = nil) {
        self.title = title
        self.kind = kind
        self.alert = alert
        self.expr = expr
        self.legend = legend
        self.unit = unit
        self.description = description
        self.width = width
    }
}

extension LoggingDefinition {
    public init(elasticsearch: ElasticsearchDefinition? = nil, logstash: LogstashDefinition? = nil, fields: [String]? = nil, index: String? = nil) {
        self.elasticsearch = elasticsearch
        self.logstash = logstash
        self.fields = fields
        self.index = index
    }
}

extension ElasticsearchDefinition {
    public init(version: String, nodes: Int? = nil, heap: Quantity? = nil, memory: Quantity? = nil, cpu: Quantity? = nil, storage: Quantity? = nil) {
        self.version = version
        self.nodes = nodes
        self.heap = heap
        self.memory = memory
        self.cpu = cpu
        self.storage = storage
    }
}

extension LogstashDefinition {
    public init(replicas: Int? = nil, heap: Quantity? = nil, memory: Quantity? = nil, beatsPort: Int? = nil) {
        self.replicas = replicas
        self.heap = heap
        self.memory = memory
        self.beatsPort = beatsPort
    }
}
