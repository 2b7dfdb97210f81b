import Foundation
import Testing

/// `vigil lint` and `vigil routes` never print an Alertmanager secret, in any output format:
/// messages name the field and say `<redacted>`, source excerpts show `<redacted>` in its place.
@Suite struct AlertmanagerSecretTests {
    /// Every secret below contains `S3CR3T`, so one search finds any leak.
    static let config = """
    global:
      smtp_auth_password: S3CR3T-smtp-pw
      smtp_auth_password_file: /etc/alertmanager/secrets/smtp
      slack_api_url: https://hooks.slack.com/services/T024BE7LD/B01ABCDEF/S3CR3Tslackglobal
      opsgenie_api_key: S3CR3T-opsgenie-global
      http_config:
        bearer_token: S3CR3T-bearer
        basic_auth:
          username: alertmanager
          password: S3CR3T-basic
    route:
      receiver: team
    receivers:
      - name: team
        slack_configs:
          - api_url: https://hooks.slack.com/services/T0/B0/S3CR3Tslack
            api_url_file: /etc/alertmanager/secrets/slack
            channel: '#alerts'
        pagerduty_configs:
          - routing_key: S3CR3T-routing
            service_key: S3CR3T-service
            service_key_file: /etc/alertmanager/secrets/pd
          - servce_key: S3CR3T-misspelt
        webhook_configs:
          - url: https://hooks.corp.internal/S3CR3Twebhook0123456789abcdef
            http_config:
              proxy_url: http://proxy:S3CR3T-proxy@proxy.corp.internal:3128
              authorization:
                type: basic
                credentials: S3CR3T-credentials
              oauth2:
                client_id: am
                client_secret: S3CR3T-oauth
                token_url: https://auth.corp.internal/token
        telegram_configs:
          - bot_token: YOUR_S3CR3T_BOT_TOKEN
            chat_id: 42
        discord_configs:
          - webhook_url: https://discord.com/api/webhooks/1/S3CR3Tdiscord
        msteams_configs:
          - webhook_url: not-a-url S3CR3T-teams
        pushover_configs:
          - user_key: S3CR3T-user
            token: XXX-S3CR3T-token
        email_configs:
          - to: oncall@corp.internal
            from: am@corp.internal
            smarthost: smtp.corp.internal:587
            auth_password: S3CR3T-email
      - name: team

    """

    static func write(_ text: String, _ name: String) throws -> URL {
        let dir = try CLI.temporaryDirectory()
        try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        return dir
    }

    @Test(arguments: ["text", "json", "sarif", "github"])
    func lintNeverPrintsASecret(format: String) throws {
        let dir = try Self.write(Self.config, "alertmanager.yml")
        let r = try CLI.run(["lint", "--format", format, "alertmanager.yml"], in: dir)
        #expect(r.status == 1)
        let output = r.stdout + r.stderr
        #expect(!output.contains("S3CR3T"), "a secret leaked in \(format):\n\(output)")
        // The findings are there, naming the fields.
        for path in ["global.smtp_auth_password", "receivers[0].slack_configs[0].api_url",
                     "receivers[0].pagerduty_configs[0].routing_key", "receivers[0].webhook_configs[0].url",
                     "receivers[0].webhook_configs[0].http_config.proxy_url",
                     "receivers[0].webhook_configs[0].http_config.oauth2.client_secret",
                     "receivers[0].email_configs[0].auth_password"] {
            #expect(output.contains("\(path) holds a credential in plain text (<redacted>)"), "\(format): no finding for \(path)")
        }
        #expect(output.contains("receivers[0].telegram_configs[0].bot_token looks like a placeholder (<redacted>)"))
        #expect(output.contains("at most one of service_key & service_key_file must be configured"))
        #expect(output.contains("alertmanager/duplicate-receiver"))
    }

    @Test func textExcerptsShowRedactedInPlaceOfTheSecret() throws {
        let dir = try Self.write(Self.config, "alertmanager.yml")
        let r = try CLI.run(["lint", "alertmanager.yml"], in: dir)
        #expect(r.stdout.contains("alertmanager.yml:2:23: warning[alertmanager/plaintext-secret]: global.smtp_auth_password holds a credential in plain text (<redacted>)\n 2 |   smtp_auth_password: <redacted>\n"))
        #expect(r.stdout.contains(" 16 |       - api_url: <redacted>\n"))
        // A misspelt key is reported as unknown; its value is still hidden.
        #expect(r.stdout.contains("alertmanager.yml:23:9: error[schema/unknown-field]"))
        #expect(r.stdout.contains(" 23 |       - servce_key: <redacted>\n"))
        // Lines without secrets are shown as written.
        #expect(r.stdout.contains(" 50 |   - name: team\n"))
    }

    @Test func routesNeverPrintASecret() throws {
        let dir = try Self.write(Self.config, "alertmanager.yml")
        let invalid = try CLI.run(["routes", "show", "alertmanager.yml"], in: dir)
        #expect(invalid.status == 2)
        #expect(invalid.stderr.contains("at most one of service_key & service_key_file must be configured"))
        #expect(!(invalid.stdout + invalid.stderr).contains("S3CR3T"))

        let valid = """
        route:
          receiver: slack
          routes:
            - receiver: pager
              matchers: ['severity="critical"']
        receivers:
          - name: slack
            slack_configs:
              - api_url: https://hooks.slack.com/services/T0/B0/S3CR3Tslack
                channel: '#alerts'
          - name: pager
            pagerduty_configs:
              - routing_key: S3CR3T-routing

        """
        let vdir = try Self.write(valid, "am.yml")
        let shown = try CLI.run(["routes", "show", "am.yml"], in: vdir)
        #expect(shown.status == 0)
        #expect(shown.stdout.contains("{severity=\"critical\"}  receiver: pager"))
        let tested = try CLI.run(["routes", "test", "--tree", "am.yml", "severity=critical"], in: vdir)
        #expect(tested.stdout.hasSuffix("pager\n"))
        #expect(!(shown.stdout + shown.stderr + tested.stdout + tested.stderr).contains("S3CR3T"))
    }

    /// Values in the wrong shape are quoted by the decoder's messages; a secret is not.
    @Test(arguments: ["text", "json", "sarif", "github"])
    func decoderMessagesDoNotQuoteSecrets(format: String) throws {
        let config = """
        global:
          http_config:
            authorization: Bearer S3CR3T-authorization-header
        route:
          receiver: team
        receivers:
          - name: team
            webhook_configs:
              - url: http://hooks.corp.internal/alert
                http_config:
                  basic_auth: "alertmanager:S3CR3T-basic-auth-in-one-string-longer-than-forty-characters"

        """
        let dir = try Self.write(config, "am.yml")
        let r = try CLI.run(["lint", "--format", format, "am.yml"], in: dir)
        #expect(r.status == 1)
        #expect(r.stdout.contains("global.http_config.authorization: expected a mapping for Authorization, got string \\\"<redacted>\\\"")
                || r.stdout.contains("global.http_config.authorization: expected a mapping for Authorization, got string \"<redacted>\""))
        #expect(r.stdout.contains("basic_auth: expected a mapping for BasicAuth, got the string"))
        #expect(!(r.stdout + r.stderr).contains("S3CR3T"), "\(format):\n\(r.stdout)")
    }

    /// A file that does not parse reaches no file kind; what looks like a secret in it is
    /// still hidden from the printed line.
    @Test func syntaxErrorsDoNotShowSecrets() throws {
        let config = "route:\n  receiver: team\nreceivers:\n  - name: team\n    slack_configs:\n      - api_url: https://hooks.slack.com/services/T0/B0/S3CR3T channel: x\n"
        let dir = try Self.write(config, "am.yml")
        let r = try CLI.run(["lint", "am.yml"], in: dir)
        #expect(r.status == 1)
        #expect(r.stdout.contains("am.yml:6:") && r.stdout.contains("error[yaml/syntax]"))
        #expect(r.stdout.contains(" 6 |       - api_url: <redacted>\n"))
        #expect(!(r.stdout + r.stderr).contains("S3CR3T"), "\(r.stdout)")
    }
}
