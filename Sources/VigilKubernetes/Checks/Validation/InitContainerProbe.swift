import VigilCore

/// Probes on init containers that are not sidecars.
public struct InitContainerProbe: ProbeCheck {
    public static let rule = RuleDescription(
        id: "probe/init-container-probe", severity: .error,
        summary: "An init container that is not a sidecar (no `restartPolicy: Always`) has a probe.",
        rationale: "Init containers run to completion before the pod starts, so the API server rejects probes on them (`may not be set for init containers without restartPolicy=Always`). A sidecar (an init container with `restartPolicy: Always`) may have probes.",
        triggering: [RuleExample(Example.deployment(pod: "initContainers:\n  - name: migrate\n    image: registry.example.com/api:1.4.2\n    readinessProbe:\n      exec: {command: [\"true\"]}\n"))],
        nonTriggering: [RuleExample(Example.deployment(pod: "initContainers:\n  - name: proxy\n    image: registry.example.com/proxy:2.0\n    restartPolicy: Always\n    readinessProbe:\n      tcpSocket: {port: 15000}\n"))])

    public init() {}

    public func run(_ probes: ArraySlice<ProbeRef>, _ context: LintContext, _ report: inout CheckReport) {
        for p in probes where p.container.role == .initContainer {
            report.add("\(p.workload.displayName): \(p.path): Forbidden: may not be set for init containers without restartPolicy=Always",
                       at: p.probe.origin, hint: "remove the probe, or add `restartPolicy: Always` to run the container as a sidecar")
        }
    }
}
