import VigilCore

/// A credential is given both inline and as a `_file`.
public struct SecretInlineAndFile: Check {
    public static let rule = RuleDescription(
        id: "alertmanager/secret-inline-and-file", severity: .error,
        summary: "A credential is set both inline and through its `_file` variant.",
        rationale: "Alertmanager cannot know which one you mean and rejects the config (`at most one of api_key & api_key_file must be configured`). Keep the `_file` form, pointing at a mounted Secret.",
        triggering: [RuleExample("global:\n  slack_api_url: https://hooks.slack.com/services/T0/B0/abc\n  slack_api_url_file: /etc/alertmanager/secrets/slack-url\n" + Example.minimal),
                     RuleExample("route:\n  receiver: team\nreceivers:\n  - name: team\n    pagerduty_configs:\n      - routing_key: abc\n        routing_key_file: /etc/alertmanager/secrets/pd\n")],
        nonTriggering: [RuleExample("global:\n  slack_api_url_file: /etc/alertmanager/secrets/slack-url\n" + Example.minimal)])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for a in context.all(AlertmanagerConfigArtifact.self) {
            if let g = a.config.global {
                pair(g.slackAPIURL != nil, g.slackAPIURLFile.isSet, "slack_api_url", g.origin, &report)
                pair(g.opsgenieAPIKey.isSet, g.opsgenieAPIKeyFile.isSet, "opsgenie_api_key", g.origin, &report)
                pair(g.victoropsAPIKey.isSet, g.victoropsAPIKeyFile.isSet, "victorops_api_key", g.origin, &report)
                pair(g.smtpAuthPassword.isSet, g.smtpAuthPasswordFile.isSet, "smtp_auth_password", g.origin, &report)
                http(g.httpConfig, &report)
            }
            for r in a.config.receivers ?? [] {
                for c in r.slackConfigs ?? [] { pair(c.apiURL != nil, c.apiURLFile.isSet, "api_url", c.origin, &report) }
                for c in r.pagerdutyConfigs ?? [] {
                    pair(c.routingKey.isSet, c.routingKeyFile.isSet, "routing_key", c.origin, &report)
                    pair(c.serviceKey.isSet, c.serviceKeyFile.isSet, "service_key", c.origin, &report)
                }
                for c in r.opsgenieConfigs ?? [] { pair(c.apiKey.isSet, c.apiKeyFile.isSet, "api_key", c.origin, &report) }
                for c in r.victoropsConfigs ?? [] { pair(c.apiKey.isSet, c.apiKeyFile.isSet, "api_key", c.origin, &report) }
                for c in r.webhookConfigs ?? [] { pair(c.url != nil, c.urlFile.isSet, "url", c.origin, &report) }
                for c in r.telegramConfigs ?? [] { pair(c.botToken.isSet, c.botTokenFile.isSet, "bot_token", c.origin, &report) }
                for c in r.discordConfigs ?? [] { pair(c.webhookURL != nil, c.webhookURLFile.isSet, "webhook_url", c.origin, &report) }
                for c in r.msteamsConfigs ?? [] { pair(c.webhookURL != nil, c.webhookURLFile.isSet, "webhook_url", c.origin, &report) }
                for c in r.msteamsv2Configs ?? [] { pair(c.webhookURL != nil, c.webhookURLFile.isSet, "webhook_url", c.origin, &report) }
                for c in r.pushoverConfigs ?? [] {
                    pair(c.userKey.isSet, c.userKeyFile.isSet, "user_key", c.origin, &report)
                    pair(c.token.isSet, c.tokenFile.isSet, "token", c.origin, &report)
                }
                for i in r.integrations { http(i.httpConfig, &report) }
            }
        }
    }

    private func pair(_ inline: Bool, _ file: Bool, _ key: String, _ origin: Provenance?, _ report: inout CheckReport) {
        guard inline && file else { return }
        report.add("at most one of \(key) & \(key)_file must be configured", at: origin, key: key,
                   hint: "remove `\(key)` and keep `\(key)_file`")
    }

    private func http(_ h: HTTPClientConfig?, _ report: inout CheckReport) {
        guard let h else { return }
        if h.bearerToken.isSet && h.bearerTokenFile.isSet {
            report.add("at most one of bearer_token & bearer_token_file must be configured", at: h.origin, key: "bearer_token",
                       hint: "remove `bearer_token` and keep `bearer_token_file`")
        }
        if let b = h.basicAuth, b.password.isSet, b.passwordFile.isSet {
            report.add("at most one of basic_auth password & password_file must be configured", at: b.origin, key: "password",
                       hint: "remove `password` and keep `password_file`")
        }
        if let au = h.authorization, au.credentials.isSet, au.credentialsFile.isSet {
            report.add("at most one of authorization credentials & credentials_file must be configured", at: au.origin, key: "credentials",
                       hint: "remove `credentials` and keep `credentials_file`")
        }
        if let o = h.oauth2, o.clientSecret.isSet, o.clientSecretFile.isSet {
            report.add("at most one of oauth2 client_secret & client_secret_file must be configured", at: o.origin, key: "client_secret",
                       hint: "remove `client_secret` and keep `client_secret_file`")
        }
    }
}
