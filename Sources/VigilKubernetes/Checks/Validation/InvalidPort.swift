import VigilCore

/// Port numbers outside 1–65535, which the API server rejects.
public struct InvalidPort: Check {
    public static let rule = RuleDescription(
        id: "k8s/invalid-port", severity: .error,
        summary: "A container port, host port, Service port or targetPort, or probe port is a number outside 1–65535.",
        rationale: "The API server rejects such manifests (`must be between 1 and 65535, inclusive`). A hostPort or numeric targetPort of 0 means unset and is accepted.",
        triggering: [
            RuleExample(Example.service(targetPort: "70000")),
            RuleExample(Example.deployment(container: "livenessProbe:\n  tcpSocket: {port: 0}\n")),
        ],
        nonTriggering: [RuleExample(Example.deployment() + "---\n" + Example.service())])

    public init() {}

    static let message = "must be between 1 and 65535, inclusive"

    static func isPortNumber(_ n: Int) -> Bool { n >= 1 && n <= 65535 }

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        let inventory = KubernetesInventory.of(context)
        for (w, c) in inventory.containers {
            for (i, p) in (c.container.ports ?? []).enumerated() {
                let path = "\(c.path).ports[\(i)]"
                if !Self.isPortNumber(p.containerPort) {
                    report.add("\(w.displayName): \(path).containerPort: Invalid value: \(p.containerPort): \(Self.message)", at: p.origin, key: "containerPort")
                }
                if let h = p.hostPort, h != 0, !Self.isPortNumber(h) {
                    report.add("\(w.displayName): \(path).hostPort: Invalid value: \(h): \(Self.message)", at: p.origin, key: "hostPort")
                }
            }
        }
        for object in inventory.objects {
            guard case .service(let s) = object else { continue }
            for (i, p) in (s.spec?.ports ?? []).enumerated() {
                if !Self.isPortNumber(p.port) {
                    report.add("\(object.displayName): spec.ports[\(i)].port: Invalid value: \(p.port): \(Self.message)", at: p.origin, key: "port")
                }
                if case .int(let t)? = p.targetPort, t != 0, !Self.isPortNumber(t) {
                    report.add("\(object.displayName): spec.ports[\(i)].targetPort: Invalid value: \(t): \(Self.message)", at: p.origin, key: "targetPort")
                }
            }
        }
        for p in inventory.probes {
            guard case .int(let n)? = p.probe.port, !Self.isPortNumber(n) else { continue }
            let handler = p.probe.httpGet != nil ? "httpGet" : p.probe.tcpSocket != nil ? "tcpSocket" : "grpc"
            let origin = p.probe.httpGet?.origin ?? p.probe.tcpSocket?.origin ?? p.probe.grpc?.origin ?? p.probe.origin
            report.add("\(p.workload.displayName): \(p.path).\(handler).port: Invalid value: \(n): \(Self.message)", at: origin, key: "port")
        }
    }
}
