import VigilCore

extension MetricType: Codable, StrictEnum {}

/// One metric an application or exporter exports.
public struct MetricDefinition: Sendable, Codable {
    public var name: String
    public var type: MetricType
    public var help: String?
    /// `seconds`, `bytes`, `ratio` (0–1), `percent` (0–100), `requests`, `celsius`, …
    public var unit: String?
    /// Labels with their value domains, in declaration order.
    public var labels: StringMap<LabelDomain>?
    /// Histogram bucket upper bounds (without `+Inf`).
    public var buckets: [Double]?
    /// Summary quantiles.
    public var objectives: [Double]?
    public var origin: Provenance?

    public init(name: String, type: MetricType, help: String? = nil, unit: String? = nil,
                labels: StringMap<LabelDomain>? = nil, buckets: [Double]? = nil, objectives: [Double]? = nil) {
        self.name = name
        self.type = type
        self.help = help
        self.unit = unit
        self.labels = labels
        self.buckets = buckets
        self.objectives = objectives
    }

    /// The label names of the metric's own series (without scrape labels).
    public var labelNames: [String] { labels.map { Array($0.keys) } ?? [] }

    /// The series names this metric produces (`x_bucket`, `x_sum`, `x_count` for a histogram).
    public var seriesNames: [String] {
        switch type {
        case .histogram: return [name + "_bucket", name + "_sum", name + "_count"]
        case .summary: return [name, name + "_sum", name + "_count"]
        case .info: return name.hasSuffix("_info") ? [name] : [name, name + "_info"]
        default: return [name]
        }
    }
}

/// Series-count budgets for the cardinality rules.
public struct CardinalityBudgets: Sendable, Codable {
    /// Most series one metric may have across all targets.
    public var metric: Int?
    /// Most series one scrape job may have.
    public var job: Int?

    public init(metric: Int? = nil, job: Int? = nil) {
        self.metric = metric
        self.job = job
    }

    public static let defaultMetric = 10_000
    public static let defaultJob = 200_000
}

/// A metric catalogue: what an application (or exporter) exports, declared once.
///
/// ```yaml
/// apiVersion: vigil/v1
/// kind: MetricCatalogue
/// scrapeLabels: [job, instance, namespace, pod]
/// include: [node-exporter, cadvisor]
/// metrics:
///   - name: aurelis_requests_total
///     type: counter
///     labels: {method: [GET, POST], endpoint: {max: 40}}
/// ```
public struct MetricCatalogue: Sendable, Codable {
    public var apiVersion: String?
    public var kind: String?
    /// Labels every series gets from scraping and service discovery.
    public var scrapeLabels: [String]?
    /// Built-in exporter catalogues to add (`vigil cardinality --list-builtins`).
    public var include: [String]?
    public var budgets: CardinalityBudgets?
    public var metrics: [MetricDefinition]
    public var origin: Provenance?

    public init(scrapeLabels: [String]? = nil, include: [String]? = nil, budgets: CardinalityBudgets? = nil, metrics: [MetricDefinition]) {
        self.apiVersion = "vigil/v1"
        self.kind = "MetricCatalogue"
        self.scrapeLabels = scrapeLabels
        self.include = include
        self.budgets = budgets
        self.metrics = metrics
    }

    public static let defaultScrapeLabels = ["job", "instance"]

    /// The scrape labels in effect.
    public var effectiveScrapeLabels: [String] { scrapeLabels ?? Self.defaultScrapeLabels }
}

/// Catalogues merged for lookups: the application's, the built-ins it includes, any others.
public struct CatalogueIndex: MetricKnowledge {
    public let catalogues: [MetricCatalogue]
    private let bySeries: [String: MetricDefinition]
    private let scrapeLabels: Set<String>

    public init(_ catalogues: [MetricCatalogue]) {
        var all = catalogues
        var included = Set<String>()
        for c in catalogues {
            for name in c.include ?? [] where included.insert(name).inserted {
                if let builtin = BuiltinCatalogues.catalogue(named: name) { all.append(builtin) }
            }
        }
        self.catalogues = all
        var table: [String: MetricDefinition] = [:]
        var scrape = Set<String>()
        for c in all {
            scrape.formUnion(c.effectiveScrapeLabels)
            for m in c.metrics {
                for s in m.seriesNames where table[s] == nil { table[s] = m }
            }
        }
        bySeries = table
        scrapeLabels = scrape
    }

    /// The definition a series name belongs to (`x_bucket` → histogram `x`).
    public func definition(of series: String) -> MetricDefinition? { bySeries[series] }

    /// Every known series name, sorted.
    public var seriesNames: [String] { bySeries.keys.sorted() }

    public func type(of metric: String) -> MetricType? {
        guard let d = bySeries[metric] else { return nil }
        switch d.type {
        case .histogram, .summary:
            if metric.hasSuffix("_bucket") || metric.hasSuffix("_sum") || metric.hasSuffix("_count") { return .counter }
            return d.type
        default:
            return d.type
        }
    }

    public func labels(of metric: String) -> Set<String>? {
        guard let d = bySeries[metric] else { return nil }
        var set = Set(d.labelNames).union(scrapeLabels)
        if d.type == .histogram && metric.hasSuffix("_bucket") { set.insert("le") }
        if d.type == .summary && metric == d.name { set.insert("quantile") }
        return set
    }
}
