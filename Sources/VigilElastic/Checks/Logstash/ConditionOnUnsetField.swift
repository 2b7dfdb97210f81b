import VigilCore

/// A condition testing a field that neither the inputs nor any filter set.
public struct ConditionOnUnsetField: Check {
    public static let rule = RuleDescription(
        id: "logstash/condition-on-unset-field", severity: .warning,
        summary: "A condition tests a field that no input or filter of the pipeline sets.",
        rationale: "A condition on a missing field is simply false: the whole branch never runs, silently. The usual cause is Filebeat's `fields_under_root: true`, which puts custom fields at the event root (`[service]`) while the pipeline tests `[fields][service]`. Needs to know what Filebeat sends: the stack's logging knowledge or a Filebeat config in the same run; silent otherwise.",
        triggering: [RuleExample("""
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: logging}
            data:
              filebeat.yml: |
                filebeat.inputs:
                  - type: container
                    paths: ["/var/log/containers/*.log"]
                    fields: {service: aurelis}
                    fields_under_root: true
                output.logstash:
                  hosts: ["logstash:5044"]
              logstash.conf: |
                input { beats { port => 5044 } }
                filter {
                  if [fields][service] == "aurelis" {
                    mutate { add_tag => ["aurelis"] }
                  }
                }
            """)],
        nonTriggering: [RuleExample("""
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: logging}
            data:
              filebeat.yml: |
                filebeat.inputs:
                  - type: container
                    paths: ["/var/log/containers/*.log"]
                    fields: {service: aurelis}
                    fields_under_root: true
                output.logstash:
                  hosts: ["logstash:5044"]
              logstash.conf: |
                input { beats { port => 5044 } }
                filter {
                  if [service] == "aurelis" {
                    mutate { add_tag => ["aurelis"] }
                  }
                }
            """)])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        guard let logging = context.logging else { return }
        for artifact in context.pipelines {
            let flow = FieldFlow(pipeline: artifact.pipeline, logging: logging)
            var seen: Set<FieldReference> = []
            for (_, condition) in artifact.pipeline.conditions {
                for (ref, span) in condition.fieldReferences where !flow.isSet(ref) && !seen.contains(ref) {
                    seen.insert(ref)
                    report.add("condition tests \(ref), which nothing in this pipeline or its inputs sets; the branch never runs",
                               in: artifact.file, at: span, hint: hint(for: ref, logging))
                }
            }
        }
    }

    private func hint(for ref: FieldReference, _ logging: LoggingKnowledge) -> String? {
        if ref.path.first == "fields", ref.path.count > 1, logging.fieldsUnderRoot, logging.filebeatFields.contains(ref.path[1]) {
            return "Filebeat sends its custom fields at the event root (fields_under_root: true): test [\(ref.path[1])]"
        }
        if ref.path.count == 1, !logging.fieldsUnderRoot, logging.filebeatFields.contains(ref.path[0]) {
            return "Filebeat sends its custom fields under `fields` (fields_under_root is false): test [fields][\(ref.path[0])]"
        }
        if let fields = logging.logFields, let close = Suggestion.closest(to: ref.path.last ?? "", in: fields) {
            return "the service's logs carry `\(close)`"
        }
        return nil
    }
}
