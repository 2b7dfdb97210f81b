import VigilCore

/// An elasticsearch output's `index` that its own template's patterns do not match: an inline
/// hash, or the template file it names (`template => "/…/logs.json"`, else `template_name`)
/// when that file is in the run, standalone or as a ConfigMap key.
public struct IndexNotCoveredByTemplate: Check {
    public static let rule = RuleDescription(
        id: "logstash/index-not-covered-by-template", severity: .warning,
        summary: "The index an elasticsearch output writes to is not matched by the index patterns of the template it installs (inline, or a template file of the run).",
        rationale: "A template applies only to indices whose names match its `index_patterns`. When the output writes `logs-app-2024.01.31` but the template says `app-*`, every daily index is created with dynamic mappings: keyword fields become text, dashboards and aggregations break. Make the index name and the patterns agree.",
        triggering: [RuleExample("""
            output {
              elasticsearch {
                hosts => ["http://elasticsearch:9200"]
                index => "logs-app-%{+YYYY.MM.dd}"
                template_name => "app"
                template => { "index_patterns" => ["app-*"] }
              }
            }
            """, path: "pipeline.conf"),
                     RuleExample(Self.withTemplateFile(index: "logs-app-%{+YYYY.MM.dd}"))],
        nonTriggering: [RuleExample("""
            output {
              elasticsearch {
                hosts => ["http://elasticsearch:9200"]
                index => "app-%{+YYYY.MM.dd}"
                template_name => "app"
                template => { "index_patterns" => ["app-*"] }
              }
            }
            """, path: "pipeline.conf"),
                        RuleExample(Self.withTemplateFile(index: "app-%{+YYYY.MM.dd}"))])

    /// A pipeline installing `/usr/share/logstash/templates/app.json` from a ConfigMap beside it.
    static func withTemplateFile(index: String) -> String {
        """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: logstash}
        data:
          logstash.conf: |
            input { beats { port => 5044 } }
            output {
              elasticsearch {
                hosts => ["http://elasticsearch:9200"]
                index => "\(index)"
                template => "/usr/share/logstash/templates/app.json"
                template_name => "app"
              }
            }
          app.json: |
            {"index_patterns": ["app-*"], "template": {"settings": {"number_of_shards": 1}}}
        """
    }

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        let outputs = context.elasticsearchOutputs
        guard !outputs.isEmpty else { return }
        let templates = context.indexTemplates
        for site in outputs {
            guard let index = site.plugin.attribute("index"), let name = index.value.text else { continue }
            var patterns: [String] = []
            if let entries = site.plugin["template"]?.hash {
                for e in entries where e.key.text == "index_patterns" || e.key.text == "template" {
                    patterns += e.value.list.compactMap(\.text)
                }
            }
            patterns += site.plugin["template_pattern"]?.list.compactMap(\.text) ?? []
            var from = "the template's index patterns"
            if patterns.isEmpty, let wanted = site.plugin["template"]?.text.map(IndexTemplateSite.name(ofPath:)) ?? site.plugin["template_name"]?.text {
                let found = templates.filter { $0.name == wanted }
                for p in found.flatMap(\.patterns) where !patterns.contains(p) { patterns.append(p) }
                if let t = found.first {
                    let (file, range) = t.file.resolve(t.range)
                    from = "the index patterns of template \(wanted) (\(file.path):\(range?.start.line ?? 1))"
                }
            }
            guard !patterns.isEmpty else { continue }
            let sample = Sprintf.sample(name)
            guard !patterns.contains(where: { Sprintf.glob($0, matches: sample) }) else { continue }
            let prefix = Sprintf.parts(name).first.flatMap { if case .literal(let l) = $0 { return l } else { return nil } } ?? ""
            report.add("index \"\(name)\" (e.g. `\(sample)`) is not matched by \(from) \(patterns.map { "`\($0)`" }.joined(separator: ", "))",
                       in: site.file, at: index.value.span,
                       hint: prefix.isEmpty ? "make the index name and the template's index_patterns agree" : "use the index pattern \"\(prefix)*\" in the template, or rename the index")
        }
    }
}
