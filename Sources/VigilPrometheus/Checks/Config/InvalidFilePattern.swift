import VigilCore

/// `rule_files` and `scrape_config_files` entries that Prometheus cannot expand: malformed glob
/// patterns, and a `*` before the last path element.
public struct InvalidFilePattern: Check {
    public static let rule = RuleDescription(
        id: "prometheus/invalid-file-pattern", severity: .error,
        summary: "A `rule_files` or `scrape_config_files` entry is not a valid file pattern (unclosed `[`, empty class, trailing `\\`, or a `*` before the last path element).",
        rationale: "Prometheus expands these entries with Go's `filepath.Glob`: a malformed pattern fails the config (`promtool check config`: \"syntax error in pattern\") and Prometheus loads no rules from it; a `*` is allowed only in the last path element (\"invalid rule file path\").",
        triggering: [RuleExample("rule_files:\n  - rules/[abc.yml\n", path: "prometheus.yml"),
                     RuleExample("rule_files:\n  - rules/*/alerts.yml\n", path: "prometheus.yml")],
        nonTriggering: [RuleExample("rule_files:\n  - rules/*.yml\n  - \"alerts/[a-m]*.yaml\"\n  - \"literal/\\\\[1\\\\].yml\"\n", path: "prometheus.yml")])

    public init() {}

    static let sections = [("rule_files", "rule file"), ("scrape_config_files", "scrape config file")]

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for f in context.prometheusConfigs {
            for (key, what) in Self.sections {
                for node in f.node[key]?.sequence ?? [] {
                    guard let pattern = node.scalarText, !pattern.isEmpty else { continue }
                    if let failure = GoFilePattern.validate(pattern) {
                        let inner = SourceFile(embeddedIn: f.file, scalar: node)
                        let range = SourceRange(start: inner.position(atOffset: failure.range.lowerBound),
                                                end: inner.position(atOffset: failure.range.upperBound))
                        report.add("\(key) entry \"\(pattern)\": \(failure) (\(failure.reason))", in: inner, at: range,
                                   hint: "Prometheus expands it with Go's filepath.Glob; escape `[`, `]`, `*`, `?` and `\\` with `\\` to mean them literally")
                    } else if !GoFilePattern.hasWildcardOnlyInLastElement(pattern) {
                        report.add("invalid \(what) path \"\(pattern)\": a `*` may only appear in the last path element", in: f.file, node: node,
                                   hint: "list each directory, e.g. rules/team-a/*.yml")
                    }
                }
            }
        }
    }
}
