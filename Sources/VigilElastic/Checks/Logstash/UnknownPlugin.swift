import VigilCore

/// A plugin name Logstash does not ship and that is not a commonly installed plugin.
public struct UnknownPlugin: Check {
    public static let rule = RuleDescription(
        id: "logstash/unknown-plugin", severity: .warning,
        summary: "A pipeline uses a plugin that is neither bundled with Logstash nor a known community plugin.",
        rationale: "Logstash stops with `Couldn't find any filter plugin named 'X'` when a plugin is not installed; most often the name is misspelt (`mutat`, `elasticserach`) or the plugin belongs in another section (`grok` in `output`). If it is a custom plugin, install it in the image and silence this finding with `# vigil:ignore logstash/unknown-plugin`.",
        triggering: [RuleExample("filter {\n  mutat { add_tag => [\"x\"] }\n}\n", path: "pipeline.conf"),
                     RuleExample("output {\n  grok { match => { \"message\" => \"%{WORD:w}\" } }\n}\n", path: "pipeline.conf")],
        nonTriggering: [RuleExample("filter {\n  mutate { add_tag => [\"x\"] }\n}\n", path: "pipeline.conf")])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for site in context.pipelinePlugins {
            let known = LogstashPlugins.known(in: site.kind)
            guard !known.contains(site.plugin.name) else { continue }
            let elsewhere = PipelineSection.Kind.allCases.filter { $0 != site.kind && LogstashPlugins.known(in: $0).contains(site.plugin.name) }
            if let other = elsewhere.first {
                report.add("`\(site.plugin.name)` is \(article(other)) \(other.rawValue) plugin, not \(article(site.kind)) \(site.kind.rawValue) plugin",
                           in: site.file, at: site.plugin.nameSpan, hint: "move it into the `\(other.rawValue) { }` section")
                continue
            }
            let hint = Suggestion.closest(to: site.plugin.name, in: known).map { "did you mean `\($0)`?" }
            report.add("Couldn't find any \(site.kind.rawValue) plugin named '\(site.plugin.name)'", in: site.file, at: site.plugin.nameSpan,
                       hint: hint ?? "install the plugin in the Logstash image (bin/logstash-plugin install logstash-\(site.kind.rawValue)-\(site.plugin.name))")
        }
    }

    private func article(_ k: PipelineSection.Kind) -> String { k == .input || k == .output ? "an" : "a" }
}
