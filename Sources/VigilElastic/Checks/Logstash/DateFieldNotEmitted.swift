import VigilCore

/// A `date` filter parsing a field the service's logs do not carry.
public struct DateFieldNotEmitted: Check {
    public static let rule = RuleDescription(
        id: "logstash/date-field-not-emitted", severity: .warning,
        summary: "A `date` filter parses a field that the service's log lines do not contain.",
        rationale: "When the source field is missing, the `date` filter does nothing (no `_dateparsefailure` tag either) and events keep the time Logstash received them: late or replayed logs land at the wrong time and in the wrong daily index. Needs the stack's knowledge of the log fields (`LoggingKnowledge`); silent without it. The examples assume a structured logger writing `time`, `level`, `message` and `logger`.",
        triggering: [RuleExample("""
            input { beats { port => 5044 } }
            filter {
              json { source => "message" }
              date { match => ["timestamp", "ISO8601"] }
            }
            """, path: "pipeline.conf")],
        nonTriggering: [RuleExample("""
            input { beats { port => 5044 } }
            filter {
              json { source => "message" }
              date { match => ["time", "ISO8601"] }
            }
            """, path: "pipeline.conf")])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        let logging = context.options.knowledge(LoggingKnowledge.self)
        guard let logging, let logFields = logging.logFields else { return }
        for artifact in context.pipelines {
            let flow = FieldFlow(pipeline: artifact.pipeline, logging: logging)
            for (kind, plugin) in artifact.pipeline.plugins where kind == .filter && plugin.name == "date" {
                guard let match = plugin.attribute("match"), let first = match.value.list.first, let field = first.text else { continue }
                let ref = FieldReference(parsing: field)
                guard !flow.isSet(ref) || (ref.path.count == 1 && !logFields.contains(ref.path[0]) && !setByOtherFilter(ref, artifact.pipeline, logging)) else { continue }
                let timeLike = logFields.filter { ["time", "timestamp", "@timestamp", "ts", "date", "datetime", "logged_at", "asctime"].contains($0.lowercased()) }
                let hint = timeLike.first.map { "the service logs its time as `\($0)`: match => [\"\($0)\", …]" } ?? "the service's log fields are \(logFields.map { "`\($0)`" }.joined(separator: ", "))"
                report.add("date filter parses `\(field)`, which the service's log lines do not contain", in: artifact.file, at: first.span, hint: hint)
            }
        }
    }

    /// Whether a filter other than `json` sets the field (grok capture, add_field, rename…).
    private func setByOtherFilter(_ ref: FieldReference, _ pipeline: LogstashPipeline, _ logging: LoggingKnowledge) -> Bool {
        var withoutJSON = pipeline
        withoutJSON.sections = pipeline.sections.map { s in
            var s = s
            s.items = s.items.filter { if case .plugin(let p) = $0 { return p.name != "json" }; return true }
            return s
        }
        var quiet = logging
        quiet.logFields = []
        let flow = FieldFlow(pipeline: withoutJSON, logging: quiet)
        return flow.set.contains { $0.covers(ref) } && !FieldFlow.baseFields.contains(ref.path[0]) && !FieldFlow.beatsFields.contains(ref.path[0])
    }
}

