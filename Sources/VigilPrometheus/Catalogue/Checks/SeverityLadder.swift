import VigilCore
import VigilPromQL

/// Alerts on the same expression whose severities order their thresholds the wrong way.
public struct SeverityLadder: Check {
    public static let rule = RuleDescription(
        id: "thresholds/severity-ladder", severity: .warning,
        summary: "A critical alert fires before (or slower than) the warning on the same expression.",
        rationale: "For `>` the critical threshold must be above the warning's (for `<`, below), and critical must not wait longer (`for`). Otherwise critical pages first and the warning is noise, or the page comes late.",
        triggering: [CatalogueExample.rules("""
              - {alert: Errors, expr: 'sum(rate(app_requests_total[5m])) > 10', for: 5m, labels: {severity: critical}}
              - {alert: Errors, expr: 'sum(rate(app_requests_total[5m])) > 50', for: 5m, labels: {severity: warning}}

        """)],
        nonTriggering: [CatalogueExample.rules("""
              - {alert: Errors, expr: 'sum(rate(app_requests_total[5m])) > 50', for: 2m, labels: {severity: critical}}
              - {alert: Errors, expr: 'sum(rate(app_requests_total[5m])) > 10', for: 5m, labels: {severity: warning}}

        """)])

    public init() {}

    private struct Rung {
        let rule: Rule
        let threshold: Threshold
        let severity: String
    }

    /// Alerts share a ladder when their subjects are the same expression (compared as trees,
    /// so formatting does not matter) compared in the same direction.
    private struct Subject: Hashable {
        let expr: Expr
        let direction: ThresholdDirection
    }

    /// The value of a dictionary slot, read through the one access that also inserted it.
    private static func slot(_ value: inout Int) -> Int { value }

    static func severity(_ labels: [LabelEntry]) -> String? {
        labels.firstIndex { $0.name == "severity" }.map { labels[$0].value }
    }

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        // Ladders in the order their first rung appears; one hash of the subject per alert.
        var ladderOf: [Subject: Int] = [:]
        ladderOf.reserveCapacity(context.allRules.count)
        var ladders: [[Rung]] = []
        for r in context.allRules where r.rule.isAlert {
            // Only critical and warning rungs are compared.
            guard let severity = Self.severity(r.rule.labels) ?? Self.severity(r.group.labels), severity == "critical" || severity == "warning",
                  r.rule.thresholds.count == 1, let t = r.rule.thresholds.first, !t.returnBool else { continue }
            let rung = Rung(rule: r.rule, threshold: t, severity: severity)
            let next = ladders.count
            let i = Self.slot(&ladderOf[Subject(expr: t.subject, direction: t.direction), default: next])
            if i == next { ladders.append([rung]) } else { ladders[i].append(rung) }
        }
        for rungs in ladders where rungs.count > 1 {
            for critical in rungs where critical.severity == "critical" {
                for warning in rungs where warning.severity == "warning" {
                    let up = critical.threshold.normalizedOp == .gtr || critical.threshold.normalizedOp == .gte
                    let c = critical.threshold.value, w = warning.threshold.value
                    if up ? c < w : c > w {
                        report.add("critical fires at \(NumberText.float(c)) but warning only at \(NumberText.float(w)): the ladder is upside down",
                                   rule: critical.rule, exprRange: critical.threshold.comparison.range,
                                   hint: "for `\(up ? ">" : "<")`, the critical threshold must be \(up ? "above" : "below") the warning's")
                    }
                    if let cf = critical.rule.forDuration, let wf = warning.rule.forDuration, cf > wf {
                        report.add("critical waits \(cf) but warning only \(wf): the page comes after the warning's delay",
                                   in: critical.rule.file, at: critical.rule.node["for"]?.range ?? critical.rule.node.range,
                                   hint: "give critical a `for` no longer than the warning's")
                    }
                }
            }
        }
    }
}
