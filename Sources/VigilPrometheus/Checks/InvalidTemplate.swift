import VigilCore

/// Alert labels and annotations are valid Go templates with Prometheus' variables and functions.
public struct InvalidTemplate: RuleCheck {
    public static let rule = RuleDescription(
        id: "rules/invalid-template", severity: .error,
        summary: "An alert label or annotation is not a valid Go template, or uses an undefined variable or function.",
        rationale: "Prometheus parses every alert template when it loads the rules and promtool rejects the file (\"template: … function \\\"humanise\\\" not defined\"). Available: $labels, $value, $externalLabels, $externalURL and Prometheus' template functions (humanize, humanizePercentage, humanizeDuration, printf, query, first, value, label, reReplaceAll, title, toUpper, …).",
        triggering: [Example.alert("up == 0", annotations: [("summary", "{{ $labels.instance }} down for {{ humanise $value }}")]),
                     Example.alert("up == 0", annotations: [("summary", "{{ $label.instance }} is down")]),
                     Example.alert("up == 0", annotations: [("summary", "{{ if $value }}down")])],
        nonTriggering: [Example.alert("up == 0", annotations: [("summary", "{{ $labels.instance }} down ({{ $value | humanize }})"),
                                                              ("description", "{{ with query \"up\" }}{{ . | first | value }}{{ end }}")])])

    public init() {}

    public func run(_ rules: ArraySlice<RuleInContext>, _ context: LintContext, _ report: inout CheckReport) {
        for r in rules where r.rule.alert != nil {
            for (kind, entries) in [("label", r.rule.labels), ("annotation", r.rule.annotations)] {
                for e in entries {
                    guard let error = e.template?.error else { continue }
                    let (file, range) = e.range(error.range, in: r.file.file)
                    report.add("\(kind) \"\(e.name)\" of \(r.rule.label): template: \(error.message)", in: file, at: range)
                }
            }
        }
    }
}
