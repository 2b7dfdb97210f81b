import VigilCore

/// Label and annotation names of rules and groups are valid label names.
public struct InvalidRuleLabelName: RuleCheck {
    public static let rule = RuleDescription(
        id: "rules/invalid-label-name", severity: .error,
        summary: "A rule's label or annotation name is not a valid label name (or a label is `__name__`).",
        rationale: "Label and annotation names must match `[a-zA-Z_][a-zA-Z0-9_]*`; promtool rejects the file (\"invalid label name\", \"invalid annotation name\"). `__name__` cannot be set by a rule's labels.",
        triggering: [Example.alert("up == 0", labels: [("team-name", "infra")]),
                     Example.alert("up == 0", annotations: [("runbook url", "https://runbooks/x")])],
        nonTriggering: [Example.alert("up == 0", labels: [("team_name", "infra")], annotations: [("runbook_url", "https://runbooks/x")])])

    public init() {}

    /// Each rule's labels and annotations, and the labels of its group at the group's first
    /// rule; the slice that starts the run also checks the groups that have no rules.
    public func run(_ rules: ArraySlice<RuleInContext>, _ context: LintContext, _ report: inout CheckReport) {
        if rules.startIndex == 0 {
            for f in context.ruleFiles {
                for g in f.groups where g.rules.isEmpty { checkLabels(of: g, in: f, &report) }
            }
        }
        for r in rules {
            let rule = r.rule
            if rule === r.group.rules.first { checkLabels(of: r.group, in: r.file, &report) }
            for l in rule.labels where !PrometheusNames.isValidLabelName(l.name) || l.name == "__name__" {
                report.add("invalid label name: \(l.name) (\(rule.label))", in: r.file.file, node: l.keyNode,
                           hint: l.name == "__name__" ? "rename the series with `record` instead" : "use letters, digits and `_` only")
            }
            for a in rule.annotations where !PrometheusNames.isValidLabelName(a.name) {
                report.add("invalid annotation name: \(a.name) (\(rule.label))", in: r.file.file, node: a.keyNode,
                           hint: "use letters, digits and `_` only")
            }
        }
    }

    private func checkLabels(of g: RuleGroup, in f: RuleFile, _ report: inout CheckReport) {
        for l in g.labels where !PrometheusNames.isValidLabelName(l.name) || l.name == "__name__" {
            report.add("invalid label name: \(l.name) (group \"\(g.name)\")", in: f.file, node: l.keyNode)
        }
    }
}
