import VigilCore

/// A probe with no handler or with several.
public struct ProbeHandlerCount: ProbeCheck {
    public static let rule = RuleDescription(
        id: "probe/handler-count", severity: .error,
        summary: "A probe sets no handler, or more than one of exec, httpGet, tcpSocket and grpc.",
        rationale: "A probe runs exactly one action. The API server rejects `must specify a handler type` and `may not specify more than 1 handler type`; the usual cause is a mis-indented `httpGet` or a leftover `tcpSocket` after switching to HTTP.",
        triggering: [
            RuleExample(Example.deployment(container: "livenessProbe:\n  periodSeconds: 10\n" + Example.goodResources)),
            RuleExample(Example.deployment(container: "readinessProbe:\n  httpGet: {path: /ready, port: http}\n  tcpSocket: {port: http}\n")),
        ],
        nonTriggering: [RuleExample(Example.deployment())])

    public init() {}

    public func run(_ probes: ArraySlice<ProbeRef>, _ context: LintContext, _ report: inout CheckReport) {
        for p in probes {
            let handlers = p.handlerNames
            if handlers.isEmpty {
                report.add("\(p.workload.displayName): \(p.path): Required value: must specify a handler type", at: p.probe.origin,
                           hint: "add one of httpGet, tcpSocket, exec or grpc")
            } else if handlers.count > 1 {
                report.add("\(p.workload.displayName): \(p.path): Forbidden: may not specify more than 1 handler type (found \(handlers.joined(separator: ", ")))",
                           at: p.probe.origin, key: handlers[1])
            }
        }
    }
}
