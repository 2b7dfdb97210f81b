import Foundation
import VigilCore

/// A setting Alertmanager rejects for its value: zero intervals, unknown message types or
/// parse modes, reserved VictorOps fields, conflicting HTTP authentication, unknown time zones.
public struct InvalidSetting: Check {
    public static let rule = RuleDescription(
        id: "alertmanager/invalid-setting", severity: .error,
        summary: "A value Alertmanager rejects: zero `group_interval`/`repeat_interval`, an unknown message type, parse mode, responder type or time zone, conflicting HTTP authentication.",
        rationale: "These pass YAML decoding but fail when Alertmanager loads the config, which then keeps running the previous one.",
        triggering: [RuleExample("route:\n  receiver: team\n  repeat_interval: 0s\nreceivers:\n  - name: team\n"),
                     RuleExample("route:\n  receiver: team\nreceivers:\n  - name: team\n    telegram_configs:\n      - bot_token: '123456:ABC'\n        chat_id: 42\n        parse_mode: markdown\n")],
        nonTriggering: [RuleExample("route:\n  receiver: team\n  repeat_interval: 4h\nreceivers:\n  - name: team\n    telegram_configs:\n      - bot_token: '123456:ABC'\n        chat_id: 42\n        parse_mode: MarkdownV2\n")])

    public init() {}

    static let victoropsReserved = ["routing_key", "message_type", "state_message", "entity_display_name", "monitoring_tool", "entity_id", "entity_state"]
    static let opsgenieTypes: Set<String> = ["team", "teams", "user", "escalation", "schedule"]

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for a in context.all(AlertmanagerConfigArtifact.self) {
            for visit in a.config.allRoutes {
                let r = visit.route
                if r.groupInterval == .zero { report.add("group_interval cannot be zero", at: r.origin, key: "group_interval", hint: "remove it to inherit, or use e.g. 5m") }
                if r.repeatInterval == .zero { report.add("repeat_interval cannot be zero", at: r.origin, key: "repeat_interval", hint: "remove it to inherit, or use e.g. 4h") }
            }
            http(a.config.global?.httpConfig, &report)
            for rcv in a.config.receivers ?? [] {
                for i in rcv.integrations { http(i.httpConfig, &report) }
                for c in rcv.wechatConfigs ?? [] {
                    if let t = c.messageType, !t.isEmpty, t != "text", t != "markdown" {
                        report.add("weChat message type \"\(t)\" does not match valid options ^(text|markdown)$", at: c.origin, key: "message_type")
                    }
                }
                for c in rcv.telegramConfigs ?? [] {
                    if let m = c.parseMode, !["", "Markdown", "MarkdownV2", "HTML"].contains(m) {
                        let hint = Suggestion.closest(to: m, in: ["Markdown", "MarkdownV2", "HTML"]).map { "did you mean \"\($0)\"?" }
                        report.add("unknown parse_mode on telegram_config, must be Markdown, MarkdownV2, HTML or empty string", at: c.origin, key: "parse_mode", hint: hint)
                    }
                }
                for c in rcv.victoropsConfigs ?? [] {
                    for key in c.customFields?.keys ?? [] where InvalidSetting.victoropsReserved.contains(key) {
                        report.add("victorOps config contains custom field \(key) which cannot be used as it conflicts with the fixed/static fields",
                                   in: a.file, at: c.origin?.range(ofKey: key, in: "custom_fields"))
                    }
                }
                for c in rcv.opsgenieConfigs ?? [] {
                    for resp in c.responders ?? [] {
                        guard let t = resp.type, !t.contains("{{") else { continue }
                        if !InvalidSetting.opsgenieTypes.contains(t.lowercased()) {
                            report.add("opsGenieConfig responder type \"\(t)\" does not match valid options ^(team|teams|user|escalation|schedule)$", at: resp.origin, key: "type")
                        }
                    }
                }
                for c in rcv.emailConfigs ?? [] {
                    var seen: Set<String> = []
                    for key in c.headers?.keys ?? [] {
                        let canonical = InvalidSetting.canonicalHeader(key)
                        if !seen.insert(canonical).inserted {
                            report.add("duplicate header \"\(canonical)\" in email config", in: a.file, at: c.origin?.range(ofKey: key, in: "headers"),
                                       hint: "header names are case-insensitive; keep one")
                        }
                    }
                }
            }
            for ti in (a.config.timeIntervals ?? []) + (a.config.muteTimeIntervals ?? []) {
                for interval in ti.timeIntervals ?? [] {
                    guard let loc = interval.location, loc != "Local", loc != "UTC", loc != "" else { continue }
                    if TimeZone(identifier: loc) == nil {
                        report.add("unknown time zone \(loc)", at: interval.origin, key: "location", hint: "use an IANA name such as Europe/Berlin or America/New_York")
                    }
                }
            }
        }
    }

    private func http(_ h: HTTPClientConfig?, _ report: inout CheckReport) {
        guard let h else { return }
        let methods = [h.basicAuth != nil, h.oauth2 != nil, h.bearerToken.isSet || h.bearerTokenFile.isSet].filter { $0 }.count
        if methods > 1 {
            report.add("at most one of basic_auth, oauth2, bearer_token & bearer_token_file must be configured", at: h.origin)
        }
        if h.authorization != nil && (h.basicAuth != nil || h.oauth2 != nil || h.bearerToken.isSet || h.bearerTokenFile.isSet) {
            report.add("at most one of authorization, basic_auth, oauth2, bearer_token & bearer_token_file must be configured", at: h.origin, key: "authorization")
        }
        if let t = h.authorization?.type, t.lowercased() == "basic" {
            report.add("authorization type cannot be set to \"basic\", use \"basic_auth\" instead", at: h.authorization?.origin, key: "type")
        }
    }

    /// Go's `textproto.CanonicalMIMEHeaderKey`: `content-type` → `Content-Type`.
    static func canonicalHeader(_ s: String) -> String {
        var out = ""
        var upper = true
        for c in s {
            out += upper ? c.uppercased() : c.lowercased()
            upper = c == "-"
        }
        return out
    }
}
