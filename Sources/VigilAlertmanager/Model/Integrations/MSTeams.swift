import VigilCore

/// `msteams_configs`: Microsoft Teams (Office 365 connector webhooks; Alertmanager 0.26+).
public struct MSTeamsConfig: Integration, Codable {
    public static let key = "msteams_configs"
    public var sendResolved: Bool?
    public var httpConfig: HTTPClientConfig?
    public var webhookURL: SecretURL?
    public var webhookURLFile: String?
    public var title: String?
    public var summary: String?
    public var text: String?
    public var origin: Provenance?

    enum CodingKeys: String, CodingKey {
        case sendResolved = "send_resolved"
        case httpConfig = "http_config"
        case webhookURL = "webhook_url"
        case webhookURLFile = "webhook_url_file"
        case title
        case summary
        case text
        case origin
    }

    public init() {}

    public var inlineSecrets: [(field: String, isSet: Bool)] {
        [("webhook_url", webhookURL != nil)]
    }
}
