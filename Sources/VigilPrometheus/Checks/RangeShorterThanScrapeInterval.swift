import VigilCore
import VigilPromQL

/// Range selectors that cover fewer than two scrapes.
public struct RangeShorterThanScrapeInterval: RuleCheck {
    public static let rule = RuleDescription(
        id: "promql/range-too-short", severity: .warning,
        summary: "A range selector (`[1m]`) is shorter than twice the scrape interval.",
        rationale: "rate() and the other range functions need at least two samples in the window; with a 30s scrape interval `[30s]` or `[45s]` often holds one, so the result has gaps and alerts flap. Use at least twice the scrape interval — four times is safer against a missed scrape. Needs the scrape interval: from the Prometheus config in the same run, or `--scrape-interval`.",
        triggering: [RuleExample("global:\n  scrape_interval: 30s\nscrape_configs:\n  - job_name: api\n    static_configs:\n      - targets: [\"api:8080\"]\n---\ngroups:\n  - name: g\n    rules:\n      - alert: Errors\n        expr: rate(http_requests_errors_total[45s]) > 1\n        for: 5m\n", path: "all.yaml")],
        nonTriggering: [RuleExample("global:\n  scrape_interval: 30s\nscrape_configs:\n  - job_name: api\n    static_configs:\n      - targets: [\"api:8080\"]\n---\ngroups:\n  - name: g\n    rules:\n      - alert: Errors\n        expr: rate(http_requests_errors_total[2m]) > 1\n        for: 5m\n", path: "all.yaml"),
                        Example.alert("rate(http_requests_errors_total[45s]) > 1")])

    public init() {}

    public func run(_ rules: ArraySlice<RuleInContext>, _ context: LintContext, _ report: inout CheckReport) {
        guard context.scrapeInterval() != nil else { return }
        for r in rules {
            guard r.rule.parsed != nil else { continue }
            for use in r.rule.selectors {
                guard let range = use.range else { continue }
                let job = use.matchers.first { $0.name == "job" && $0.op == .equal }?.value
                guard let scrape = context.scrapeInterval(forJob: job), scrape > .zero, range < 2 * scrape.milliseconds else { continue }
                report.add("range [\(Duration(milliseconds: range))] is shorter than twice the scrape interval (\(scrape)): the window may hold a single sample and return nothing",
                           rule: r.rule, exprRange: use.position, hint: "use [\(Duration(milliseconds: 4 * scrape.milliseconds))] or longer")
            }
        }
    }
}
