import VigilCore

/// How many series a metric produces, per target and across targets.
public struct SeriesEstimate: Sendable, Hashable {
    public let metric: String
    public let type: MetricType
    /// Series per scrape target; nil when a label is unbounded.
    public let perTarget: Int?
    /// The labels that make the estimate unbounded.
    public let unboundedLabels: [String]
    /// `perTarget × targets`.
    public func total(targets: Int) -> Int? { perTarget.map { $0.multipliedReportingOverflow(by: max(1, targets)).overflow ? Int.max : $0 * max(1, targets) } }

    /// Estimates one metric: the product of its label domains times the series a histogram or
    /// summary adds (`_bucket` per bucket plus `+Inf`, `_sum`, `_count`).
    public init(_ m: MetricDefinition) {
        metric = m.name
        type = m.type
        var product = 1
        var unbounded: [String] = []
        var overflow = false
        for (label, domain) in m.labels?.sorted() ?? [:] {
            if let size = domain.size {
                let (p, o) = product.multipliedReportingOverflow(by: size)
                if o { overflow = true } else { product = p }
            } else {
                unbounded.append(label)
            }
        }
        unboundedLabels = unbounded
        guard unbounded.isEmpty else { perTarget = nil; return }
        let perCombination: Int
        switch m.type {
        case .histogram: perCombination = (m.buckets?.count ?? Self.defaultBucketCount) + 1 + 2
        case .summary: perCombination = (m.objectives?.count ?? 0) + 2
        default: perCombination = 1
        }
        let (p, o) = product.multipliedReportingOverflow(by: perCombination)
        perTarget = overflow || o ? Int.max : p
    }

    /// prometheus_client's default histogram buckets (.005 … 10): 11 finite bounds.
    public static let defaultBucketCount = 11
}

/// The estimate of a whole catalogue, per metric and per job.
public struct CardinalityReport: Sendable {
    public struct Job: Sendable {
        public let name: String
        public let targets: Int
        public let metrics: [String]

        /// A job of `targets` targets scraping `metrics` (all of them when empty).
        public init(name: String, targets: Int, metrics: [String]) {
            self.name = name
            self.targets = targets
            self.metrics = metrics
        }
    }

    public let estimates: [SeriesEstimate]
    public let jobs: [Job]

    /// Estimates a catalogue's metrics; `jobs` say how many targets scrape which metrics
    /// (every metric, when a job lists none). Without jobs, one job of `targets` targets.
    public init(catalogue: MetricCatalogue, jobs: [Job]? = nil, targets: Int = 1) {
        estimates = catalogue.metrics.map(SeriesEstimate.init)
        self.jobs = jobs ?? [Job(name: "all", targets: targets, metrics: [])]
    }

    /// Series a metric has across every job that scrapes it.
    public func total(of e: SeriesEstimate) -> Int? {
        var sum = 0
        for job in jobs where job.metrics.isEmpty || job.metrics.contains(e.metric) {
            guard let t = e.total(targets: job.targets) else { return nil }
            sum = sum.addingReportingOverflow(t).overflow ? Int.max : sum + t
        }
        return sum
    }

    /// Series one job scrapes; nil when any of its metrics is unbounded.
    public func total(of job: Job) -> Int? {
        var sum = 0
        for e in estimates where job.metrics.isEmpty || job.metrics.contains(e.metric) {
            guard let t = e.total(targets: job.targets) else { return nil }
            sum = sum.addingReportingOverflow(t).overflow ? Int.max : sum + t
        }
        return sum
    }

    /// The text table of `vigil cardinality`: metrics by descending series, then jobs, totals.
    public func table() -> String {
        func fmt(_ n: Int?) -> String { n.map { $0 == Int.max ? "overflow" : String($0) } ?? "unbounded" }
        let rows = estimates.sorted { (total(of: $0) ?? Int.max, $1.metric) > (total(of: $1) ?? Int.max, $0.metric) }
        let nameWidth = max(6, rows.map(\.metric.count).max() ?? 0)
        func pad(_ s: String, _ w: Int) -> String { s.count >= w ? s : s + String(repeating: " ", count: w - s.count) }
        func lpad(_ s: String, _ w: Int) -> String { s.count >= w ? s : String(repeating: " ", count: w - s.count) + s }
        var out = "\(pad("metric", nameWidth))  \(pad("type", 9))  \(lpad("per target", 10))  \(lpad("series", 10))\n"
        var grand = 0
        var grandUnbounded = false
        for e in rows {
            let t = total(of: e)
            if let t { grand = grand.addingReportingOverflow(t).overflow ? Int.max : grand + t } else { grandUnbounded = true }
            var line = "\(pad(e.metric, nameWidth))  \(pad(e.type.rawValue, 9))  \(lpad(fmt(e.perTarget), 10))  \(lpad(fmt(t), 10))"
            if !e.unboundedLabels.isEmpty { line += "  (unbounded: \(e.unboundedLabels.joined(separator: ", ")))" }
            out += line + "\n"
        }
        out += "\(pad("total", nameWidth))  \(pad("", 9))  \(lpad("", 10))  \(lpad(grandUnbounded ? "unbounded" : fmt(grand), 10))\n"
        if jobs.count > 1 || jobs.first?.name != "all" {
            out += "\n\(pad("job", nameWidth))  \(lpad("targets", 9))  \(lpad("series", 10))\n"
            for j in jobs.sorted(by: { (total(of: $0) ?? Int.max, $1.name) > (total(of: $1) ?? Int.max, $0.name) }) {
                out += "\(pad(j.name, nameWidth))  \(lpad(String(j.targets), 9))  \(lpad(fmt(total(of: j)), 10))\n"
            }
        }
        return out
    }
}
