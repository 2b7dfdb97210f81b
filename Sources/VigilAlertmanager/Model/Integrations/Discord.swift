import VigilCore

/// `discord_configs`: Discord webhooks.
public struct DiscordConfig: Integration, Codable {
    public static let key = "discord_configs"
    public var sendResolved: Bool?
    public var httpConfig: HTTPClientConfig?
    public var webhookURL: SecretURL?
    public var webhookURLFile: String?
    public var title: String?
    public var message: String?
    public var origin: Provenance?

    enum CodingKeys: String, CodingKey {
        case sendResolved = "send_resolved"
        case httpConfig = "http_config"
        case webhookURL = "webhook_url"
        case webhookURLFile = "webhook_url_file"
        case title
        case message
        case origin
    }

    public init() {}

    public var inlineSecrets: [(field: String, isSet: Bool)] {
        [("webhook_url", webhookURL != nil)]
    }
}
