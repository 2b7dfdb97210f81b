import VigilCore
import VigilPromQL

/// A `legendFormat` naming a label the query's result cannot have.
public struct LegendUnknownLabel: Check {
    public static let rule = RuleDescription(
        id: "grafana/legend-unknown-label", severity: .warning,
        summary: "`legendFormat` names a label (`{{method}}`) that the query's result cannot carry.",
        rationale: "An aggregation keeps only its `by` labels and `rate` drops `__name__`; a legend naming any other label renders empty, so every series gets the same legend and the panel cannot be read. Add the label to `by (…)` or fix the legend.",
        triggering: [Example.dashboard(Example.panel("sum(rate(http_requests_total[$__rate_interval]))", legend: "{{method}}"))],
        nonTriggering: [Example.dashboard(Example.panel("sum by (method) (rate(http_requests_total[$__rate_interval]))", legend: "{{method}}")),
                        Example.dashboard(Example.panel("rate(http_requests_total[$__rate_interval])", legend: "{{method}} {{ status }}"))])

    public init() {}

    /// The label names in `{{ label }}` placeholders.
    static func placeholders(_ legend: String) -> [String] {
        var out: [String] = []
        var rest = Substring(legend)
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) { out.append(name) }
            rest = rest[close.upperBound...]
        }
        return out
    }

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for d in context.dashboards {
            for q in d.queries {
                guard let target = q.target, let legend = target.legendFormat, legend.contains("{{"), let expr = q.expr else { continue }
                let labels = expr.outputLabels()
                for name in LegendUnknownLabel.placeholders(legend) where labels.lacks(name) {
                    let keep = labels.certain.sorted()
                    report.add("legend names label \"\(name)\" but the query's result has \(keep.isEmpty ? "no labels" : "only " + keep.joined(separator: ", "))",
                               at: target.origin, key: "legendFormat", hint: "add \(name) to the aggregation's by (…) or remove {{\(name)}}")
                }
            }
        }
    }
}

import Foundation
