import VigilCore

/// A legacy `match`/`match_re` key (routes, inhibit rules) or an `equal` entry is not a valid
/// label name.
public struct InvalidLabelName: Check {
    public static let rule = RuleDescription(
        id: "alertmanager/invalid-label-name", severity: .error,
        summary: "A `match`, `match_re`, `source_match`, `target_match` key or an `equal` entry is not a valid label name.",
        rationale: "Label names are `[a-zA-Z_][a-zA-Z0-9_]*`; Alertmanager rejects other keys (`invalid label name \"x\"`). Labels with other characters can only be matched with quoted names in `matchers:`.",
        triggering: [RuleExample("route:\n  receiver: team\n  routes:\n    - match: {service-name: api}\n      receiver: team\nreceivers:\n  - name: team\n"),
                     RuleExample(Example.minimal + "inhibit_rules:\n  - source_matchers: ['severity=\"critical\"']\n    target_matchers: ['severity=\"warning\"']\n    equal: [1cluster]\n")],
        nonTriggering: [RuleExample("route:\n  receiver: team\n  routes:\n    - match: {service_name: api}\n      receiver: team\nreceivers:\n  - name: team\n")])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for a in context.all(AlertmanagerConfigArtifact.self) {
            for visit in a.config.allRoutes {
                check(visit.route.origin, ["match", "match_re"], in: a.file, &report)
            }
            for rule in a.config.inhibitRules ?? [] {
                check(rule.origin, ["source_match", "source_match_re", "target_match", "target_match_re"], in: a.file, &report)
                for (i, name) in (rule.equal ?? []).enumerated() where !LabelName.isValid(name) {
                    report.add("\"\(name)\" is not a valid label name", in: a.file, at: rule.origin?.range(ofItem: "equal", i),
                               hint: "label names are letters, digits and underscores, not starting with a digit")
                }
            }
        }
    }

    private func check(_ origin: Provenance?, _ keys: [String], in file: SourceFile, _ report: inout CheckReport) {
        for key in keys {
            for pair in origin?.node?[key]?.mapping?.pairs ?? [] {
                guard let name = pair.key.scalarText, !LabelName.isValid(name) else { continue }
                report.add("invalid label name \"\(name)\"", in: file, at: pair.key.range,
                           hint: "label names are letters, digits and underscores, not starting with a digit")
            }
        }
    }
}
