import VigilCore

/// Transport TLS turned on without a key and certificate.
public struct TransportTLSWithoutCertificates: Check {
    public static let rule = RuleDescription(
        id: "elastic/transport-tls-without-certificates", severity: .error,
        summary: "Transport TLS is enabled but no keystore or certificate and key are configured.",
        rationale: "Elasticsearch does not start: `invalid SSL configuration for xpack.security.transport.ssl - server ssl configuration requires a key and certificate, but these have not been configured`. Generate certificates (elasticsearch-certutil, cert-manager), mount them from a Secret and set `xpack.security.transport.ssl.keystore.path` (or `.certificate`, `.key` and `.certificate_authorities`).",
        triggering: [RuleExample(ExampleManifests.es { $0.certificates = false })],
        nonTriggering: [RuleExample(ExampleManifests.es())])

    static let materialKeys = ["keystore.path", "certificate", "key", "keystore.secure_password"].map { "xpack.security.transport.ssl." + $0 }

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for c in context.elastic(.elasticsearch) {
            guard c.flag("xpack.security.transport.ssl.enabled") == true, let s = c.setting("xpack.security.transport.ssl.enabled"), let file = s.file else { continue }
            let hasKeystore = c.setting("xpack.security.transport.ssl.keystore.path") != nil
            let hasPEM = c.setting("xpack.security.transport.ssl.certificate") != nil && c.setting("xpack.security.transport.ssl.key") != nil
            guard !hasKeystore, !hasPEM else { continue }
            report.add("xpack.security.transport.ssl.enabled is true but no certificate is configured: server ssl configuration requires a key and certificate",
                       in: file, at: s.range,
                       hint: "mount a Secret with the certificates and set xpack.security.transport.ssl.keystore.path (and truststore.path), or certificate, key and certificate_authorities")
        }
    }
}
