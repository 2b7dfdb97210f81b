import VigilCore
import VigilPromQL

/// A division of a metric by itself where the numerator filters a label both sides keep.
public struct SelfRatio: RuleCheck {
    public static let rule = RuleDescription(
        id: "promql/self-ratio", severity: .error,
        summary: "A ratio divides each series by itself: the numerator filters a label that both sides keep.",
        rationale: "`rate(x{code=~\"5..\"}[5m]) / rate(x[5m])` matches series one to one on all their labels, `code` included, so every 5xx series is divided by the same 5xx series: the result is 1 (or NaN), never the share of errors in the total. Aggregate the filtered label away on both sides so the numerator is matched with the total: `sum without (code) (…) / sum without (code) (…)`, or `sum by (job) (…)` on both sides.",
        triggering: [Example.alert("rate(http_requests_total{code=~\"5..\"}[5m]) / rate(http_requests_total[5m]) > 0.05"),
                     Example.alert("(\n  rate(aurelis_requests_total{status_code!~\"2..\"}[5m]) /\n  rate(aurelis_requests_total[5m])\n) * 100 > 5")],
        nonTriggering: [Example.alert("sum without (code) (rate(http_requests_total{code=~\"5..\"}[5m])) / sum without (code) (rate(http_requests_total[5m])) > 0.05"),
                        Example.alert("sum by (job) (rate(http_requests_total{code=~\"5..\"}[5m])) / sum by (job) (rate(http_requests_total[5m])) > 0.05"),
                        Example.alert("rate(http_requests_total{code=~\"5..\"}[5m]) / ignoring(code) group_left sum without (code) (rate(http_requests_total[5m])) > 0.05")])

    public init() {}

    public func run(_ rules: ArraySlice<RuleInContext>, _ context: LintContext, _ report: inout CheckReport) {
        let metrics = context.metrics
        for r in rules {
            guard let e = r.rule.parsed, r.rule.selectors.count >= 2, Self.readsOneMetricTwice(r.rule.selectors) else { continue }
            PromQLWalker().walk(e) { node, _ in
                guard case .binary(let b) = node.kind, b.op == .div, b.lhs.type == .instantVector, b.rhs.type == .instantVector else { return .descend }
                if let label = Self.selfRatioLabel(b, operands: { ExprFacts.operandLabels(b, at: node.range, of: r.rule, metrics: metrics) }) {
                    let lhsSel = b.lhs.selectors().first?.metricName ?? "the metric"
                    report.add("\(lhsSel) is divided by itself: both sides keep the label \"\(label)\" that the numerator filters on, so each series is matched with the same series and the ratio is always 1 (or NaN)",
                               rule: r.rule, exprRange: node.range,
                               hint: "aggregate \(label) away on both sides: sum without (\(label)) (…) / sum without (\(label)) (…), or sum by (<labels to keep>) on both sides")
                }
                return .descend
            }
        }
    }

    /// The label that makes `b` a self-ratio, if it is one.
    /// `operands` gives the output labels of both sides (asked only once the selectors match).
    static func selfRatioLabel(_ b: Binary, operands: () -> (lhs: LabelSet, rhs: LabelSet)) -> String? {
        let ls = b.lhs.selectors(), rs = b.rhs.selectors()
        guard ls.count == 1, rs.count == 1, let name = ls[0].metricName, name == rs[0].metricName else { return nil }
        let lm = ls[0].matchers.filter { $0.name != "__name__" && !isMatchAll($0) }
        let rm = rs[0].matchers.filter { $0.name != "__name__" && !isMatchAll($0) }
        // The denominator must select a superset: all its matchers also on the numerator.
        guard rm.allSatisfy({ m in lm.contains(m) }) else { return nil }
        let filtered = lm.filter { m in !rm.contains(m) }.map(\.name)
        guard !filtered.isEmpty else { return nil }
        let (ll, rl) = operands()
        for label in filtered {
            if ll.lacks(label) || rl.lacks(label) { continue }
            if let m = b.matching {
                if m.on && !m.labels.contains(label) { continue }
                if !m.on && m.labels.contains(label) { continue }
            }
            return label
        }
        return nil
    }

    static func readsOneMetricTwice(_ selectors: [SelectorUse]) -> Bool {
        var seen: Set<String> = []
        for s in selectors {
            guard let n = s.metricName else { continue }
            if !seen.insert(n).inserted { return true }
        }
        return false
    }

    static func isMatchAll(_ m: LabelMatcher) -> Bool {
        m.op == .regexMatch && (m.value == ".*" || m.value == "(.*)")
    }
}
