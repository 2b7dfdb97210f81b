import VigilCore

/// `$value` in an alert's labels.
public struct ValueInAlertLabels: RuleCheck {
    public static let rule = RuleDescription(
        id: "alerts/value-in-labels", severity: .error,
        summary: "An alert's label uses `$value` (or `.Value`).",
        rationale: "Labels identify an alert. A label that changes with the value makes a new alert at every evaluation (and resolves the previous one): `for` restarts, notifications repeat, silences and inhibitions stop matching. Put the value in an annotation.",
        triggering: [Example.alert("up == 0", labels: [("severity", "critical"), ("value", "{{ $value }}")])],
        nonTriggering: [Example.alert("up == 0", labels: [("severity", "critical")], annotations: [("summary", "value is {{ $value }}")])])

    public init() {}

    public func run(_ rules: ArraySlice<RuleInContext>, _ context: LintContext, _ report: inout CheckReport) {
        for r in rules where r.rule.isAlert {
            for l in r.rule.labels {
                guard let t = l.template, t.error == nil, let first = t.valueReferences.first else { continue }
                let (file, range) = l.range(first, in: r.file.file)
                report.add("label \"\(l.name)\" of \(r.rule.label) uses $value: every change of the value creates a new alert and resolves the old one",
                           in: file, at: range, hint: "move it to an annotation")
            }
        }
    }
}
