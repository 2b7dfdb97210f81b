/// `.vigil.yaml` names a rule id that does not exist.
public struct UnknownRuleInConfiguration: Check {
    public static let rule = RuleDescription(
        id: "config/unknown-rule", severity: .error,
        summary: "`.vigil.yaml` sets a rule that does not exist.",
        rationale: "A misspelt rule id silently leaves the rule at its default. `vigil rules` lists every id.",
        triggering: [RuleExample("rules:\n  promql/self-ratoi: off\n", path: ".vigil.yaml")],
        nonTriggering: [RuleExample("rules:\n  config/unknown-rule: warning\n", path: ".vigil.yaml")])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        guard let known = context.options.knowledge(KnownRules.self) else { return }
        let configurations = context.all(LintConfigurationArtifact.self)
        guard !configurations.isEmpty else { return }
        let ids = known.ids
        for artifact in configurations {
            let rulesNode = artifact.configuration.origin?.node?["rules"]
            for pair in rulesNode?.mapping?.pairs ?? [] {
                guard let id = pair.key.scalarText, !ids.contains(id) else { continue }
                let hint = Suggestion.closest(to: id, in: ids.sorted()).map { "did you mean \"\($0)\"?" } ?? "run `vigil rules` for the list of rule ids"
                report.add("unknown rule \"\(id)\"", in: artifact.file, at: pair.key.range, hint: hint)
            }
        }
    }
}
