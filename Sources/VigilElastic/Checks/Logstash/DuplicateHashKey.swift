import VigilCore

/// A hash with the same key twice.
public struct DuplicateHashKey: Check {
    public static let rule = RuleDescription(
        id: "logstash/duplicate-hash-key", severity: .error,
        summary: "A hash value repeats a key.",
        rationale: "Logstash refuses the pipeline (`Duplicate keys found in your configuration: [\"message\"]`). To try several grok patterns on one field, give the field an array of patterns: `match => { \"message\" => [\"%{A}\", \"%{B}\"] }`.",
        triggering: [RuleExample("""
            filter {
              grok {
                match => {
                  "message" => "%{COMBINEDAPACHELOG}"
                  "message" => "%{COMMONAPACHELOG}"
                }
              }
            }
            """, path: "pipeline.conf")],
        nonTriggering: [RuleExample("""
            filter {
              grok {
                match => { "message" => ["%{COMBINEDAPACHELOG}", "%{COMMONAPACHELOG}"] }
              }
            }
            """, path: "pipeline.conf")])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for site in context.pipelinePlugins {
            for a in site.plugin.attributes { walk(a.value, site.file, &report, depth: 0) }
        }
    }

    private func walk(_ v: Value, _ file: SourceFile, _ report: inout CheckReport, depth: Int) {
        guard depth < 64 else { return }
        switch v.kind {
        case .hash(let entries):
            var seen: [String: Span] = [:]
            for e in entries {
                let k = e.key.text ?? ""
                if let first = seen[k] {
                    var notes: [DiagnosticNote] = []
                    if let r = first.range { notes.append(DiagnosticNote("first written here", range: r)) }
                    report.add("Duplicate keys found in your configuration: [\"\(k)\"]", in: file, at: e.key.span.range,
                               hint: "merge the values into one entry (an array of values where the option takes several)", notes: notes)
                } else {
                    seen[k] = e.key.span
                }
                walk(e.value, file, &report, depth: depth + 1)
            }
        case .array(let items): for i in items { walk(i, file, &report, depth: depth + 1) }
        case .plugin(let p): for a in p.attributes { walk(a.value, file, &report, depth: depth + 1) }
        default: break
        }
    }
}
