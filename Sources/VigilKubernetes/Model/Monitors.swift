import VigilCore

/// The prometheus-operator `ServiceMonitor` (`monitoring.coreos.com/v1`): scrape the
/// endpoints of the Services its selector matches. Fields Vigil does not check are kept.
public struct ServiceMonitor: Sendable, Codable {
    public var apiVersion: String
    public var kind: String
    public var metadata: ObjectMeta
    public var spec: ServiceMonitorSpec
    public var status: KeptNode?
    public var origin: Provenance?

    public init(metadata: ObjectMeta, spec: ServiceMonitorSpec) {
        self.apiVersion = "monitoring.coreos.com/v1"
        self.kind = "ServiceMonitor"
        self.metadata = metadata
        self.spec = spec
    }
}

public struct ServiceMonitorSpec: Sendable, Codable {
    public var jobLabel: String?
    public var endpoints: [MonitorEndpoint]?
    public var selector: LabelSelector?
    public var namespaceSelector: NamespaceSelector?
    public var extra: ExtraFields?
    public var origin: Provenance?

    public init(selector: LabelSelector, endpoints: [MonitorEndpoint], namespaceSelector: NamespaceSelector? = nil, jobLabel: String? = nil) {
        self.selector = selector
        self.endpoints = endpoints
        self.namespaceSelector = namespaceSelector
        self.jobLabel = jobLabel
    }

    public func encode(to encoder: any Encoder) throws {
        var w = FieldWriter(encoder)
        try w.write("jobLabel", jobLabel)
        try w.write("endpoints", endpoints)
        try w.write("selector", selector)
        try w.write("namespaceSelector", namespaceSelector)
        try w.finish(extra)
    }
}

/// One endpoint of a ServiceMonitor: a Service port by name (or a target port).
public struct MonitorEndpoint: Sendable, Codable {
    public var port: String?
    public var targetPort: IntOrString?
    public var path: String?
    public var scheme: String?
    public var interval: String?
    public var scrapeTimeout: String?
    public var extra: ExtraFields?
    public var origin: Provenance?

    public init(port: String, path: String? = nil, interval: String? = nil, scrapeTimeout: String? = nil) {
        self.port = port
        self.path = path
        self.interval = interval
        self.scrapeTimeout = scrapeTimeout
    }

    public func encode(to encoder: any Encoder) throws {
        var w = FieldWriter(encoder)
        try w.write("port", port)
        try w.write("targetPort", targetPort)
        try w.write("path", path)
        try w.write("scheme", scheme)
        try w.write("interval", interval)
        try w.write("scrapeTimeout", scrapeTimeout)
        try w.finish(extra)
    }
}

/// The prometheus-operator `PodMonitor`: scrape pods directly, by container port name.
public struct PodMonitor: Sendable, Codable {
    public var apiVersion: String
    public var kind: String
    public var metadata: ObjectMeta
    public var spec: PodMonitorSpec
    public var status: KeptNode?
    public var origin: Provenance?

    public init(metadata: ObjectMeta, spec: PodMonitorSpec) {
        self.apiVersion = "monitoring.coreos.com/v1"
        self.kind = "PodMonitor"
        self.metadata = metadata
        self.spec = spec
    }
}

public struct PodMonitorSpec: Sendable, Codable {
    public var jobLabel: String?
    public var podMetricsEndpoints: [PodMetricsEndpoint]?
    public var selector: LabelSelector?
    public var namespaceSelector: NamespaceSelector?
    public var extra: ExtraFields?
    public var origin: Provenance?

    public init(selector: LabelSelector, podMetricsEndpoints: [PodMetricsEndpoint], namespaceSelector: NamespaceSelector? = nil) {
        self.selector = selector
        self.podMetricsEndpoints = podMetricsEndpoints
        self.namespaceSelector = namespaceSelector
    }

    public func encode(to encoder: any Encoder) throws {
        var w = FieldWriter(encoder)
        try w.write("jobLabel", jobLabel)
        try w.write("podMetricsEndpoints", podMetricsEndpoints)
        try w.write("selector", selector)
        try w.write("namespaceSelector", namespaceSelector)
        try w.finish(extra)
    }
}

/// One endpoint of a PodMonitor: a container port by name (or number).
public struct PodMetricsEndpoint: Sendable, Codable {
    public var port: String?
    public var portNumber: Int?
    public var targetPort: IntOrString?
    public var path: String?
    public var interval: String?
    public var scrapeTimeout: String?
    public var extra: ExtraFields?
    public var origin: Provenance?

    public init(port: String, path: String? = nil, interval: String? = nil) {
        self.port = port
        self.path = path
        self.interval = interval
    }

    public func encode(to encoder: any Encoder) throws {
        var w = FieldWriter(encoder)
        try w.write("port", port)
        try w.write("portNumber", portNumber)
        try w.write("targetPort", targetPort)
        try w.write("path", path)
        try w.write("interval", interval)
        try w.write("scrapeTimeout", scrapeTimeout)
        try w.finish(extra)
    }
}

/// Which namespaces a monitor looks in: `any: true`, a list of names, or (absent) its own.
public struct NamespaceSelector: Sendable, Codable {
    public var any: Bool?
    public var matchNames: [String]?
    public var origin: Provenance?

    public init(any: Bool? = nil, matchNames: [String]? = nil) {
        self.any = any
        self.matchNames = matchNames
    }
}

// MARK: Decoding

// Read field by field, in declaration order (as the synthesized `init(from:)` would).

extension ServiceMonitor: FieldDecodable {
    public init(fields f: FieldReader) throws {
        apiVersion = try f.decode("apiVersion")
        kind = try f.decode("kind")
        metadata = try f.decode("metadata")
        spec = try f.decode("spec")
        status = f.decodeIfPresent("status")
        origin = f.provenance
    }
}

extension ServiceMonitorSpec: FieldDecodable {
    public init(fields f: FieldReader) throws {
        extra = f.extraFields()  // first: the keys read after it are recorded for it
        jobLabel = f.decodeIfPresent("jobLabel")
        endpoints = f.decodeIfPresent("endpoints")
        selector = f.decodeIfPresent("selector")
        namespaceSelector = f.decodeIfPresent("namespaceSelector")
        origin = f.provenance
    }
}

extension MonitorEndpoint: FieldDecodable {
    public init(fields f: FieldReader) throws {
        extra = f.extraFields()  // first: the keys read after it are recorded for it
        port = f.decodeIfPresent("port")
        targetPort = f.decodeIfPresent("targetPort")
        path = f.decodeIfPresent("path")
        scheme = f.decodeIfPresent("scheme")
        interval = f.decodeIfPresent("interval")
        scrapeTimeout = f.decodeIfPresent("scrapeTimeout")
        origin = f.provenance
    }
}

extension PodMonitor: FieldDecodable {
    public init(fields f: FieldReader) throws {
        apiVersion = try f.decode("apiVersion")
        kind = try f.decode("kind")
        metadata = try f.decode("metadata")
        spec = try f.decode("spec")
        status = f.decodeIfPresent("status")
        origin = f.provenance
    }
}

extension PodMonitorSpec: FieldDecodable {
    public init(fields f: FieldReader) throws {
        extra = f.extraFields()  // first: the keys read after it are recorded for it
        jobLabel = f.decodeIfPresent("jobLabel")
        podMetricsEndpoints = f.decodeIfPresent("podMetricsEndpoints")
        selector = f.decodeIfPresent("selector")
        namespaceSelector = f.decodeIfPresent("namespaceSelector")
        origin = f.provenance
    }
}

extension PodMetricsEndpoint: FieldDecodable {
    public init(fields f: FieldReader) throws {
        extra = f.extraFields()  // first: the keys read after it are recorded for it
        port = f.decodeIfPresent("port")
        portNumber = f.decodeIfPresent("portNumber")
        targetPort = f.decodeIfPresent("targetPort")
        path = f.decodeIfPresent("path")
        interval = f.decodeIfPresent("interval")
        scrapeTimeout = f.decodeIfPresent("scrapeTimeout")
        origin = f.provenance
    }
}

extension NamespaceSelector: FieldDecodable {
    public init(fields f: FieldReader) throws {
        any = f.decodeIfPresent("any")
        matchNames = f.decodeIfPresent("matchNames")
        origin = f.provenance
    }
}
