import VigilCore
import VigilPromQL

/// absent() of something else than a plain selector.
public struct AbsentOfAggregation: RuleCheck {
    public static let rule = RuleDescription(
        id: "promql/absent-labels", severity: .warning,
        summary: "absent() is given an aggregation with by/without: the grouping labels vanish.",
        rationale: "absent() returns one series whose labels come only from the equality matchers of a plain selector. `absent(sum by (job) (up))` returns `{}`: the job that is missing is not in the alert. Use `absent(up{job=\"api\"})` per job, or `count by (job) (up) unless …` to find which group vanished.",
        triggering: [Example.alert("absent(sum by (job) (up{job=\"api\"}))")],
        nonTriggering: [Example.alert("absent(up{job=\"api\"})")])

    public init() {}

    public func run(_ rules: ArraySlice<RuleInContext>, _ context: LintContext, _ report: inout CheckReport) {
        for r in rules {
            guard let e = r.rule.parsed, r.rule.functions.contains("absent") else { continue }
            PromQLWalker().walk(e) { node, _ in
                guard case .call(let c) = node.kind, c.function.name == "absent", let arg = c.args.first,
                      case .aggregate(let a) = arg.unparenthesized.kind, a.grouping != .none else { return .descend }
                report.add("absent() of an aggregation returns a series without labels: the grouping labels of \(a.op.rawValue) are lost",
                           rule: r.rule, exprRange: node.range, hint: "use absent() on a plain selector with equality matchers, e.g. absent(up{job=\"api\"})")
                return .skipChildren
            }
        }
    }
}
