import VigilCore

/// `group_by` holds an invalid label name, a duplicate, or `...` together with names.
public struct InvalidGroupBy: Check {
    public static let rule = RuleDescription(
        id: "alertmanager/invalid-group-by", severity: .error,
        summary: "`group_by` has an invalid or repeated label name, or mixes `...` with label names.",
        rationale: "`...` groups by every label and cannot be combined with names; names must be valid label names and appear once. Alertmanager rejects the config otherwise.",
        triggering: [
            RuleExample("route:\n  receiver: team\n  group_by: ['...', alertname]\nreceivers:\n  - name: team\n"),
            RuleExample("route:\n  receiver: team\n  group_by: [alertname, alertname]\nreceivers:\n  - name: team\n"),
            RuleExample("route:\n  receiver: team\n  group_by: [service-name]\nreceivers:\n  - name: team\n"),
        ],
        nonTriggering: [RuleExample("route:\n  receiver: team\n  group_by: [alertname, service]\nreceivers:\n  - name: team\n"),
                        RuleExample("route:\n  receiver: team\n  group_by: ['...']\nreceivers:\n  - name: team\n")])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for a in context.all(AlertmanagerConfigArtifact.self) {
            for visit in a.config.allRoutes {
                let r = visit.route
                guard let groupBy = r.groupBy else { continue }
                var seen: Set<String> = []
                for (i, label) in groupBy.enumerated() {
                    let range = r.origin?.range(ofItem: "group_by", i)
                    if label == "..." { continue }
                    if !LabelName.isValid(label) {
                        let fixed = String(label.map { $0.isLetter || $0.isNumber ? $0 : "_" })
                        report.add("invalid label name \"\(label)\" in group_by list", in: a.file, at: range,
                                   hint: "label names are letters, digits and underscores, not starting with a digit (\"\(fixed)\"?)")
                    } else if !seen.insert(label).inserted {
                        report.add("duplicated label \"\(label)\" in group_by", in: a.file, at: range, hint: "remove the repeated entry")
                    }
                }
                if groupBy.contains("..."), groupBy.count > 1 {
                    report.add("cannot have wildcard group_by (`...`) and other labels at the same time", at: r.origin, key: "group_by",
                               hint: "use either `group_by: ['...']` or a list of label names")
                }
            }
        }
    }
}
