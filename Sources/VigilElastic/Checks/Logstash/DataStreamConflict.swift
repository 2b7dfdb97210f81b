import VigilCore

/// Data-stream options mixed with index options on an elasticsearch output.
public struct DataStreamConflict: Check {
    public static let rule = RuleDescription(
        id: "logstash/data-stream-conflict", severity: .error,
        summary: "An elasticsearch output mixes data-stream settings with index or template settings.",
        rationale: "With `data_stream => true` the target is named by `data_stream_type`, `data_stream_dataset` and `data_stream_namespace`, and Elasticsearch's built-in templates apply; the plugin refuses `index`, `template*`, `ilm_*`, `document_id` and friends (`Invalid data stream configuration, the following parameters are not supported`). With `data_stream => false` the `data_stream_*` settings are an ambiguous configuration and also refused.",
        triggering: [RuleExample("""
            output {
              elasticsearch {
                hosts => ["http://elasticsearch:9200"]
                data_stream => true
                index => "app-%{+YYYY.MM.dd}"
              }
            }
            """, path: "pipeline.conf"),
                     RuleExample("""
            output {
              elasticsearch {
                hosts => ["http://elasticsearch:9200"]
                data_stream => false
                data_stream_dataset => "app"
              }
            }
            """, path: "pipeline.conf")],
        nonTriggering: [RuleExample("""
            output {
              elasticsearch {
                hosts => ["http://elasticsearch:9200"]
                data_stream => true
                data_stream_type => "logs"
                data_stream_dataset => "app"
                action => "create"
              }
            }
            """, path: "pipeline.conf")])

    /// Options refused next to `data_stream => true` (beyond `action` other than `create` and
    /// `manage_template` other than false).
    static let refused: Set<String> = ["index", "template", "template_name", "template_overwrite", "template_api", "ilm_enabled",
                                       "ilm_policy", "ilm_pattern", "ilm_rollover_alias", "document_id", "document_type",
                                       "doc_as_upsert", "upsert", "script", "script_lang", "script_type", "script_var_name",
                                       "scripted_upsert", "version", "version_type", "parent", "join_field", "retry_on_conflict"]

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for site in context.elasticsearchOutputs {
            guard let ds = site.plugin.attribute("data_stream"), let on = ds.value.bool ?? (ds.value.text == "auto" ? nil : false) else { continue }
            if on {
                for a in site.plugin.attributes {
                    let bad = Self.refused.contains(a.name)
                        || (a.name == "action" && a.value.text != "create")
                        || (a.name == "manage_template" && a.value.bool != false)
                    guard bad else { continue }
                    report.add("`\(a.name)` is not supported with `data_stream => true`", in: site.file, at: a.nameSpan,
                               hint: a.name == "index" ? "name the stream with data_stream_type, data_stream_dataset and data_stream_namespace, or drop `data_stream => true`" : "remove `\(a.name)`, or drop `data_stream => true`")
                }
            } else {
                for a in site.plugin.attributes where a.name.hasPrefix("data_stream_") {
                    report.add("`\(a.name)` has no effect with `data_stream => false` (Logstash refuses the ambiguous configuration)",
                               in: site.file, at: a.nameSpan, hint: "remove `\(a.name)`, or set `data_stream => true`")
                }
            }
        }
    }
}
