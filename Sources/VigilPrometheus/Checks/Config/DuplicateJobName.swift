import VigilCore

/// Two scrape configs with one `job_name`.
public struct DuplicateJobName: Check {
    public static let rule = RuleDescription(
        id: "prometheus/duplicate-job-name", severity: .error,
        summary: "Two scrape configs share a `job_name`.",
        rationale: "The job name identifies the scrape pool and becomes the `job` label; Prometheus refuses the config (\"found multiple scrape configs with job name\").",
        triggering: [RuleExample("scrape_configs:\n  - job_name: api\n" + ConfigExample.targets + "  - job_name: api\n" + ConfigExample.targets, path: "prometheus.yml")],
        nonTriggering: [RuleExample("scrape_configs:\n  - job_name: api\n" + ConfigExample.targets + "  - job_name: web\n" + ConfigExample.targets, path: "prometheus.yml")])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for f in context.prometheusConfigs {
            var seen: [String: ScrapeConfig] = [:]
            for job in f.config.scrapeConfigs ?? [] {
                if job.jobName.isEmpty {
                    report.add("job_name is empty", at: job.origin, key: "job_name", hint: "name the job")
                    continue
                }
                if let first = seen[job.jobName] {
                    let at = first.origin?.range(ofValue: "job_name").map { f.file.resolve($0) }
                    report.add("found multiple scrape configs with job name \"\(job.jobName)\"", at: job.origin, key: "job_name",
                               hint: "give each scrape config its own job_name",
                               notes: [DiagnosticNote("first defined here", file: at?.file.path, range: at?.range)])
                } else {
                    seen[job.jobName] = job
                }
            }
        }
    }
}
