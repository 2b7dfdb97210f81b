import VigilCore

/// ServiceMonitor and PodMonitor endpoints naming ports that do not exist.
public struct MonitorPortUnknown: Check {
    public static let rule = RuleDescription(
        id: "monitor/port-unknown", severity: .warning,
        summary: "A ServiceMonitor endpoint's port names no port of the Services it selects, or a PodMonitor endpoint's port no container port of the pods it selects.",
        rationale: "prometheus-operator matches endpoints by port *name*. A name that does not exist produces no scrape target at all: no error, no `up == 0`, just missing metrics (and alerts on them that can never fire). Checked against the Services and pod templates of the run that the monitor's selector matches.",
        triggering: [RuleExample(Example.deployment() + "---\n" + Example.service() + """
            ---
            apiVersion: monitoring.coreos.com/v1
            kind: ServiceMonitor
            metadata: {name: api}
            spec:
              selector: {matchLabels: {app: api}}
              endpoints:
                - {port: metrics, interval: 30s}
            """)],
        nonTriggering: [RuleExample(Example.deployment() + "---\n" + Example.service() + """
            ---
            apiVersion: monitoring.coreos.com/v1
            kind: ServiceMonitor
            metadata: {name: api}
            spec:
              selector: {matchLabels: {app: api}}
              endpoints:
                - {port: http, interval: 30s}
            """)])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        let inventory = KubernetesInventory.of(context)
        for m in inventory.serviceMonitors {
            let services = inventory.services(monitoredBy: m)
            guard !services.isEmpty else { continue }
            let names = Set(services.flatMap { $0.spec?.ports ?? [] }.compactMap(\.name))
            for e in m.spec.endpoints ?? [] {
                guard let port = e.port, !names.contains(port) else { continue }
                let svc = services.compactMap(\.metadata.name).joined(separator: ", ")
                report.add("ServiceMonitor/\(m.metadata.name ?? ""): endpoint port \"\(port)\" is not a port name of the selected Service(s) \(svc); nothing will be scraped",
                           at: e.origin, key: "port", hint: Suggestion.closest(to: port, in: names.sorted()).map { "did you mean \"\($0)\"?" }
                            ?? "name the Service port (`ports: [{name: \(port), ...}]`) or use one of: \(names.sorted().joined(separator: ", "))")
            }
        }
        for m in inventory.podMonitors {
            let pods = inventory.workloads(monitoredBy: m)
            guard !pods.isEmpty else { continue }
            let names = Set(pods.flatMap { $0.longRunningContainers.flatMap { $0.container.ports ?? [] } }.compactMap(\.name))
            for e in m.spec.podMetricsEndpoints ?? [] {
                guard let port = e.port, !names.contains(port) else { continue }
                report.add("PodMonitor/\(m.metadata.name ?? ""): endpoint port \"\(port)\" is not a container port name of \(pods.map(\.displayName).joined(separator: ", ")); nothing will be scraped",
                           at: e.origin, key: "port", hint: Suggestion.closest(to: port, in: names.sorted()).map { "did you mean \"\($0)\"?" })
            }
        }
    }
}
