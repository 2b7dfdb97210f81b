import VigilCore

/// Security on in a multi-node cluster without transport TLS.
public struct SecurityWithoutTransportTLS: Check {
    public static let rule = RuleDescription(
        id: "elastic/security-without-transport-tls", severity: .error,
        summary: "Security is enabled in a multi-node cluster but transport TLS is not.",
        rationale: "In production mode (any node that binds a non-loopback address, as in Kubernetes) Elasticsearch refuses to start: `Transport SSL must be enabled if security is enabled. Please set [xpack.security.transport.ssl.enabled] to [true] or disable security`. Security is on by default from 8.0.",
        triggering: [RuleExample(ExampleManifests.es { $0.transportTLS = nil; $0.certificates = false })],
        nonTriggering: [RuleExample(ExampleManifests.es()),
                        RuleExample(ExampleManifests.es { $0.transportTLS = nil; $0.certificates = false; $0.security = "false" })])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for c in context.elastic(.elasticsearch) {
            guard c.securityEnabled, c.replicas > 1 || c.setting("discovery.seed_hosts") != nil else { continue }
            guard c.flag("xpack.security.transport.ssl.enabled") != true else { continue }
            let explicit = c.setting("xpack.security.enabled")
            let message = "security is \(explicit == nil ? "on by default in Elasticsearch \(c.majorVersion ?? 8)" : "enabled") but transport TLS is not: Transport SSL must be enabled if security is enabled"
            let hint = "set xpack.security.transport.ssl.enabled: true with a keystore from a Secret"
            if let s = c.setting("xpack.security.transport.ssl.enabled") ?? explicit, let file = s.file {
                report.add(message, in: file, at: s.range, hint: hint)
            } else {
                report.add(message, at: c.container.origin, key: "env", hint: hint)
            }
        }
    }
}
