/// The type of a metric, as a metric catalogue knows it.
public enum MetricType: String, Sendable, Hashable, CaseIterable {
    case counter, gauge, histogram, summary, info, stateset, unknown
}

/// What a metric catalogue knows about metrics, given to lint through `LintOptions.knowledge`.
///
/// Checks use it when present (a rate over a known gauge, labels a metric cannot have) and fall
/// back to naming conventions (`_total`, `_count`, `_sum`, `_bucket`) when it is absent.
public protocol MetricKnowledge: Sendable {
    /// The type of a metric (series names of histograms and summaries included:
    /// `x_bucket`, `x_count`, `x_sum` of a histogram `x`), nil when unknown.
    func type(of metric: String) -> MetricType?
    /// The labels a metric's series carry (without `__name__`), nil when unknown.
    func labels(of metric: String) -> Set<String>?
}

/// A simple table of metric knowledge (for tests and small catalogues).
public struct MetricTable: MetricKnowledge {
    public var types: [String: MetricType]
    public var labelSets: [String: Set<String>]

    public init(types: [String: MetricType] = [:], labels: [String: Set<String>] = [:]) {
        self.types = types
        self.labelSets = labels
    }

    public func type(of metric: String) -> MetricType? {
        if let t = types[metric] { return t }
        for suffix in ["_bucket", "_count", "_sum"] where metric.hasSuffix(suffix) {
            if let t = types[String(metric.dropLast(suffix.count))], t == .histogram || t == .summary { return .counter }
        }
        return nil
    }

    public func labels(of metric: String) -> Set<String>? { labelSets[metric] }
}

extension MetricKnowledge {
    /// Whether the metric counts (a counter or the counter series of a histogram/summary):
    /// by type when known, else by name.
    public func isCounter(_ metric: String) -> Bool? {
        switch type(of: metric) {
        case .counter?: return true
        case .histogram?, .summary?: return metric.hasSuffix("_bucket") || metric.hasSuffix("_count") || metric.hasSuffix("_sum")
        case .gauge?, .info?, .stateset?: return false
        case .unknown?, nil: return nil
        }
    }
}
