import VigilCore

/// `group_by` on a label that none of the known alerts can carry.
public struct GroupByUnknownLabel: Check {
    public static let rule = RuleDescription(
        id: "alertmanager/group-by-unknown-label", severity: .warning,
        summary: "`group_by` names a label that no known alert carries, so it groups nothing (often a typo such as `servce`).",
        rationale: "Grouping by an absent label puts every alert in the same group for that label; the intended split (per service, per cluster) silently does not happen. Reported only when the rules' labels and series labels are all known.",
        triggering: [RuleExample("route:\n  receiver: default\n  group_by: [alertname, servce]\nreceivers:\n  - name: default\n---\ngroups:\n  - name: g\n    rules:\n      - alert: DiskFull\n        expr: sum by (service) (disk_free) < 0.1\n        labels: {severity: warning}\n")],
        nonTriggering: [RuleExample("route:\n  receiver: default\n  group_by: [alertname, service]\nreceivers:\n  - name: default\n---\ngroups:\n  - name: g\n    rules:\n      - alert: DiskFull\n        expr: sum by (service) (disk_free) < 0.1\n        labels: {severity: warning}\n")])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        // Without an Alertmanager config or resource there is nothing to route; knownAlerts walks
        // every rule.
        let configs = context.all(AlertmanagerConfigArtifact.self)
        let resources = context.all(AlertmanagerConfigResourceArtifact.self)
        guard !configs.isEmpty || !resources.isEmpty, let alerts = context.knownAlerts else { return }
        for a in configs {
            for visit in a.config.allRoutes {
                check(visit.route.groupBy ?? [], key: "group_by", at: visit.route.origin, in: a.file, alerts, &report)
            }
        }
        // prometheus-operator AlertmanagerConfig resources group the namespace's alerts the same way.
        for a in resources {
            for (route, _) in a.resource.spec?.route?.walk(path: "spec.route") ?? [] {
                check(route.groupBy ?? [], key: "groupBy", at: route.origin, in: a.file, alerts, &report)
            }
        }
    }

    private func check(_ groupBy: [String], key: String, at origin: Provenance?, in file: SourceFile, _ alerts: [KnownAlert], _ report: inout CheckReport) {
        for (i, label) in groupBy.enumerated() where label != "..." && label != "alertname" {
            guard !alerts.contains(where: { $0.mayCarry(label) }) else { continue }
            var known = Set<String>()
            for alert in alerts { known.formUnion(alert.staticLabels.keys); known.formUnion(alert.seriesLabels ?? []) }
            let hint = Suggestion.closest(to: label, in: known.sorted()).map { "did you mean \"\($0)\"?" } ?? "the alerts carry: \(known.sorted().joined(separator: ", "))"
            report.add("\(key) label \"\(label)\" is carried by none of the \(alerts.count) known alerts", in: file,
                       at: origin?.range(ofItem: key, i), hint: hint)
        }
    }
}
