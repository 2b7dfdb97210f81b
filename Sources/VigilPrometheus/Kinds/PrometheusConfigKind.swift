import VigilCore

/// A decoded `prometheus.yml`.
public struct PrometheusConfigFile: Artifact {
    public let file: SourceFile
    public var config: PrometheusConfig
    public var node: Node

    public init(file: SourceFile, config: PrometheusConfig, node: Node) {
        self.file = file
        self.config = config
        self.node = node
    }
}

/// A Prometheus server configuration, recognised by its top-level sections (`scrape_configs`,
/// `rule_files`, `alerting`, `remote_write`, or a `global` with scrape or evaluation settings)
/// and the absence of Kubernetes (`apiVersion`) and Alertmanager (`route`, `receivers`) keys.
public struct PrometheusConfigKind: FileKind {
    public var name: String { "prometheus-config" }

    public init() {}

    static let sections = ["scrape_configs", "rule_files", "alerting", "remote_write", "remote_read", "scrape_config_files"]
    static let topLevelKeys = sections + ["global", "runtime", "storage", "tracing", "otlp"]
    static let globalKeys = ["scrape_interval", "evaluation_interval", "scrape_timeout", "external_labels", "query_log_file"]

    public func matches(_ document: Document) -> Bool {
        guard let m = document.root.mapping else { return false }
        if m["apiVersion"] != nil || m["route"] != nil || m["receivers"] != nil || m["groups"] != nil { return false }
        if Self.sections.contains(where: { m[$0] != nil }) { return true }
        if let g = m["global"]?.mapping { return Self.globalKeys.contains { g[$0] != nil } }
        // A misspelt section (`scrape_config:`) still makes a Prometheus config when every key
        // is, or is close to, a top-level key of one.
        let keys = m.keys
        return !keys.isEmpty && keys.count == m.count && keys.allSatisfy { Suggestion.closest(to: $0, in: Self.topLevelKeys) != nil }
            && keys.contains { Suggestion.closest(to: $0, in: Self.sections) != nil }
    }

    public func decode(_ document: Document, embedded: EmbeddedDecoder) -> DecodeOutput {
        let (value, diagnostics) = StrictDecoder(file: document.file).decode(PrometheusConfig.self, from: document.root)
        guard let value else { return DecodeOutput(diagnostics: diagnostics) }
        return DecodeOutput(artifacts: [PrometheusConfigFile(file: document.file, config: value, node: document.root)], diagnostics: diagnostics)
    }
}
