import VigilCore
import VigilPromQL

/// rate() over a subquery of an aggregation: sum first, rate later loses counter resets.
public struct RateOfAggregation: RuleCheck {
    public static let rule = RuleDescription(
        id: "promql/rate-of-aggregation", severity: .warning,
        summary: "rate()/increase() over a subquery of an aggregation (`rate(sum(x)[5m:])`).",
        rationale: "When one of the summed counters resets, the sum drops and rate() takes it for a reset of the whole sum: the result jumps. Take the rate of each series first, then aggregate: `sum(rate(x[5m]))`.",
        triggering: [Example.alert("rate(sum(http_requests_total)[5m:]) > 10")],
        nonTriggering: [Example.alert("sum(rate(http_requests_total[5m])) > 10")])

    public init() {}

    public func run(_ rules: ArraySlice<RuleInContext>, _ context: LintContext, _ report: inout CheckReport) {
        for r in rules {
            guard let e = r.rule.parsed, r.rule.selectors.contains(where: { $0.subqueryRange != nil }) else { continue }
            PromQLWalker().walk(e) { node, _ in
                guard case .call(let c) = node.kind, ExprFacts.counterFunctions.contains(c.function.name),
                      let arg = c.args.first, case .subquery(let sq) = arg.unparenthesized.kind else { return .descend }
                var aggregated = false
                PromQLWalker().walk(sq.expr) { inner, _ in
                    if case .aggregate = inner.kind { aggregated = true; return .stop }
                    return .descend
                }
                if aggregated {
                    report.add("\(c.function.name)() over a subquery of an aggregation: counter resets of the aggregated series are lost",
                               rule: r.rule, exprRange: node.range, hint: "aggregate the rates instead: sum(\(c.function.name)(x[5m]))")
                }
                return .descend
            }
        }
    }
}
