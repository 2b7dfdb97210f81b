import VigilCore

/// An elasticsearch output index name that can contain capital letters.
public struct IndexNameNotLowercase: Check {
    public static let rule = RuleDescription(
        id: "logstash/index-not-lowercase", severity: .error,
        summary: "The elasticsearch output's index name has, or can produce, capital letters.",
        rationale: "Elasticsearch rejects index names with capital letters (`invalid_index_name_exception … must be lowercase`): every event fails and goes to the dead letter queue or is retried forever. Date formats like `MMM` (`Jan`) and `EEE` (`Wed`) produce capitals too; use `MM` and `dd`.",
        triggering: [RuleExample("output {\n  elasticsearch { index => \"App-%{+YYYY.MM.dd}\" }\n}\n", path: "pipeline.conf"),
                     RuleExample("output {\n  elasticsearch { index => \"app-%{+YYYY.MMM}\" }\n}\n", path: "pipeline.conf")],
        nonTriggering: [RuleExample("output {\n  elasticsearch { index => \"app-%{+YYYY.MM.dd}\" }\n}\n", path: "pipeline.conf")])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for site in context.elasticsearchOutputs {
            guard let index = site.plugin.attribute("index"), let name = index.value.text else { continue }
            let sample = Sprintf.sample(name)
            guard sample != sample.lowercased() else { continue }
            report.add("index name \"\(name)\" is not lowercase (e.g. `\(sample)`); Elasticsearch rejects it", in: site.file, at: index.value.span,
                       hint: "use lowercase letters and numeric date formats (MM, dd)")
        }
    }
}
