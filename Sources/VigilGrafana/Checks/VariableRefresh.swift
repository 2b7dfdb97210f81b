import VigilCore

/// A query variable not refreshed when the time range changes (dashboard-linter's
/// `template-on-time-change-reload-rule`).
public struct VariableRefresh: Check {
    public static let rule = RuleDescription(
        id: "grafana/variable-refresh", severity: .warning,
        summary: "A query variable is not reloaded on time range change (`refresh` is not 2).",
        rationale: "Query variables list the label values of the selected time range. With `refresh: 0` (never) the values are frozen at the moment the dashboard was saved; with `refresh: 1` (on dashboard load, reported as info) a viewer who moves to last week cannot pick a pod or job that existed only then. `refresh: 2` reloads them when the time range changes.",
        triggering: [Example.dashboard(Example.panel("up{job=~\"$job\"}"), variables: Example.datasource + #", {"name": "job", "type": "query", "datasource": "$datasource", "query": "label_values(up, job)", "refresh": 0}"#)],
        nonTriggering: [Example.dashboard(Example.panel("up{job=~\"$job\"}"), variables: Example.datasource + #", {"name": "job", "type": "query", "datasource": "$datasource", "query": "label_values(up, job)", "refresh": 2}"#)])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for d in context.dashboards {
            for v in d.dashboard.variables where v.type == "query" {
                let value = v.refresh?.number ?? v.refresh?.bool.map { $0 ? 1 : 0 }
                switch value {
                case 2?:
                    continue
                case 1?, nil:
                    let how = value == nil ? "has no refresh (Grafana loads it once, when the dashboard loads)" : "is reloaded only when the dashboard loads"
                    report.add("variable $\(v.name ?? "") \(how), not when the time range changes", at: v.origin, key: value == nil ? "name" : "refresh",
                               hint: #"set "refresh": 2 (On time range change)"#, severity: .info)
                default:
                    report.add("variable $\(v.name ?? "") is never reloaded: its values are frozen as saved", at: v.origin, key: "refresh",
                               hint: #"set "refresh": 2 (On time range change)"#)
                }
            }
        }
    }
}
