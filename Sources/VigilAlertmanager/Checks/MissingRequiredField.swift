import VigilCore

/// An integration lacks a field it cannot work without (and `global` does not supply it).
public struct MissingRequiredField: Check {
    public static let rule = RuleDescription(
        id: "alertmanager/missing-required-field", severity: .error,
        summary: "A receiver, integration or time interval lacks a required field that `global` does not supply either.",
        rationale: "Alertmanager rejects these configs at load time (`missing to address in email config`, `no global Slack API URL set`…). Vigil reports every one at once, with its position.",
        triggering: [
            RuleExample("route:\n  receiver: team\nreceivers:\n  - name: team\n    email_configs:\n      - to: team@example.org\n"),
            RuleExample("route:\n  receiver: team\nreceivers:\n  - name: team\n    slack_configs:\n      - channel: '#alerts'\n"),
            RuleExample("route:\n  receiver: team\nreceivers:\n  - name: team\n    pagerduty_configs:\n      - severity: critical\n"),
        ],
        nonTriggering: [
            RuleExample("global:\n  smtp_smarthost: mail.internal:587\n  smtp_from: alertmanager@internal\nroute:\n  receiver: team\nreceivers:\n  - name: team\n    email_configs:\n      - to: team@internal\n"),
            RuleExample("route:\n  receiver: team\nreceivers:\n  - name: team\n    pagerduty_configs:\n      - routing_key_file: /etc/alertmanager/secrets/pd-key\n"),
        ])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for a in context.all(AlertmanagerConfigArtifact.self) {
            let g = a.config.effectiveGlobal
            for r in a.config.receivers ?? [] {
                if !r.name.isSet { report.add("missing name in receiver", at: r.origin, hint: "add `name:`; routes refer to receivers by name") }
                for c in r.emailConfigs ?? [] {
                    if !c.to.isSet { report.add("missing to address in email config", at: c.origin, hint: "add `to: team@example.org`") }
                    if !(c.origin?.sets("smarthost") ?? false) && !(a.config.global?.origin?.sets("smtp_smarthost") ?? false) {
                        report.add("no global SMTP smarthost set", at: c.origin, hint: "set `smarthost: host:port` here or `smtp_smarthost` in `global`")
                    }
                    if !c.from.isSet && !g.smtpFrom.isSet {
                        report.add("no global SMTP from set", at: c.origin, hint: "set `from:` here or `smtp_from` in `global`")
                    }
                }
                for c in r.slackConfigs ?? [] {
                    if !(c.origin?.sets("api_url") ?? false) && !c.apiURLFile.isSet && !(a.config.global?.origin?.sets("slack_api_url") ?? false) && !g.slackAPIURLFile.isSet {
                        report.add("no global Slack API URL set either inline or in a file", at: c.origin,
                                   hint: "set `api_url_file:` (a mounted secret) here or `slack_api_url_file` in `global`")
                    }
                    for f in c.fields ?? [] {
                        if !f.title.isSet { report.add("missing title in Slack field configuration", at: f.origin) }
                        if !f.value.isSet { report.add("missing value in Slack field configuration", at: f.origin) }
                    }
                    for act in c.actions ?? [] {
                        if !act.type.isSet { report.add("missing type in Slack action configuration", at: act.origin) }
                        if !act.text.isSet { report.add("missing text in Slack action configuration", at: act.origin) }
                        if !act.url.isSet && !act.name.isSet { report.add("missing name or url in Slack action configuration", at: act.origin) }
                        if let confirm = act.confirm, !confirm.text.isSet {
                            report.add("missing text in Slack confirmation configuration", at: confirm.origin)
                        }
                    }
                }
                for c in r.pagerdutyConfigs ?? [] where !c.routingKey.isSet && !c.serviceKey.isSet && !c.routingKeyFile.isSet && !c.serviceKeyFile.isSet {
                    report.add("missing service or routing key in PagerDuty config", at: c.origin,
                               hint: "set `routing_key_file:` (Events API v2) pointing at a mounted secret")
                }
                for c in r.webhookConfigs ?? [] where !(c.origin?.sets("url") ?? false) && !c.urlFile.isSet {
                    report.add("missing URL in webhook config", at: c.origin, hint: "add `url:` (or `url_file:` when the URL carries a token)")
                }
                for c in r.opsgenieConfigs ?? [] {
                    if !c.apiKey.isSet && !c.apiKeyFile.isSet && !g.opsgenieAPIKey.isSet && !g.opsgenieAPIKeyFile.isSet {
                        report.add("no global OpsGenie API Key set either inline or in a file", at: c.origin,
                                   hint: "set `api_key_file:` here or `opsgenie_api_key_file` in `global`")
                    }
                    for resp in c.responders ?? [] where !resp.id.isSet && !resp.name.isSet && !resp.username.isSet {
                        report.add("opsGenieConfig responder has to have at least one of id, username or name specified", at: resp.origin)
                    }
                }
                for c in r.wechatConfigs ?? [] {
                    if !c.apiSecret.isSet && !g.wechatAPISecret.isSet { report.add("no global Wechat ApiSecret set", at: c.origin, hint: "set `api_secret` here or `wechat_api_secret` in `global`") }
                    if !c.corpID.isSet && !g.wechatAPICorpID.isSet { report.add("no global Wechat CorpID set", at: c.origin, hint: "set `corp_id` here or `wechat_api_corp_id` in `global`") }
                }
                for c in r.victoropsConfigs ?? [] {
                    if !c.routingKey.isSet { report.add("missing Routing key in VictorOps config", at: c.origin, hint: "add `routing_key:`") }
                    if !c.apiKey.isSet && !c.apiKeyFile.isSet && !g.victoropsAPIKey.isSet && !g.victoropsAPIKeyFile.isSet {
                        report.add("no global VictorOps API Key set", at: c.origin, hint: "set `api_key_file:` here or `victorops_api_key_file` in `global`")
                    }
                }
                for c in r.pushoverConfigs ?? [] {
                    if !c.userKey.isSet && !c.userKeyFile.isSet { report.add("missing user key in Pushover config", at: c.origin, hint: "add `user_key_file:` (or `user_key:`)") }
                    if !c.token.isSet && !c.tokenFile.isSet { report.add("missing token in Pushover config", at: c.origin, hint: "add `token_file:` (or `token:`)") }
                }
                for c in r.snsConfigs ?? [] {
                    // Alertmanager's own condition, quirks included.
                    let t = !c.targetARN.isSet, p = !c.topicARN.isSet, n = !c.phoneNumber.isSet
                    if (t != p) != n {
                        report.add("must provide either a Target ARN, Topic ARN, or Phone Number for SNS config", at: c.origin,
                                   hint: "set exactly one of `topic_arn`, `target_arn` or `phone_number`")
                    }
                }
                for c in r.telegramConfigs ?? [] {
                    if !c.botToken.isSet && !c.botTokenFile.isSet { report.add("missing bot_token on telegram_config", at: c.origin, hint: "add `bot_token_file:` (or `bot_token:`)") }
                    if (c.chatID ?? 0) == 0 && !(c.origin?.sets("chat_id") ?? false) { report.add("missing chat_id on telegram_config", at: c.origin, hint: "add `chat_id:` (a number)") }
                }
                for c in r.discordConfigs ?? [] where !(c.origin?.sets("webhook_url") ?? false) && !c.webhookURLFile.isSet {
                    report.add("no discord webhook URL provided", at: c.origin, hint: "add `webhook_url_file:` (or `webhook_url:`)")
                }
                for c in r.webexConfigs ?? [] {
                    if !c.roomID.isSet { report.add("missing room_id on webex_config", at: c.origin, hint: "add `room_id:`") }
                    if c.httpConfig?.authorization == nil {
                        report.add("missing webex_configs.http_config.authorization", at: c.origin,
                                   hint: "add `http_config: {authorization: {credentials_file: /etc/alertmanager/secrets/webex-token}}`")
                    }
                }
                for c in r.msteamsConfigs ?? [] where !(c.origin?.sets("webhook_url") ?? false) && !c.webhookURLFile.isSet {
                    report.add("one of webhook_url or webhook_url_file must be configured", at: c.origin)
                }
                for c in r.msteamsv2Configs ?? [] where !(c.origin?.sets("webhook_url") ?? false) && !c.webhookURLFile.isSet {
                    report.add("one of webhook_url or webhook_url_file must be configured", at: c.origin)
                }
            }
            for (list, label) in [(a.config.muteTimeIntervals, "missing name in mute time interval"), (a.config.timeIntervals, "missing name in time interval")] {
                for ti in list ?? [] where !ti.name.isSet { report.add(label, at: ti.origin, hint: "add `name:`; routes refer to time intervals by name") }
            }
        }
    }
}
