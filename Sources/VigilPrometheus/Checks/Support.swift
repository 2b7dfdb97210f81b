import VigilCore
import VigilPromQL

/// One rule with the group and file it is in, as checks walk them.
///
/// A class: every rule check walks all of them, and handing out one reference per rule, not a
/// copy of each rule's two dozen fields, is most of what walking them costs.
public final class RuleInContext: Sendable {
    public let file: RuleFile
    public let group: RuleGroup
    public let rule: Rule

    public init(file: RuleFile, group: RuleGroup, rule: Rule) {
        self.file = file
        self.group = group
        self.rule = rule
    }
}

/// A check whose findings for a rule depend on that rule alone (its group and file
/// included): the linter runs these checks together on slices of `allRules`.
public protocol RuleCheck: SlicedCheck where Item == RuleInContext {}

extension RuleCheck {
    public static func items(in context: LintContext) -> [RuleInContext] { context.allRules }
}

extension LintContext {
    /// Every rule file of the run (plain files, PrometheusRule resources, embedded files).
    public var ruleFiles: [RuleFile] { all(RuleFile.self) }
    /// Every Prometheus configuration of the run.
    public var prometheusConfigs: [PrometheusConfigFile] { all(PrometheusConfigFile.self) }

    /// Every rule of the run (worked out once per run for all the checks that ask).
    public var allRules: [RuleInContext] {
        shared(AllRulesInContext.self) { context in
            var out: [RuleInContext] = []
            for f in context.ruleFiles {
                for g in f.groups {
                    for r in g.rules { out.append(RuleInContext(file: f, group: g, rule: r)) }
                }
            }
            return out
        }
    }

    /// The scrape interval a check may assume: `scrape-interval` from the command line or
    /// `.vigil.yaml`, else the global interval of the one Prometheus config in the run.
    public func scrapeInterval(forJob job: String? = nil) -> Duration? {
        if let s = options.settings["scrape-interval"], let d = try? Duration.parse(s) { return d }
        let configs = prometheusConfigs
        guard configs.count == 1, let c = configs.first?.config else { return nil }
        if let job, let j = c.scrapeConfigs?.first(where: { $0.jobName == job }) { return c.scrapeInterval(of: j) }
        return c.scrapeInterval
    }

    /// The evaluation interval of a group: its own `interval`, else `evaluation-interval` from
    /// the settings, else the global one of the one Prometheus config in the run.
    public func evaluationInterval(of group: RuleGroup) -> Duration? {
        if let i = group.interval { return i }
        if let s = options.settings["evaluation-interval"], let d = try? Duration.parse(s) { return d }
        let configs = prometheusConfigs
        guard configs.count == 1, let c = configs.first?.config else { return nil }
        return c.evaluationInterval
    }
}

extension CheckReport {
    /// Reports at a node of `file`.
    mutating func add(_ message: String, in file: SourceFile, node: Node?, hint: String? = nil, severity: Severity? = nil) {
        add(message, in: file, at: node?.range, hint: hint, severity: severity)
    }

    /// Reports at a range inside a rule's expression.
    mutating func add(_ message: String, rule: Rule, exprRange: Range<Int>, hint: String? = nil, severity: Severity? = nil) {
        let (file, range) = rule.exprRange(exprRange)
        add(message, in: file, at: range ?? rule.node.range, hint: hint, severity: severity)
    }
}

/// Builders for rule examples (small rule files).
enum Example {
    /// A rule file with one alerting rule.
    static func alert(_ expr: String, name: String = "Example", for duration: String? = "5m", interval: String? = nil,
                      labels: [(String, String)] = [("severity", "warning")],
                      annotations: [(String, String)] = [], path: String = "rules.yaml") -> RuleExample {
        var s = "groups:\n  - name: example\n"
        if let interval { s += "    interval: \(interval)\n" }
        s += "    rules:\n      - alert: \(name)\n        expr: |\n"
        for line in expr.split(separator: "\n", omittingEmptySubsequences: false) { s += "          \(line)\n" }
        if let duration { s += "        for: \(duration)\n" }
        if !labels.isEmpty {
            s += "        labels:\n"
            for (k, v) in labels { s += "          \(k): \(quote(v))\n" }
        }
        if !annotations.isEmpty {
            s += "        annotations:\n"
            for (k, v) in annotations { s += "          \(k): \(quote(v))\n" }
        }
        return RuleExample(s, path: path)
    }

    /// A rule file with one recording rule.
    static func record(_ name: String, _ expr: String, extra: String = "") -> RuleExample {
        RuleExample("groups:\n  - name: example\n    rules:\n      - record: \(name)\n        expr: \(quote(expr))\n\(extra)", path: "rules.yaml")
    }

    /// A double-quoted YAML string.
    static func quote(_ s: String) -> String {
        var out = "\""
        for c in s {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.append(c)
            }
        }
        return out + "\""
    }
}

/// Facts about PromQL expressions that several checks share.
enum ExprFacts {
    /// The functions that need a counter.
    static let counterFunctions: Set<String> = ["rate", "irate", "increase", "resets"]

    /// The vector selector an expression reads directly (through parentheses and `rate`-like
    /// wrappers that keep the series), when it is a single one.
    static func selector(of e: Expr) -> VectorSelector? {
        switch e.unparenthesized.kind {
        case .vectorSelector(let vs): return vs
        case .matrixSelector(let ms): return ms.selector
        case .call(let c) where c.args.count == 1:
            return selector(of: c.args[0])
        default: return nil
        }
    }

    static func isCounter(_ name: String, metrics: (any MetricKnowledge)?) -> Bool? {
        if let known = metrics?.isCounter(name) { return known }
        if PrometheusNames.looksLikeCounter(name) { return true }
        if name.utf8.contains(UInt8(ascii: ":")) { return nil }
        return false
    }

    /// The output labels of both operands of `b` (the binary node at `range` of `rule`'s
    /// expression): recorded at decode time when there is no catalogue, else worked out.
    static func operandLabels(_ b: Binary, at range: Range<Int>, of rule: Rule, metrics: (any MetricKnowledge)?) -> (lhs: LabelSet, rhs: LabelSet) {
        if metrics == nil, let recorded = rule.operandLabels.operands(at: range) { return recorded }
        return (outputLabels(of: b.lhs, metrics: metrics), outputLabels(of: b.rhs, metrics: metrics))
    }

    static func outputLabels(of e: Expr, metrics: (any MetricKnowledge)?) -> LabelSet {
        guard let m = metrics else { return e.outputLabels() }
        return e.outputLabels { m.labels(of: $0) }
    }

    /// Whether `e` computes a per-second rate or an increase of a counter.
    static func isRateLike(_ e: Expr) -> Bool {
        if case .call(let c) = e.unparenthesized.kind { return counterFunctions.contains(c.function.name) && c.function.name != "resets" }
        return false
    }
}

extension LintContext {
    /// The metric knowledge given to the run, if any.
    /// Metric catalogues given as plain `MetricCatalogue` values (`vigil lint --catalogue`) are
    /// indexed here.
    /// (Worked out once per run: rule checks ask once per slice of rules.)
    public var metrics: (any MetricKnowledge)? {
        shared(RunMetrics.self) { context in
            let knowledge = context.options.knowledge
            if let k = knowledge.lazy.compactMap({ $0 as? any MetricKnowledge }).first { return RunMetrics(value: k) }
            let catalogues = knowledge.compactMap { $0 as? MetricCatalogue }
            return RunMetrics(value: catalogues.isEmpty ? nil : CatalogueIndex(catalogues))
        }.value
    }

    /// Whether a metric is a counter: from the catalogue when it knows, else by name
    /// (`_total`, `_count`, `_sum`, `_bucket`); nil for recorded series (names with `:`)
    /// that are not named like counters.
    public func isCounter(_ name: String) -> Bool? { ExprFacts.isCounter(name, metrics: metrics) }

    /// The output labels of an expression, using the catalogue's label sets when known.
    public func outputLabels(of e: Expr) -> LabelSet { ExprFacts.outputLabels(of: e, metrics: metrics) }
}

/// The key of `LintContext.allRules`'s shared value.
private enum AllRulesInContext {}

/// `LintContext.metrics`' shared value (and its key): the optional in a struct, so that a run
/// without metric knowledge is remembered too.
private struct RunMetrics: Sendable {
    let value: (any MetricKnowledge)?
}
