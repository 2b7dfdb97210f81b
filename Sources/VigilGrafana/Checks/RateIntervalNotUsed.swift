import VigilCore
import VigilPromQL

/// `rate`/`irate` over a fixed range or `$__interval` instead of `$__rate_interval`
/// (dashboard-linter's `target-rate-interval-rule`).
public struct RateIntervalNotUsed: Check {
    public static let rule = RuleDescription(
        id: "grafana/rate-interval", severity: .warning,
        summary: "`rate`/`irate` in a panel query uses a fixed range or `$__interval` instead of `$__rate_interval`.",
        rationale: "A fixed `[5m]` over-smooths when zoomed in and is too short for a wide time range's step, so points are skipped; `$__interval` can be shorter than two scrapes and then returns no data. `$__rate_interval` is max(4 × scrape interval, step + scrape interval) and is always safe. `increase(x[1h])` with a deliberate window is not reported.",
        triggering: [Example.dashboard(Example.panel("sum(rate(http_requests_total[5m]))")),
                     Example.dashboard(Example.panel("sum(irate(http_requests_total[$__interval]))"))],
        nonTriggering: [Example.dashboard(Example.panel("sum(rate(http_requests_total[$__rate_interval]))")),
                        Example.dashboard(Example.panel("sum(increase(http_requests_total[1h]))", type: "stat", unit: "short"))])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for d in context.dashboards {
            for q in d.queries {
                guard q.panel != nil, let expr = q.expr else { continue }
                for use in expr.selectors() {
                    guard use.range != nil, let fn = use.enclosingFunction, fn == "rate" || fn == "irate" else { continue }
                    let vars = q.variables(in: use.position)
                    if vars.contains(where: { $0.name == "__rate_interval" }) { continue }
                    if vars.contains(where: { $0.name == "__interval" || $0.name == "__auto_interval" || $0.name == "__auto" }) {
                        report.add("\(fn)() over $__interval can cover fewer than two samples and return no data", query: q, range: use.position,
                                   hint: "use [$__rate_interval]")
                    } else if vars.isEmpty {
                        let written = q.originalText(use.position)
                        report.add("\(fn)() over a fixed range in \"\(written)\" ignores the dashboard's resolution", query: q, range: use.position,
                                   hint: "use [$__rate_interval]")
                    }
                }
            }
        }
    }
}
