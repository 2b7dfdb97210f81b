import VigilCore
import VigilPromQL

/// Alerts over rates with no `for`.
public struct RateWithoutFor: RuleCheck {
    public static let rule = RuleDescription(
        id: "alerts/rate-without-for", severity: .info,
        summary: "An alert on a rate() or increase() has no `for`.",
        rationale: "Rates are noisy: one slow scrape or a short burst crosses the threshold for a single evaluation. Without `for` the alert fires and resolves at once (flapping). A `for` of a few evaluation intervals keeps only sustained problems.",
        triggering: [Example.alert("rate(http_requests_errors_total[5m]) > 1", for: nil)],
        nonTriggering: [Example.alert("rate(http_requests_errors_total[5m]) > 1", for: "5m"), Example.alert("up == 0", for: nil)])

    public init() {}

    public func run(_ rules: ArraySlice<RuleInContext>, _ context: LintContext, _ report: inout CheckReport) {
        for r in rules where r.rule.isAlert && (r.rule.forDuration ?? .zero) == .zero {
            guard r.rule.parsed != nil else { continue }
            let fns = r.rule.functions
            guard let fn = fns.first(where: { ["rate", "irate", "increase"].contains($0) }) else { continue }
            report.add("\(r.rule.label) reads \(fn)() but has no `for`: a single noisy evaluation fires it", in: r.file.file,
                       node: r.rule.alertNode ?? r.rule.node, hint: "add for: 5m (a few evaluation intervals)")
        }
    }
}
