import VigilCore

/// A named receiver and its notification integrations.
public struct Receiver: Sendable, Codable {
    public var name: String?
    public var emailConfigs: [EmailConfig]?
    public var slackConfigs: [SlackConfig]?
    public var pagerdutyConfigs: [PagerdutyConfig]?
    public var webhookConfigs: [WebhookConfig]?
    public var opsgenieConfigs: [OpsGenieConfig]?
    public var msteamsConfigs: [MSTeamsConfig]?
    public var msteamsv2Configs: [MSTeamsV2Config]?
    public var telegramConfigs: [TelegramConfig]?
    public var discordConfigs: [DiscordConfig]?
    public var webexConfigs: [WebexConfig]?
    public var pushoverConfigs: [PushoverConfig]?
    public var victoropsConfigs: [VictorOpsConfig]?
    public var snsConfigs: [SNSConfig]?
    public var wechatConfigs: [WechatConfig]?
    public var origin: Provenance?

    enum CodingKeys: String, CodingKey {
        case name
        case emailConfigs = "email_configs"
        case slackConfigs = "slack_configs"
        case pagerdutyConfigs = "pagerduty_configs"
        case webhookConfigs = "webhook_configs"
        case opsgenieConfigs = "opsgenie_configs"
        case msteamsConfigs = "msteams_configs"
        case msteamsv2Configs = "msteamsv2_configs"
        case telegramConfigs = "telegram_configs"
        case discordConfigs = "discord_configs"
        case webexConfigs = "webex_configs"
        case pushoverConfigs = "pushover_configs"
        case victoropsConfigs = "victorops_configs"
        case snsConfigs = "sns_configs"
        case wechatConfigs = "wechat_configs"
        case origin
    }

    public init(name: String) { self.name = name }

    /// Every integration of the receiver, in the order of the fields above.
    public var integrations: [any Integration] {
        var out: [any Integration] = []
        out += (emailConfigs ?? []) as [any Integration]
        out += (slackConfigs ?? []) as [any Integration]
        out += (pagerdutyConfigs ?? []) as [any Integration]
        out += (webhookConfigs ?? []) as [any Integration]
        out += (opsgenieConfigs ?? []) as [any Integration]
        out += (msteamsConfigs ?? []) as [any Integration]
        out += (msteamsv2Configs ?? []) as [any Integration]
        out += (telegramConfigs ?? []) as [any Integration]
        out += (discordConfigs ?? []) as [any Integration]
        out += (webexConfigs ?? []) as [any Integration]
        out += (pushoverConfigs ?? []) as [any Integration]
        out += (victoropsConfigs ?? []) as [any Integration]
        out += (snsConfigs ?? []) as [any Integration]
        out += (wechatConfigs ?? []) as [any Integration]
        return out
    }
}

/// What every notification integration has.
public protocol Integration: Sendable {
    /// The list key it appears under (`slack_configs`).
    static var key: String { get }
    var sendResolved: Bool? { get }
    var httpConfig: HTTPClientConfig? { get }
    var origin: Provenance? { get }
    /// Fields holding credentials set inline, with their names (for redaction and
    /// `alertmanager/plaintext-secret`).
    var inlineSecrets: [(field: String, isSet: Bool)] { get }
}

extension Integration {
    public var httpConfig: HTTPClientConfig? { nil }
}
