import VigilCore

/// `wechat_configs`: WeChat Work messages.
public struct WechatConfig: Integration, Codable {
    public static let key = "wechat_configs"
    public var sendResolved: Bool?
    public var httpConfig: HTTPClientConfig?
    public var apiSecret: Secret?
    public var corpID: String?
    public var message: String?
    public var apiURL: ConfigURL?
    public var toUser: String?
    public var toParty: String?
    public var toTag: String?
    public var agentID: String?
    public var messageType: String?
    public var origin: Provenance?

    enum CodingKeys: String, CodingKey {
        case sendResolved = "send_resolved"
        case httpConfig = "http_config"
        case apiSecret = "api_secret"
        case corpID = "corp_id"
        case message
        case apiURL = "api_url"
        case toUser = "to_user"
        case toParty = "to_party"
        case toTag = "to_tag"
        case agentID = "agent_id"
        case messageType = "message_type"
        case origin
    }

    public init() {}

    public var inlineSecrets: [(field: String, isSet: Bool)] {
        [("api_secret", !(apiSecret?.isEmpty ?? true))]
    }
}
