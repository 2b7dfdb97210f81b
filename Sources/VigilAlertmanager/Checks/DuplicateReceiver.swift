import VigilCore

/// Two receivers share a name.
public struct DuplicateReceiver: Check {
    public static let rule = RuleDescription(
        id: "alertmanager/duplicate-receiver", severity: .error,
        summary: "Two receivers have the same name.",
        rationale: "Routes refer to receivers by name, so names must be unique; Alertmanager rejects the config (`notification config name \"x\" is not unique`).",
        triggering: [RuleExample("route:\n  receiver: team\nreceivers:\n  - name: team\n  - name: team\n")],
        nonTriggering: [RuleExample("route:\n  receiver: team\nreceivers:\n  - name: team\n  - name: team-pager\n")])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for a in context.all(AlertmanagerConfigArtifact.self) {
            var seen: [String: Receiver] = [:]
            for r in a.config.receivers ?? [] {
                guard let name = r.name, !name.isEmpty else { continue }
                if let first = seen[name] {
                    report.add("notification config name \"\(name)\" is not unique", at: r.origin, key: "name",
                               hint: "rename one of them or merge their integrations into one receiver",
                               notes: [DiagnosticNote("first defined here", file: first.origin?.file?.path, range: first.origin?.range(ofValue: "name"))])
                } else {
                    seen[name] = r
                }
            }
        }
    }
}
