import VigilCore

/// An inhibit rule without `equal`: any source alert anywhere mutes every target alert.
public struct InhibitWithoutEqual: Check {
    public static let rule = RuleDescription(
        id: "alertmanager/inhibit-without-equal", severity: .warning,
        summary: "An inhibit rule has no `equal` labels, so one source alert mutes matching alerts of every service and cluster.",
        rationale: "Inhibition is meant to silence symptoms of the same problem (warnings while the critical alert for the same service fires). Without `equal`, a critical alert in one cluster hides warnings everywhere.",
        triggering: [RuleExample(Example.minimal + "inhibit_rules:\n  - source_matchers: ['severity=\"critical\"']\n    target_matchers: ['severity=\"warning\"']\n")],
        nonTriggering: [RuleExample(Example.minimal + "inhibit_rules:\n  - source_matchers: ['severity=\"critical\"']\n    target_matchers: ['severity=\"warning\"']\n    equal: [alertname, cluster, service]\n")])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for a in context.all(AlertmanagerConfigArtifact.self) {
            for (i, rule) in (a.config.inhibitRules ?? []).enumerated() where (rule.equal ?? []).isEmpty {
                let src = LabelMatcher.render(rule.allSourceMatchers), dst = LabelMatcher.render(rule.allTargetMatchers)
                report.add("inhibit_rules[\(i)] has no `equal`: any alert matching \(src) mutes every alert matching \(dst), across all services and clusters",
                           at: rule.origin, hint: "add the labels that identify the same problem, e.g. `equal: [alertname, cluster, service]`")
            }
        }
    }
}
