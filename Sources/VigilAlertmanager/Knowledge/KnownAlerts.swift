import VigilCore

/// An alert a Prometheus rule can fire, as far as routing is concerned: its name, the labels
/// the rule sets, and (when known) every label its series can carry.
public struct KnownAlert: Sendable {
    public var name: String
    /// Labels set by the rule's `labels:` (severity, team…), plus nothing from the series.
    public var labels: [String: String]
    /// Every label the alert's series can carry beyond `labels` (from a metric catalogue or
    /// the expression's aggregation); nil when unknown, which makes checks assume any label.
    public var seriesLabels: Set<String>?
    /// Where the rule is, for reports.
    public var file: SourceFile?
    public var range: SourceRange?

    public init(name: String, labels: [String: String], seriesLabels: Set<String>? = nil, file: SourceFile? = nil, range: SourceRange? = nil) {
        self.name = name
        self.labels = labels
        self.seriesLabels = seriesLabels
        self.file = file
        self.range = range
    }

    /// The labels with `alertname`.
    public var staticLabels: [String: String] {
        var l = labels
        l["alertname"] = name
        return l
    }

    /// Whether `matcher` certainly rejects every instance of this alert (its value is fixed
    /// by the rule and fails, or the label certainly never exists and "" fails).
    public func certainlyFails(_ matcher: LabelMatcher) -> Bool {
        if let v = staticLabels[matcher.name] { return !matcher.matches(v) }
        if let series = seriesLabels, !series.contains(matcher.name) { return !matcher.matchesEmpty }
        return false
    }

    /// The alert's name and where its rule is, to recognise the same rule read twice.
    var identity: String {
        let resolved = file?.resolve(range)
        var path = Substring(resolved?.file.path ?? "")
        while path.hasPrefix("./") { path = path.dropFirst(2) }
        return "\(name)\u{0}\(path)\u{0}\(resolved?.range?.start.offset ?? -1)"
    }

    /// Whether the alert can carry the label at all.
    public func mayCarry(_ label: String) -> Bool {
        if staticLabels[label] != nil { return true }
        guard let series = seriesLabels else { return true }
        return series.contains(label)
    }
}

/// Alert rules known to a lint run, given as knowledge (`LintOptions.knowledge`) by the stack
/// or by `--rules FILES`.
public struct KnownAlerts: Sendable {
    public var alerts: [KnownAlert]
    public init(_ alerts: [KnownAlert]) { self.alerts = alerts }
}

/// An artifact that holds alerting rules (a Prometheus rule file, a PrometheusRule), so the
/// Alertmanager checks can route its alerts when both are linted together. The Prometheus
/// module's artifacts conform in the layer that sees both modules.
public protocol AlertRuleSource: Artifact {
    var knownAlerts: [KnownAlert] { get }
}

extension LintContext {
    /// Every alert known to the run: given knowledge plus rule artifacts, nil when none.
    /// A rule file both given as knowledge (`--rules`) and linted counts once.
    public var knownAlerts: [KnownAlert]? {
        var all = options.knowledge(KnownAlerts.self)?.alerts ?? []
        var seen = Set(all.map(\.identity))
        for a in artifacts {
            guard let source = a as? any AlertRuleSource else { continue }
            for alert in source.knownAlerts where seen.insert(alert.identity).inserted { all.append(alert) }
        }
        return all.isEmpty ? nil : all
    }
}
