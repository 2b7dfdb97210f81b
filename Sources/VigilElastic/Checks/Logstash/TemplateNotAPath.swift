import VigilCore

/// The elasticsearch output's `template` given inline instead of as a path.
public struct TemplateNotAPath: Check {
    public static let rule = RuleDescription(
        id: "logstash/template-not-a-path", severity: .error,
        summary: "The elasticsearch output's `template` is not a file path.",
        rationale: "`template` is the path of a JSON index template on the Logstash host; Logstash rejects a hash (`Invalid setting for elasticsearch output plugin: template … is not a valid path`). Write the template as a JSON file (mount it from a ConfigMap), set `template => \"/usr/share/logstash/templates/app.json\"` and `template_name`, or manage the index template in Elasticsearch and set `manage_template => false`.",
        triggering: [RuleExample("""
            output {
              elasticsearch {
                hosts => ["http://elasticsearch:9200"]
                template => { "index_patterns" => ["app-*"] }
              }
            }
            """, path: "pipeline.conf")],
        nonTriggering: [RuleExample("""
            output {
              elasticsearch {
                hosts => ["http://elasticsearch:9200"]
                template => "/usr/share/logstash/templates/app.json"
                template_name => "app"
              }
            }
            """, path: "pipeline.conf")])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for site in context.elasticsearchOutputs {
            guard let t = site.plugin.attribute("template") else { continue }
            switch t.value.kind {
            case .string(let s, _) where !s.isEmpty: continue
            case .hash:
                report.add("`template` of the elasticsearch output is an inline hash; it must be the path of a JSON template file",
                           in: site.file, at: t.value.span,
                           hint: "save the template as JSON (e.g. a ConfigMap mounted at /usr/share/logstash/templates/), then `template => \"/usr/share/logstash/templates/\(site.plugin["template_name"]?.text ?? "app").json\"`")
            default:
                report.add("`template` of the elasticsearch output is \(t.value.typeName == "array" ? "an" : "a") \(t.value.typeName); it must be the path of a JSON template file",
                           in: site.file, at: t.value.span, hint: "template => \"/path/to/template.json\"")
            }
        }
    }
}
