import VigilCore

/// `msteamsv2_configs`: Microsoft Teams through Power Automate flows (Alertmanager 0.28+).
public struct MSTeamsV2Config: Integration, Codable {
    public static let key = "msteamsv2_configs"
    public var sendResolved: Bool?
    public var httpConfig: HTTPClientConfig?
    public var webhookURL: SecretURL?
    public var webhookURLFile: String?
    public var title: String?
    public var text: String?
    public var origin: Provenance?

    enum CodingKeys: String, CodingKey {
        case sendResolved = "send_resolved"
        case httpConfig = "http_config"
        case webhookURL = "webhook_url"
        case webhookURLFile = "webhook_url_file"
        case title
        case text
        case origin
    }

    public init() {}

    public var inlineSecrets: [(field: String, isSet: Bool)] {
        [("webhook_url", webhookURL != nil)]
    }
}
