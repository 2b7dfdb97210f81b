import VigilCore
import VigilPromQL

/// Binary operations whose two sides can never have matching label sets.
public struct VectorMatchingImpossible: RuleCheck {
    public static let rule = RuleDescription(
        id: "promql/vector-matching-impossible", severity: .warning,
        summary: "The two sides of a binary operation can never match: one side certainly has a label the other cannot have.",
        rationale: "Vector matching pairs series with equal label sets (on the `on(…)` labels, or all labels but those in `ignoring(…)`). When the sides are aggregated to different labels (`sum by (job) … / sum by (instance) …`) no pair ever matches and the result is always empty: the alert never fires. Match on the labels both sides keep.",
        triggering: [Example.alert("sum by (job) (rate(errors_total[5m])) / sum by (instance) (rate(requests_total[5m])) > 0.1"),
                     Example.alert("sum by (job) (rate(errors_total[5m])) / on (instance) sum by (instance) (rate(requests_total[5m])) > 0.1")],
        nonTriggering: [Example.alert("sum by (job) (rate(errors_total[5m])) / sum by (job) (rate(requests_total[5m])) > 0.1"),
                        Example.alert("rate(errors_total[5m]) / on (instance) group_left up > 0.1")])

    public init() {}

    public func run(_ rules: ArraySlice<RuleInContext>, _ context: LintContext, _ report: inout CheckReport) {
        let metrics = context.metrics
        for r in rules {
            guard let e = r.rule.parsed, r.rule.selectors.count >= 2 else { continue }
            PromQLWalker().walk(e) { node, _ in
                guard case .binary(let b) = node.kind, b.op != .or, b.lhs.type == .instantVector, b.rhs.type == .instantVector else { return .descend }
                let (l, rl) = ExprFacts.operandLabels(b, at: node.range, of: r.rule, metrics: metrics)
                var candidates: Set<String>
                if let m = b.matching, m.on {
                    candidates = Set(m.labels)
                } else {
                    candidates = l.certain.union(rl.certain).subtracting(["__name__"])
                    if let m = b.matching { candidates.subtract(m.labels) }
                }
                for label in candidates.sorted() {
                    let lc = l.contains(label), rc = rl.contains(label)
                    if (lc == true && rc == false) || (lc == false && rc == true) {
                        let side = lc == true ? "left" : "right"
                        report.add("the sides of `\(b.op.rawValue)` never match: only the \(side) side has the label \"\(label)\" (left keeps \(l), right keeps \(rl))",
                                   rule: r.rule, exprRange: node.range,
                                   hint: "aggregate both sides to the same labels, or match with on(…)/ignoring(…) on labels both sides have")
                        break
                    }
                }
                return .descend
            }
        }
    }
}
