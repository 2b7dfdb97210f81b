import VigilCore
import VigilPromQL

/// Ratios to a resource limit that is 0 when no limit is set.
public struct RatioToUnsetLimit: RuleCheck {
    public static let rule = RuleDescription(
        id: "promql/ratio-to-unset-limit", severity: .warning,
        summary: "A ratio divides by a resource-limit metric (`container_spec_memory_limit_bytes`, …) without dropping the series where no limit is set.",
        rationale: "cAdvisor and kube-state-metrics report a limit of 0 for containers without one — and for the pod-level cgroup (`container=\"\"`) and the pause container. `usage / 0` is +Inf, so a `> 80` alert fires at once for every such series. Divide by `(limit > 0)` and filter `container!=\"\"`.",
        triggering: [Example.alert("container_memory_working_set_bytes{pod=~\"api-.*\"} / container_spec_memory_limit_bytes{pod=~\"api-.*\"} * 100 > 80")],
        nonTriggering: [Example.alert("container_memory_working_set_bytes{container!=\"\"} / (container_spec_memory_limit_bytes{container!=\"\"} > 0) * 100 > 80")])

    public init() {}

    static func isLimitMetric(_ name: String) -> Bool {
        // Byte comparisons: every selector of every rule is asked, and String.hasPrefix compares
        // by grapheme.
        let b = name.utf8
        if b.starts(with: "container_".utf8) {
            return name == "container_spec_cpu_quota" || name.containsBytes("_limit")
        }
        return b.starts(with: "kube_pod_container_resource_limits".utf8) || name == "kube_resourcequota"
    }

    public func run(_ rules: ArraySlice<RuleInContext>, _ context: LintContext, _ report: inout CheckReport) {
        for r in rules {
            guard let e = r.rule.parsed, r.rule.selectors.contains(where: { $0.metricName.map(Self.isLimitMetric) ?? false }) else { continue }
            PromQLWalker().walk(e) { node, _ in
                guard case .binary(let b) = node.kind, b.op == .div, b.rhs.type == .instantVector else { return .descend }
                guard let sel = ExprFacts.selector(of: b.rhs.unparenthesized.aggregateBody), let name = sel.metricName, Self.isLimitMetric(name) else { return .descend }
                report.add("divides by \(name), which is 0 for containers without a limit (and for container=\"\"): the ratio is +Inf there and the alert fires",
                           rule: r.rule, exprRange: b.rhs.range, hint: "divide by (\(name){container!=\"\"} > 0)")
                return .descend
            }
        }
    }
}

extension Expr {
    /// The expression inside aggregations (`max by (pod) (x)` gives `x`).
    var aggregateBody: Expr {
        var e = self
        while case .aggregate(let a) = e.kind { e = a.expr.unparenthesized }
        return e
    }
}
