import VigilCore

/// API keys, passwords, tokens and credential-bearing webhook URLs written into the config
/// instead of read from a file (a mounted Kubernetes Secret).
public struct PlaintextSecret: Check {
    public static let rule = RuleDescription(
        id: "alertmanager/plaintext-secret", severity: .warning,
        summary: "A credential (API key, password, token, Slack/Discord/Teams webhook URL) is written inline instead of read from a `_file`.",
        rationale: "Alertmanager configs usually live in Git and in ConfigMaps that many people and tools can read. Put the credential in a Kubernetes Secret mounted into the pod and point the `_file` variant at it; the config then holds no secret at all.",
        triggering: [
            RuleExample("route:\n  receiver: team\nreceivers:\n  - name: team\n    slack_configs:\n      - api_url: https://hooks.slack.com/services/T024BE7LD/B01ABCDEF/qwertyuiop1234567890\n        channel: '#alerts'\n"),
            RuleExample("route:\n  receiver: team\nreceivers:\n  - name: team\n    pagerduty_configs:\n      - routing_key: 0123456789abcdef0123456789abcdef\n"),
        ],
        nonTriggering: [RuleExample("route:\n  receiver: team\nreceivers:\n  - name: team\n    slack_configs:\n      - api_url_file: /etc/alertmanager/secrets/slack-url\n        channel: '#alerts'\n")])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        // A config inside a Kubernetes Secret keeps its credentials where they belong.
        for a in context.all(AlertmanagerConfigArtifact.self) where !a.file.isConfidential {
            for (path, node) in AlertmanagerRedaction.secretScalars(in: a.root) {
                guard let text = node.scalarText, !Placeholder.looksLikePlaceholder(text), !text.contains("{{") else { continue }
                let key = String(path.split(separator: ".").last ?? Substring(path))
                if key == "url", !PlaintextSecret.urlCarriesCredential(text) { continue }
                if key == "routing_key", path.contains("victorops_configs") { continue }
                report.add("\(path) holds a credential in plain text (\(Secret.redacted))", in: a.file, at: node.range,
                           hint: PlaintextSecret.hint(for: key))
            }
        }
    }

    /// Fields whose `_file` variant exists (in current Alertmanager).
    static let fileVariants: Set<String> = [
        "smtp_auth_password", "slack_api_url", "opsgenie_api_key", "victorops_api_key", "auth_password", "service_key",
        "routing_key", "api_key", "bot_token", "token", "user_key", "password", "credentials", "bearer_token",
        "client_secret", "api_url", "url", "webhook_url",
    ]

    static func hint(for key: String) -> String {
        if fileVariants.contains(key) {
            return "use `\(key)_file: /etc/alertmanager/secrets/\(key.replacingOccurrences(of: "_", with: "-"))` with the value in a mounted Kubernetes Secret"
        }
        if key == "key" { return "use `key_file:` pointing at a mounted Kubernetes Secret" }
        return "keep the whole config in a Kubernetes Secret (not a ConfigMap or Git) since `\(key)` has no `_file` variant"
    }

    /// Whether a generic webhook URL embeds a credential (userinfo, a query string, or a long
    /// token-like path segment); plain internal URLs do not.
    static func urlCarriesCredential(_ s: String) -> Bool {
        guard let schemeEnd = s.range(of: "://") else { return false }
        let rest = s[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" }
        if authority.contains("@") { return true }
        if rest.contains("?") { return true }
        let segments = rest.dropFirst(authority.count).split(separator: "/")
        return segments.contains { seg in seg.count >= 20 && seg.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" } && seg.contains(where: \.isNumber) }
    }
}
