import VigilCore

/// `telegram_configs`: Telegram bot messages.
public struct TelegramConfig: Integration, Codable {
    public static let key = "telegram_configs"
    public var sendResolved: Bool?
    public var httpConfig: HTTPClientConfig?
    public var apiURL: ConfigURL?
    public var botToken: Secret?
    public var botTokenFile: String?
    public var chatID: Int64?
    public var messageThreadID: Int64?
    public var message: String?
    public var disableNotifications: Bool?
    public var parseMode: String?
    public var origin: Provenance?

    enum CodingKeys: String, CodingKey {
        case sendResolved = "send_resolved"
        case httpConfig = "http_config"
        case apiURL = "api_url"
        case botToken = "bot_token"
        case botTokenFile = "bot_token_file"
        case chatID = "chat_id"
        case messageThreadID = "message_thread_id"
        case message
        case disableNotifications = "disable_notifications"
        case parseMode = "parse_mode"
        case origin
    }

    public init() {}

    public var inlineSecrets: [(field: String, isSet: Bool)] {
        [("bot_token", !(botToken?.isEmpty ?? true))]
    }
}
