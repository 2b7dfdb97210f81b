import VigilCore

/// A `prometheus.yml`: global settings, rule files, alerting, scrape configs, remote storage.
///
/// Decoded strictly: unknown fields are errors, as in `promtool check config`. Sections Vigil
/// does not check (`storage`, `tracing`, `otlp`, `runtime`) are kept as raw nodes.
public struct PrometheusConfig: Sendable, Decodable {
    public var global: GlobalConfig?
    public var runtime: RawNode?
    public var ruleFiles: [String]?
    public var scrapeConfigFiles: [String]?
    public var alerting: AlertingConfig?
    public var scrapeConfigs: [ScrapeConfig]?
    public var storage: RawNode?
    public var tracing: RawNode?
    public var otlp: RawNode?
    public var remoteWrite: [RemoteWriteConfig]?
    public var remoteRead: [RemoteReadConfig]?
    public var origin: Provenance?

    enum CodingKeys: String, CodingKey {
        case global, runtime, alerting, storage, tracing, otlp, origin
        case ruleFiles = "rule_files"
        case scrapeConfigFiles = "scrape_config_files"
        case scrapeConfigs = "scrape_configs"
        case remoteWrite = "remote_write"
        case remoteRead = "remote_read"
    }

    /// Prometheus' defaults when `global` leaves them out.
    public static let defaultScrapeInterval = Duration.minutes(1)
    public static let defaultScrapeTimeout = Duration.seconds(10)
    public static let defaultEvaluationInterval = Duration.minutes(1)

    /// The global scrape interval in effect.
    public var scrapeInterval: Duration { global?.scrapeInterval ?? Self.defaultScrapeInterval }
    /// The global evaluation interval in effect.
    public var evaluationInterval: Duration { global?.evaluationInterval ?? Self.defaultEvaluationInterval }

    /// The scrape interval in effect for a job.
    public func scrapeInterval(of job: ScrapeConfig) -> Duration { job.scrapeInterval ?? scrapeInterval }

    /// The scrape timeout in effect for a job (the global timeout, capped at the job's interval
    /// when the job sets only its interval, as Prometheus does).
    public func scrapeTimeout(of job: ScrapeConfig) -> Duration {
        if let t = job.scrapeTimeout { return t }
        let global = self.global?.scrapeTimeout ?? Self.defaultScrapeTimeout
        return min(global, scrapeInterval(of: job))
    }
}

/// The `global` section.
public struct GlobalConfig: Sendable, Decodable {
    public var scrapeInterval: Duration?
    public var scrapeTimeout: Duration?
    public var scrapeProtocols: [String]?
    public var evaluationInterval: Duration?
    public var ruleQueryOffset: Duration?
    public var externalLabels: StringMap<String>?
    public var queryLogFile: String?
    public var scrapeFailureLogFile: String?
    public var bodySizeLimit: String?
    public var sampleLimit: Int?
    public var targetLimit: Int?
    public var labelLimit: Int?
    public var labelNameLengthLimit: Int?
    public var labelValueLengthLimit: Int?
    public var keepDroppedTargets: Int?
    public var metricNameValidationScheme: String?
    public var metricNameEscapingScheme: String?
    public var alwaysScrapeClassicHistograms: Bool?
    public var convertClassicHistogramsToNHCB: Bool?
    public var extraScrapeMetrics: Bool?
    public var origin: Provenance?

    enum CodingKeys: String, CodingKey {
        case origin
        case scrapeInterval = "scrape_interval"
        case scrapeTimeout = "scrape_timeout"
        case scrapeProtocols = "scrape_protocols"
        case evaluationInterval = "evaluation_interval"
        case ruleQueryOffset = "rule_query_offset"
        case externalLabels = "external_labels"
        case queryLogFile = "query_log_file"
        case scrapeFailureLogFile = "scrape_failure_log_file"
        case bodySizeLimit = "body_size_limit"
        case sampleLimit = "sample_limit"
        case targetLimit = "target_limit"
        case labelLimit = "label_limit"
        case labelNameLengthLimit = "label_name_length_limit"
        case labelValueLengthLimit = "label_value_length_limit"
        case keepDroppedTargets = "keep_dropped_targets"
        case metricNameValidationScheme = "metric_name_validation_scheme"
        case metricNameEscapingScheme = "metric_name_escaping_scheme"
        case alwaysScrapeClassicHistograms = "always_scrape_classic_histograms"
        case convertClassicHistogramsToNHCB = "convert_classic_histograms_to_nhcb"
        case extraScrapeMetrics = "extra_scrape_metrics"
    }
}

/// The `alerting` section.
public struct AlertingConfig: Sendable, Decodable {
    public var alertRelabelConfigs: [RelabelConfig]?
    public var alertmanagers: [AlertmanagerConfig]?
    public var origin: Provenance?

    enum CodingKeys: String, CodingKey {
        case origin, alertmanagers
        case alertRelabelConfigs = "alert_relabel_configs"
    }
}

/// One entry of `alerting.alertmanagers`.
public struct AlertmanagerConfig: Sendable, Decodable {
    public var scheme: String?
    public var pathPrefix: String?
    public var timeout: Duration?
    public var apiVersion: String?
    public var relabelConfigs: [RelabelConfig]?
    public var alertRelabelConfigs: [RelabelConfig]?
    public var http: HTTPClientConfig
    public var discovery: ServiceDiscoveryConfigs
    public var origin: Provenance?

    struct Own: Decodable {
        var scheme: String?
        var pathPrefix: String?
        var timeout: Duration?
        var apiVersion: String?
        var relabelConfigs: [RelabelConfig]?
        var alertRelabelConfigs: [RelabelConfig]?
        var origin: Provenance?
        enum CodingKeys: String, CodingKey {
            case scheme, timeout, origin
            case pathPrefix = "path_prefix"
            case apiVersion = "api_version"
            case relabelConfigs = "relabel_configs"
            case alertRelabelConfigs = "alert_relabel_configs"
        }
    }

    public init(from decoder: any Decoder) throws {
        let own = try Own(from: decoder)
        scheme = own.scheme
        pathPrefix = own.pathPrefix
        timeout = own.timeout
        apiVersion = own.apiVersion
        relabelConfigs = own.relabelConfigs
        alertRelabelConfigs = own.alertRelabelConfigs
        origin = own.origin
        http = try HTTPClientConfig(from: decoder)
        discovery = try ServiceDiscoveryConfigs(from: decoder)
    }
}

/// One entry of `scrape_configs`.
public struct ScrapeConfig: Sendable, Decodable {
    public var jobName: String
    public var honorLabels: Bool?
    public var honorTimestamps: Bool?
    public var trackTimestampsStaleness: Bool?
    public var params: StringMap<[String]>?
    public var scrapeInterval: Duration?
    public var scrapeTimeout: Duration?
    public var metricsPath: String?
    public var scheme: String?
    public var relabelConfigs: [RelabelConfig]?
    public var metricRelabelConfigs: [RelabelConfig]?
    public var sampleLimit: Int?
    public var targetLimit: Int?
    public var labelLimit: Int?
    public var bodySizeLimit: String?
    public var http: HTTPClientConfig
    public var discovery: ServiceDiscoveryConfigs
    public var origin: Provenance?

    struct Own: Decodable {
        var jobName: String
        var honorLabels: Bool?
        var honorTimestamps: Bool?
        var trackTimestampsStaleness: Bool?
        var params: StringMap<[String]>?
        var scrapeInterval: Duration?
        var scrapeTimeout: Duration?
        var scrapeProtocols: [String]?
        var fallbackScrapeProtocol: String?
        var scrapeClassicHistograms: Bool?
        var alwaysScrapeClassicHistograms: Bool?
        var convertClassicHistogramsToNHCB: Bool?
        var metricsPath: String?
        var scheme: String?
        var enableCompression: Bool?
        var bodySizeLimit: String?
        var sampleLimit: Int?
        var targetLimit: Int?
        var labelLimit: Int?
        var labelNameLengthLimit: Int?
        var labelValueLengthLimit: Int?
        var nativeHistogramBucketLimit: Int?
        var nativeHistogramMinBucketFactor: Double?
        var keepDroppedTargets: Int?
        var metricNameValidationScheme: String?
        var metricNameEscapingScheme: String?
        var scrapeFailureLogFile: String?
        var relabelConfigs: [RelabelConfig]?
        var metricRelabelConfigs: [RelabelConfig]?
        var origin: Provenance?
        enum CodingKeys: String, CodingKey {
            case params, scheme, origin
            case jobName = "job_name"
            case honorLabels = "honor_labels"
            case honorTimestamps = "honor_timestamps"
            case trackTimestampsStaleness = "track_timestamps_staleness"
            case scrapeInterval = "scrape_interval"
            case scrapeTimeout = "scrape_timeout"
            case scrapeProtocols = "scrape_protocols"
            case fallbackScrapeProtocol = "fallback_scrape_protocol"
            case scrapeClassicHistograms = "scrape_classic_histograms"
            case alwaysScrapeClassicHistograms = "always_scrape_classic_histograms"
            case convertClassicHistogramsToNHCB = "convert_classic_histograms_to_nhcb"
            case metricsPath = "metrics_path"
            case enableCompression = "enable_compression"
            case bodySizeLimit = "body_size_limit"
            case sampleLimit = "sample_limit"
            case targetLimit = "target_limit"
            case labelLimit = "label_limit"
            case labelNameLengthLimit = "label_name_length_limit"
            case labelValueLengthLimit = "label_value_length_limit"
            case nativeHistogramBucketLimit = "native_histogram_bucket_limit"
            case nativeHistogramMinBucketFactor = "native_histogram_min_bucket_factor"
            case keepDroppedTargets = "keep_dropped_targets"
            case metricNameValidationScheme = "metric_name_validation_scheme"
            case metricNameEscapingScheme = "metric_name_escaping_scheme"
            case scrapeFailureLogFile = "scrape_failure_log_file"
            case relabelConfigs = "relabel_configs"
            case metricRelabelConfigs = "metric_relabel_configs"
        }
    }

    public init(from decoder: any Decoder) throws {
        let own = try Own(from: decoder)
        jobName = own.jobName
        honorLabels = own.honorLabels
        honorTimestamps = own.honorTimestamps
        trackTimestampsStaleness = own.trackTimestampsStaleness
        params = own.params
        scrapeInterval = own.scrapeInterval
        scrapeTimeout = own.scrapeTimeout
        metricsPath = own.metricsPath
        scheme = own.scheme
        relabelConfigs = own.relabelConfigs
        metricRelabelConfigs = own.metricRelabelConfigs
        sampleLimit = own.sampleLimit
        targetLimit = own.targetLimit
        labelLimit = own.labelLimit
        bodySizeLimit = own.bodySizeLimit
        origin = own.origin
        http = try HTTPClientConfig(from: decoder)
        discovery = try ServiceDiscoveryConfigs(from: decoder)
    }
}

/// A `remote_write` entry.
public struct RemoteWriteConfig: Sendable, Decodable {
    public var url: String?
    public var name: String?
    public var remoteTimeout: Duration?
    public var headers: StringMap<String>?
    public var writeRelabelConfigs: [RelabelConfig]?
    public var queueConfig: RawNode?
    public var http: HTTPClientConfig
    public var origin: Provenance?

    struct Own: Decodable {
        var url: String?
        var name: String?
        var remoteTimeout: Duration?
        var headers: StringMap<String>?
        var writeRelabelConfigs: [RelabelConfig]?
        var queueConfig: RawNode?
        var metadataConfig: RawNode?
        var sendExemplars: Bool?
        var sendNativeHistograms: Bool?
        var protobufMessage: String?
        var roundRobinDNS: Bool?
        var sigv4: RawNode?
        var azuread: RawNode?
        var googleIAM: RawNode?
        var origin: Provenance?
        enum CodingKeys: String, CodingKey {
            case url, name, headers, sigv4, azuread, origin
            case remoteTimeout = "remote_timeout"
            case writeRelabelConfigs = "write_relabel_configs"
            case queueConfig = "queue_config"
            case metadataConfig = "metadata_config"
            case sendExemplars = "send_exemplars"
            case sendNativeHistograms = "send_native_histograms"
            case protobufMessage = "protobuf_message"
            case roundRobinDNS = "round_robin_dns"
            case googleIAM = "google_iam"
        }
    }

    public init(from decoder: any Decoder) throws {
        let own = try Own(from: decoder)
        url = own.url
        name = own.name
        remoteTimeout = own.remoteTimeout
        headers = own.headers
        writeRelabelConfigs = own.writeRelabelConfigs
        queueConfig = own.queueConfig
        origin = own.origin
        http = try HTTPClientConfig(from: decoder)
    }
}

/// A `remote_read` entry.
public struct RemoteReadConfig: Sendable, Decodable {
    public var url: String?
    public var name: String?
    public var remoteTimeout: Duration?
    public var headers: StringMap<String>?
    public var readRecent: Bool?
    public var requiredMatchers: StringMap<String>?
    public var http: HTTPClientConfig
    public var origin: Provenance?

    struct Own: Decodable {
        var url: String?
        var name: String?
        var remoteTimeout: Duration?
        var headers: StringMap<String>?
        var readRecent: Bool?
        var requiredMatchers: StringMap<String>?
        var filterExternalLabels: Bool?
        var origin: Provenance?
        enum CodingKeys: String, CodingKey {
            case url, name, headers, origin
            case remoteTimeout = "remote_timeout"
            case readRecent = "read_recent"
            case requiredMatchers = "required_matchers"
            case filterExternalLabels = "filter_external_labels"
        }
    }

    public init(from decoder: any Decoder) throws {
        let own = try Own(from: decoder)
        url = own.url
        name = own.name
        remoteTimeout = own.remoteTimeout
        headers = own.headers
        readRecent = own.readRecent
        requiredMatchers = own.requiredMatchers
        origin = own.origin
        http = try HTTPClientConfig(from: decoder)
    }
}
