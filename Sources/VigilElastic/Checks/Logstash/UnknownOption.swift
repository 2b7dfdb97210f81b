import VigilCore

/// An option a modelled plugin (or codec) does not have.
public struct UnknownOption: Check {
    public static let rule = RuleDescription(
        id: "logstash/unknown-option", severity: .error,
        summary: "A plugin is given an option it does not have.",
        rationale: "Logstash refuses to start the pipeline (`Unknown setting 'template_pattern' for elasticsearch`). Options are checked for the common plugins (beats, stdin, file, tcp, udp, http, kafka, grok, date, json, mutate, kv, dissect, geoip, useragent, elasticsearch, stdout, file, pipeline…) and codecs (json, json_lines, plain, line, rubydebug, multiline).",
        triggering: [RuleExample("""
            output {
              elasticsearch {
                hosts => ["http://elasticsearch:9200"]
                template_pattern => "app-*"
              }
            }
            """, path: "pipeline.conf"),
                     RuleExample("input {\n  beats { prot => 5044 }\n}\n", path: "pipeline.conf")],
        nonTriggering: [RuleExample("""
            output {
              elasticsearch {
                hosts => ["http://elasticsearch:9200"]
                template_name => "app"
              }
            }
            """, path: "pipeline.conf")])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for site in context.pipelinePlugins {
            if let options = LogstashPlugins.options(of: site.plugin.name, in: site.kind) {
                check(site.plugin, options: options, in: site.file, &report)
            }
            for a in site.plugin.attributes where a.name == "codec" {
                guard case .plugin(let codec) = a.value.kind, let options = LogstashPlugins.codecOptions[codec.name] else { continue }
                check(codec, options: options.union(LogstashPlugins.commonCodec), in: site.file, &report)
            }
        }
    }

    private func check(_ plugin: Plugin, options: Set<String>, in file: SourceFile, _ report: inout CheckReport) {
        for a in plugin.attributes where !options.contains(a.name) {
            var hint = Suggestion.closest(to: a.name, in: options).map { "did you mean `\($0)`?" }
            if plugin.name == "elasticsearch", a.name == "template_pattern" {
                hint = "the index patterns a template applies to are set inside the template file (`index_patterns`); point `template` at that file and name it with `template_name`"
            }
            report.add("Unknown setting '\(a.name)' for \(plugin.name)", in: file, at: a.nameSpan, hint: hint)
        }
    }
}
