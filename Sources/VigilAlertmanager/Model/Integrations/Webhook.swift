import VigilCore

/// `webhook_configs`: A generic webhook receiving the alert group as JSON.
public struct WebhookConfig: Integration, Codable {
    public static let key = "webhook_configs"
    public var sendResolved: Bool?
    public var httpConfig: HTTPClientConfig?
    public var url: SecretURL?
    public var urlFile: String?
    public var maxAlerts: UInt64?
    public var timeout: Duration?
    public var origin: Provenance?

    enum CodingKeys: String, CodingKey {
        case sendResolved = "send_resolved"
        case httpConfig = "http_config"
        case url
        case urlFile = "url_file"
        case maxAlerts = "max_alerts"
        case timeout
        case origin
    }

    public init() {}

    public var inlineSecrets: [(field: String, isSet: Bool)] {
        [("url", url != nil)]
    }
}
