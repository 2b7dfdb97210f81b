import VigilCore

/// `webex_configs`: Cisco Webex messages (the bot token goes in `http_config.authorization`).
public struct WebexConfig: Integration, Codable {
    public static let key = "webex_configs"
    public var sendResolved: Bool?
    public var httpConfig: HTTPClientConfig?
    public var apiURL: ConfigURL?
    public var message: String?
    public var roomID: String?
    public var origin: Provenance?

    enum CodingKeys: String, CodingKey {
        case sendResolved = "send_resolved"
        case httpConfig = "http_config"
        case apiURL = "api_url"
        case message
        case roomID = "room_id"
        case origin
    }

    public init() {}

    public var inlineSecrets: [(field: String, isSet: Bool)] {
        []
    }
}
