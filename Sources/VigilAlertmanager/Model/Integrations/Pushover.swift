import VigilCore

/// `pushover_configs`: Pushover notifications.
public struct PushoverConfig: Integration, Codable {
    public static let key = "pushover_configs"
    public var sendResolved: Bool?
    public var httpConfig: HTTPClientConfig?
    public var userKey: Secret?
    public var userKeyFile: String?
    public var token: Secret?
    public var tokenFile: String?
    public var title: String?
    public var message: String?
    public var url: String?
    public var urlTitle: String?
    public var device: String?
    public var sound: String?
    public var priority: String?
    public var retry: GoDuration?
    public var expire: GoDuration?
    public var ttl: GoDuration?
    public var html: Bool?
    public var origin: Provenance?

    enum CodingKeys: String, CodingKey {
        case sendResolved = "send_resolved"
        case httpConfig = "http_config"
        case userKey = "user_key"
        case userKeyFile = "user_key_file"
        case token
        case tokenFile = "token_file"
        case title
        case message
        case url
        case urlTitle = "url_title"
        case device
        case sound
        case priority
        case retry
        case expire
        case ttl
        case html
        case origin
    }

    public init() {}

    public var inlineSecrets: [(field: String, isSet: Bool)] {
        [("user_key", !(userKey?.isEmpty ?? true)), ("token", !(token?.isEmpty ?? true))]
    }
}
