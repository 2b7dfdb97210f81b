import VigilCore

/// Passwords and keys written into manifests or pipelines instead of read from Secrets.
public struct InlineCredentials: Check {
    public static let rule = RuleDescription(
        id: "elastic/inline-credentials", severity: .error,
        summary: "A password, API key or token of the Elastic stack is written inline instead of read from a Secret.",
        rationale: "Inline credentials end up in Git, in `kubectl describe`, in every rendered manifest and in CI logs, and rotating them means editing files. Put them in a Secret, pass them as environment variables with `valueFrom.secretKeyRef`, and refer to them in pipelines as `${ES_PASSWORD}`.",
        triggering: [RuleExample(ExampleManifests.es { $0.password = "value: changeme" }),
                     RuleExample("output {\n  elasticsearch {\n    hosts => [\"https://es:9200\"]\n    user => \"logstash\"\n    password => \"changeme\"\n  }\n}\n", path: "pipeline.conf")],
        nonTriggering: [RuleExample(ExampleManifests.es()),
                        RuleExample("output {\n  elasticsearch {\n    hosts => [\"https://es:9200\"]\n    user => \"${ES_USER}\"\n    password => \"${ES_PASSWORD}\"\n  }\n}\n", path: "pipeline.conf")])

    static let secretOptions: Set<String> = ["password", "api_key", "cloud_auth", "keystore_password", "truststore_password",
                                             "ssl_key_passphrase", "ssl_keystore_password", "ssl_truststore_password", "sasl_jaas_config"]

    static func looksSecret(_ name: String) -> Bool {
        let n = name.lowercased()
        return ["password", "passwd", "api_key", "apikey", "token", "secret"].contains { n.contains($0) } && !n.hasSuffix("_file") && !n.hasSuffix(".path")
    }

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for c in context.elasticContainers {
            for e in c.container.env ?? [] where Self.looksSecret(e.name) {
                guard let v = e.value, !v.isEmpty, !v.hasPrefix("$(") else { continue }
                report.add("\(e.name) of \(c.workload.displayName) is written inline", at: e.origin, key: "value",
                           hint: "valueFrom: {secretKeyRef: {name: <secret>, key: \(e.name.lowercased())}}")
            }
        }
        for site in context.pipelinePlugins {
            for a in site.plugin.attributes where Self.secretOptions.contains(a.name) {
                guard let v = a.value.text, !v.isEmpty, !v.contains("${") else { continue }
                report.add("`\(a.name)` of \(site.plugin.name) is written inline in the pipeline", in: site.file, at: a.value.span,
                           hint: "\(a.name) => \"${\(site.plugin.name == "elasticsearch" ? "ES" : site.plugin.name.uppercased())_\(a.name.uppercased())}\" with the variable set from a Secret")
            }
        }
    }
}
