import VigilCore
import VigilPromQL

/// `$labels.x` in an alert template where the expression's result cannot carry `x`.
public struct TemplateLabelMissing: RuleCheck {
    public static let rule = RuleDescription(
        id: "alerts/template-label-missing", severity: .warning,
        summary: "An alert template reads `$labels.x`, but the alert expression's result cannot have the label `x`.",
        rationale: "Templates see the labels of the series the expression returns (not the rule's own `labels:`). After `sum by (job)` only `job` is left, and absent() keeps only the labels of its equality matchers, so `{{ $labels.instance }}` renders empty and the notification loses the detail it was written for.",
        triggering: [Example.alert("sum by (job) (rate(http_requests_errors_total[5m])) > 1", annotations: [("summary", "errors on {{ $labels.instance }}")]),
                     Example.alert("absent(up{job=\"api\"})", annotations: [("summary", "{{ $labels.instance }} is gone")])],
        nonTriggering: [Example.alert("sum by (job, instance) (rate(http_requests_errors_total[5m])) > 1", annotations: [("summary", "errors on {{ $labels.instance }}")]),
                        Example.alert("absent(up{job=\"api\"})", annotations: [("summary", "{{ $labels.job }} is gone")])])

    public init() {}

    public func run(_ rules: ArraySlice<RuleInContext>, _ context: LintContext, _ report: inout CheckReport) {
        let metrics = context.metrics
        func readsLabels(_ entries: [LabelEntry]) -> Bool {
            entries.contains { !($0.template?.namedLabelReferences.isEmpty ?? true) }
        }
        for r in rules where r.rule.isAlert {
            // Most rules read no label in their templates: skip them before copying anything.
            guard let e = r.rule.parsed, readsLabels(r.rule.labels) || readsLabels(r.rule.annotations) else { continue }
            let labels = metrics == nil ? r.rule.outputLabels : ExprFacts.outputLabels(of: e, metrics: metrics)
            for (kind, entries) in [("label", r.rule.labels), ("annotation", r.rule.annotations)] {
                for entry in entries {
                    guard let t = entry.template, t.error == nil else { continue }
                    for ref in t.namedLabelReferences where labels.lacks(ref.name) {
                        let (file, range) = entry.range(ref.range, in: r.file.file)
                        let kept = labels.certain.subtracting(["__name__"]).sorted()
                        let keeps = kept.isEmpty ? "no labels" : "only " + kept.joined(separator: ", ")
                        report.add("\(kind) \"\(entry.name)\" reads $labels.\(ref.name), but the expression's result cannot have the label \"\(ref.name)\" (it keeps \(keeps))",
                                   in: file, at: range, hint: "keep \(ref.name) in the aggregation (by (…, \(ref.name))) or remove it from the template")
                    }
                }
            }
        }
    }
}
