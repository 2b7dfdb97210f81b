import VigilCore

/// A probe on a port the container does not declare.
public struct ProbePortNotExposed: ProbeCheck {
    public static let rule = RuleDescription(
        id: "probe/port-not-exposed", severity: .warning,
        summary: "A probe targets a port that is not among the container's ports (by number or name).",
        rationale: "A named port that the container does not declare cannot be resolved, so the probe always fails and the pod never becomes ready (or is restarted in a loop); reported as an error. A number that is not declared often means the probe checks the wrong listener (the metrics port instead of the application's) or a port left over from an old version.",
        triggering: [
            RuleExample(Example.deployment(container: "livenessProbe:\n  httpGet: {path: /live, port: web}\n")),
            RuleExample(Example.deployment(container: "readinessProbe:\n  tcpSocket: {port: 9000}\n")),
        ],
        nonTriggering: [RuleExample(Example.deployment()), RuleExample(Example.deployment(container: "readinessProbe:\n  httpGet: {path: /ready, port: 8080}\n"))])

    public init() {}

    public func run(_ probes: ArraySlice<ProbeRef>, _ context: LintContext, _ report: inout CheckReport) {
        for p in probes {
            guard let port = p.probe.port else { continue }
            let ref = p.container
            guard ref.port(matching: port) == nil else { continue }
            // A quoted number is an invalid port name, reported by k8s/invalid-name.
            if case .string(let text) = port, Int(text) != nil { continue }
            let handlerOrigin = p.probe.httpGet?.origin ?? p.probe.tcpSocket?.origin ?? p.probe.grpc?.origin ?? p.probe.origin
            let declared = (ref.container.ports ?? []).map { p in p.name.map { "\($0) (\(p.containerPort))" } ?? String(p.containerPort) }
            let known = declared.isEmpty ? "the container declares no ports" : "declared: \(declared.joined(separator: ", "))"
            switch port {
            case .string(let name) where Int(name) == nil:
                let suggestion = Suggestion.closest(to: name, in: (ref.container.ports ?? []).compactMap(\.name))
                report.add("\(p.workload.displayName): \(p.path): port \"\(name)\" is not a named port of container \"\(ref.container.name)\" (\(known)); the probe can never succeed",
                           at: handlerOrigin, key: "port", hint: suggestion.map { "did you mean \"\($0)\"?" }, severity: .error)
            default:
                guard !(ref.container.ports ?? []).isEmpty else { continue }
                report.add("\(p.workload.displayName): \(p.path): port \(port) is not among the ports of container \"\(ref.container.name)\" (\(known))",
                           at: handlerOrigin, key: "port", hint: "probe a declared port, by name (e.g. `port: \(ref.container.ports?.first?.name ?? "http")`)")
            }
        }
    }
}
