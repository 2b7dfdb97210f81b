import Foundation
import VigilCore
import VigilPromQL

/// A threshold in the wrong unit: a ratio compared with a percentage's threshold or the reverse,
/// or a metric whose help says "percentage" used as a ratio.
public struct ThresholdUnitMismatch: RuleCheck {
    public static let rule = RuleDescription(
        id: "thresholds/unit-mismatch", severity: .warning,
        summary: "A threshold's unit does not match the expression's: a ratio compared with a percentage's threshold, a percentage with a ratio's, or a metric whose help says \"percentage\" used as a ratio.",
        rationale: "A ratio lies between 0 and 1 and a percentage between 0 and 100. `ratio > 5` never fires, `percent < 0.7` fires only below 0.7 %, and a metric whose help promises a percentage while the alerts compare it with 0.7 is read differently by whoever sets the gauge. The unit comes from the catalogue's `unit`, the metric-name suffixes of Prometheus's naming conventions (`_ratio`, `_percent`, `_bytes`, `_seconds`) and the expression's own arithmetic (`* 100`, `bytes / bytes`).",
        triggering: [CatalogueExample.rules("      - {alert: LowHits, expr: 'app_cache_hit_ratio < 70', for: 10m}\n"),
                     CatalogueExample.rules("      - {alert: LowHits, expr: 'app_cache_hit_ratio * 100 < 0.7', for: 10m}\n"),
                     CatalogueExample.rules("      - {alert: LowHits, expr: 'app_cache_hit_rate < 0.7', for: 10m}\n"),
                     CatalogueExample.rules("      - {alert: MemoryHigh, expr: 'container_memory_working_set_bytes / container_spec_memory_limit_bytes > 90', for: 5m}\n")],
        nonTriggering: [CatalogueExample.rules("      - {alert: LowHits, expr: 'app_cache_hit_ratio < 0.7', for: 10m}\n"),
                        CatalogueExample.rules("      - {alert: LowHits, expr: 'app_cache_hit_ratio * 100 < 70', for: 10m}\n"),
                        CatalogueExample.rules("      - {alert: LowHits, expr: 'app_cache_hit_rate < 70', for: 10m}\n"),
                        CatalogueExample.rules("      - {alert: MemoryHigh, expr: 'container_memory_working_set_bytes / container_spec_memory_limit_bytes > 0.9', for: 5m}\n")])

    public init() {}

    public func run(_ rules: ArraySlice<RuleInContext>, _ context: LintContext, _ report: inout CheckReport) {
        let index = context.catalogueIndex
        for r in rules {
            guard r.rule.parsed != nil else { continue }
            for t in r.rule.thresholds where t.direction != .notEqual {
                guard let finding = Self.finding(t, index: index) else { continue }
                report.add(finding.message, rule: r.rule, exprRange: t.comparison.range, hint: finding.hint, severity: finding.severity)
            }
        }
    }

    struct Finding {
        var message: String
        var hint: String
        var severity: Severity?
    }

    static func finding(_ t: Threshold, index: CatalogueIndex?) -> Finding? {
        let v = t.value, shown = NumberText.float(v)
        // Printed only for a finding.
        var subject: String { abbreviated(t.subject) }
        if let e = ValueUnit.of(t.subject, index: index) {
            switch e.unit {
            case .ratio where v > 1:
                return Finding(message: "`\(subject)` is a ratio (0–1)\(source(e, index: index)), but it is compared with \(shown), a value it never reaches",
                               hint: "for a percentage threshold compare with \(NumberText.float(v / 100)), or multiply the expression by 100", severity: .error)
            case .quotient(let unit) where (10...100).contains(v) && t.direction != .equal:
                return Finding(message: "`\(subject)` divides \(unit) by \(unit), a ratio where 1 is 100 %, but it is compared with \(shown), which reads as a percentage",
                               hint: "compare with \(NumberText.float(v / 100)), or multiply the quotient by 100", severity: nil)
            case .percent where v > 0 && v <= 1:
                let why = e.scaled ? " (the expression multiplies a ratio by 100)" : source(e, index: index)
                return Finding(message: "`\(subject)` is a percentage (0–100)\(why), but it is compared with \(shown), a ratio's threshold",
                               hint: e.scaled ? "compare with \(NumberText.float(v * 100)), or drop the `* 100`" : "compare with \(NumberText.float(v * 100)) for \(NumberText.float(v * 100)) %",
                               severity: nil)
            case .percent, .quotient, .named:
                return nil
            case .ratio:
                break
            }
        }
        // A help text that promises a percentage on a metric the rule compares as a ratio.
        guard let metric = soleMetric(t.subject), let d = index?.definition(of: metric), let help = d.help,
              mentionsPercent(help), v > 0, v <= 1 else { return nil }
        let unit = ValueUnit.unit(ofMetric: metric, index: index)
        guard unit == nil || unit == .ratio else { return nil }
        let conflict = unit == .ratio ? "the catalogue's unit is ratio but its help says" : "its help says"
        return Finding(message: "\(metric) is compared with \(shown) as a ratio, but \(conflict) \"\(help)\"",
                       hint: "decide the unit: for a ratio (0–1) fix the help text and declare `unit: ratio`; for a percentage compare with \(NumberText.float(v * 100))",
                       severity: nil)
    }

    /// Where a unit was read from, for messages.
    private static func source(_ e: ValueUnit.Evidence, index: CatalogueIndex?) -> String {
        guard let metric = e.metric else { return "" }
        if let u = index?.definition(of: metric)?.unit { return " (the catalogue gives \(metric) unit \(u))" }
        if let suffix = ValueUnit.suffixes.first(where: { metric.hasSuffix($0.0) })?.0 { return " (its name ends in \(suffix))" }
        return ""
    }

    /// The one metric `e` shows directly: through parentheses, unit-preserving functions and
    /// min/max/avg aggregations.
    static func soleMetric(_ e: Expr, depth: Int = 0) -> String? {
        guard depth < 64 else { return nil }
        switch e.unparenthesized.kind {
        case .vectorSelector(let vs): return vs.metricName
        case .call(let c) where ValueUnit.preservingFunctions.contains(c.function.name):
            let args = c.args.filter { $0.constantValue == nil }
            guard args.count == 1 else { return nil }
            if case .matrixSelector(let m) = args[0].unparenthesized.kind { return m.selector.metricName }
            return soleMetric(args[0], depth: depth + 1)
        case .aggregate(let a) where [.min, .max, .avg].contains(a.op):
            return soleMetric(a.expr, depth: depth + 1)
        default: return nil
        }
    }

    static func mentionsPercent(_ help: String) -> Bool {
        let h = help.lowercased()
        return h.contains("percent") || h.contains("%")
    }

    private static func abbreviated(_ e: Expr) -> String {
        let s = PromQLPrinter.compact(e)
        return s.count > 60 ? String(s.prefix(57)) + "…" : s
    }
}
