import VigilCore

/// Recording rule names follow `level:metric:operations`.
public struct RecordNameConvention: RuleCheck {
    public static let rule = RuleDescription(
        id: "rules/record-name-convention", severity: .info,
        summary: "A recording rule's name does not follow the `level:metric:operations` convention.",
        rationale: "Prometheus' naming convention for recorded series, e.g. `job:http_requests:rate5m`, says at a glance which labels are kept (level), what is measured and what was done to it, and keeps recorded series apart from scraped ones (which never contain `:`).",
        triggering: [Example.record("http_requests_rate5m", "sum by (job) (rate(http_requests_total[5m]))")],
        nonTriggering: [Example.record("job:http_requests:rate5m", "sum by (job) (rate(http_requests_total[5m]))")])

    public init() {}

    public func run(_ rules: ArraySlice<RuleInContext>, _ context: LintContext, _ report: inout CheckReport) {
        for r in rules where r.rule.isRecord {
            guard let name = r.rule.record, PrometheusNames.isValidMetricName(name) else { continue }
            let parts = name.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count < 3 || parts.contains(where: \.isEmpty) else { continue }
            report.add("recording rule name \"\(name)\" does not follow level:metric:operations", in: r.file.file, node: r.rule.recordNode,
                       hint: "e.g. job:\(parts.count == 1 ? name : String(parts.last ?? "metric")):rate5m")
        }
    }
}
