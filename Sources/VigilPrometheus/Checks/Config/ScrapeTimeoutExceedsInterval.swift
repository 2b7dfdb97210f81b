import VigilCore

/// `scrape_timeout` above `scrape_interval`.
public struct ScrapeTimeoutExceedsInterval: Check {
    public static let rule = RuleDescription(
        id: "prometheus/scrape-timeout-exceeds-interval", severity: .error,
        summary: "A scrape timeout is longer than the scrape interval (globally or for a job).",
        rationale: "A scrape must end before the next one starts; Prometheus refuses to start (\"scrape timeout greater than scrape interval for scrape config with job name\"). Raise the interval or lower the timeout.",
        triggering: [ConfigExample.job("    scrape_interval: 10s\n    scrape_timeout: 15s\n" + ConfigExample.targets),
                     RuleExample("global:\n  scrape_interval: 10s\n  scrape_timeout: 20s\n", path: "prometheus.yml")],
        nonTriggering: [ConfigExample.job("    scrape_interval: 30s\n    scrape_timeout: 10s\n" + ConfigExample.targets)])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for f in context.prometheusConfigs {
            let c = f.config
            if let g = c.global, let t = g.scrapeTimeout, t > c.scrapeInterval {
                report.add("global scrape timeout greater than scrape interval (\(t) > \(c.scrapeInterval))", at: g.origin, key: "scrape_timeout",
                           hint: "set scrape_timeout to \(c.scrapeInterval) or less")
            }
            for job in c.scrapeConfigs ?? [] {
                guard let t = job.scrapeTimeout else { continue }
                let interval = c.scrapeInterval(of: job)
                if t > interval {
                    report.add("scrape timeout greater than scrape interval for scrape config with job name \"\(job.jobName)\" (\(t) > \(interval))",
                               at: job.origin, key: "scrape_timeout", hint: "set scrape_timeout to \(interval) or less, or raise scrape_interval")
                }
            }
        }
    }
}
