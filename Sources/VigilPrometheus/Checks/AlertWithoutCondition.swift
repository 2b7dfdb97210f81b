import VigilCore
import VigilPromQL

/// Alerts whose expression filters nothing.
public struct AlertWithoutCondition: RuleCheck {
    public static let rule = RuleDescription(
        id: "alerts/no-condition", severity: .warning,
        summary: "An alert's expression has no condition: no comparison, `and`/`unless` or absent().",
        rationale: "An alert fires for every series its expression returns. Without a comparison (`> 0.05`) the alert fires whenever the metric exists, whatever its value; a top-level comparison with `bool` returns 0 or 1 for every series, so it fires always. An intentionally always-firing alert (a Watchdog) should say so with vector(1).",
        triggering: [Example.alert("rate(http_requests_errors_total[5m])"), Example.alert("up == bool 0")],
        nonTriggering: [Example.alert("up == 0"), Example.alert("vector(1)", name: "Watchdog", for: nil),
                        Example.alert("absent(up{job=\"api\"})"), Example.alert("up{job=\"api\"} unless on (instance) maintenance_mode")])

    public init() {}

    public func run(_ rules: ArraySlice<RuleInContext>, _ context: LintContext, _ report: inout CheckReport) {
        for r in rules where r.rule.isAlert {
            guard let e = r.rule.parsed, !Self.hasCondition(e) else { continue }
            report.add("\(r.rule.label) has no condition: it fires for every series the expression returns, whatever the value",
                       rule: r.rule, exprRange: e.range, hint: "add a comparison such as `> 0.05`, or `== 0`")
        }
    }

    static func hasCondition(_ root: Expr) -> Bool {
        if case .binary(let b) = root.unparenthesized.kind, b.op.isComparison, b.returnBool { return false }
        var found = false
        PromQLWalker().walk(root) { e, _ in
            switch e.kind {
            case .binary(let b):
                if (b.op.isComparison && !b.returnBool) || b.op == .and || b.op == .unless { found = true }
            case .call(let c):
                if ["absent", "absent_over_time", "vector"].contains(c.function.name) { found = true }
            case .vectorSelector(let vs):
                if vs.metricName == "ALERTS" || vs.metricName == "ALERTS_FOR_STATE" { found = true }
            case .aggregate(let a):
                if a.op == .topk || a.op == .bottomk { found = true }
            default: break
            }
            return found ? .stop : .descend
        }
        return found
    }
}
