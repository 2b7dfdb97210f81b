import VigilCore

/// An Alertmanager configuration file (`alertmanager.yml`), as Alertmanager reads it.
///
/// Decoded strictly (unknown fields are errors, as `amtool check-config` makes them); the
/// semantic rules Alertmanager enforces after decoding (receivers defined, root route without
/// matchers…) are checks in `Checks/`.
public struct AlertmanagerConfig: Sendable, Codable {
    public var global: GlobalConfig?
    public var route: Route?
    public var inhibitRules: [InhibitRule]?
    public var receivers: [Receiver]?
    public var templates: [String]?
    /// Deprecated in favour of `time_intervals`; both are read.
    public var muteTimeIntervals: [NamedTimeInterval]?
    public var timeIntervals: [NamedTimeInterval]?
    public var origin: Provenance?

    enum CodingKeys: String, CodingKey {
        case global, route
        case inhibitRules = "inhibit_rules"
        case receivers, templates
        case muteTimeIntervals = "mute_time_intervals"
        case timeIntervals = "time_intervals"
        case origin
    }

    public init(global: GlobalConfig? = nil, route: Route? = nil, inhibitRules: [InhibitRule]? = nil,
                receivers: [Receiver]? = nil, templates: [String]? = nil,
                muteTimeIntervals: [NamedTimeInterval]? = nil, timeIntervals: [NamedTimeInterval]? = nil) {
        self.global = global
        self.route = route
        self.inhibitRules = inhibitRules
        self.receivers = receivers
        self.templates = templates
        self.muteTimeIntervals = muteTimeIntervals
        self.timeIntervals = timeIntervals
    }

    /// Every receiver name, in declaration order.
    public var receiverNames: [String] { (receivers ?? []).compactMap(\.name) }

    /// Every time interval name (`time_intervals` and the deprecated `mute_time_intervals`).
    public var timeIntervalNames: [String] {
        ((muteTimeIntervals ?? []) + (timeIntervals ?? [])).compactMap(\.name)
    }

    /// The global settings with Alertmanager's defaults where the file leaves them unset.
    public var effectiveGlobal: GlobalConfig { global ?? GlobalConfig() }
}

/// The `global` section: defaults shared by the integrations.
public struct GlobalConfig: Sendable, Codable {
    public var resolveTimeout: Duration?
    public var httpConfig: HTTPClientConfig?
    public var smtpFrom: String?
    public var smtpHello: String?
    public var smtpSmarthost: HostPort?
    public var smtpAuthUsername: String?
    public var smtpAuthPassword: Secret?
    public var smtpAuthPasswordFile: String?
    public var smtpAuthSecret: Secret?
    public var smtpAuthIdentity: String?
    public var smtpRequireTLS: Bool?
    public var slackAPIURL: SecretURL?
    public var slackAPIURLFile: String?
    public var pagerdutyURL: ConfigURL?
    public var opsgenieAPIURL: ConfigURL?
    public var opsgenieAPIKey: Secret?
    public var opsgenieAPIKeyFile: String?
    public var wechatAPIURL: ConfigURL?
    public var wechatAPISecret: Secret?
    public var wechatAPICorpID: String?
    public var victoropsAPIURL: ConfigURL?
    public var victoropsAPIKey: Secret?
    public var victoropsAPIKeyFile: String?
    public var telegramAPIURL: ConfigURL?
    public var webexAPIURL: ConfigURL?
    public var origin: Provenance?

    enum CodingKeys: String, CodingKey {
        case resolveTimeout = "resolve_timeout"
        case httpConfig = "http_config"
        case smtpFrom = "smtp_from"
        case smtpHello = "smtp_hello"
        case smtpSmarthost = "smtp_smarthost"
        case smtpAuthUsername = "smtp_auth_username"
        case smtpAuthPassword = "smtp_auth_password"
        case smtpAuthPasswordFile = "smtp_auth_password_file"
        case smtpAuthSecret = "smtp_auth_secret"
        case smtpAuthIdentity = "smtp_auth_identity"
        case smtpRequireTLS = "smtp_require_tls"
        case slackAPIURL = "slack_api_url"
        case slackAPIURLFile = "slack_api_url_file"
        case pagerdutyURL = "pagerduty_url"
        case opsgenieAPIURL = "opsgenie_api_url"
        case opsgenieAPIKey = "opsgenie_api_key"
        case opsgenieAPIKeyFile = "opsgenie_api_key_file"
        case wechatAPIURL = "wechat_api_url"
        case wechatAPISecret = "wechat_api_secret"
        case wechatAPICorpID = "wechat_api_corp_id"
        case victoropsAPIURL = "victorops_api_url"
        case victoropsAPIKey = "victorops_api_key"
        case victoropsAPIKeyFile = "victorops_api_key_file"
        case telegramAPIURL = "telegram_api_url"
        case webexAPIURL = "webex_api_url"
        case origin
    }

    public init() {}

    /// Alertmanager's default `resolve_timeout`.
    public static let defaultResolveTimeout = Duration.minutes(5)
}
