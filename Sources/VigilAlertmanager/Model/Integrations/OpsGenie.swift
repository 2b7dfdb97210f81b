import VigilCore

/// `opsgenie_configs`: Opsgenie alerts.
public struct OpsGenieConfig: Integration, Codable {
    public static let key = "opsgenie_configs"
    public var sendResolved: Bool?
    public var httpConfig: HTTPClientConfig?
    public var apiKey: Secret?
    public var apiKeyFile: String?
    public var apiURL: ConfigURL?
    public var message: String?
    public var description: String?
    public var source: String?
    public var details: StringMap<String>?
    public var entity: String?
    public var responders: [OpsGenieResponder]?
    public var actions: String?
    public var tags: String?
    public var note: String?
    public var priority: String?
    public var updateAlerts: Bool?
    public var origin: Provenance?

    enum CodingKeys: String, CodingKey {
        case sendResolved = "send_resolved"
        case httpConfig = "http_config"
        case apiKey = "api_key"
        case apiKeyFile = "api_key_file"
        case apiURL = "api_url"
        case message
        case description
        case source
        case details
        case entity
        case responders
        case actions
        case tags
        case note
        case priority
        case updateAlerts = "update_alerts"
        case origin
    }

    public init() {}

    public var inlineSecrets: [(field: String, isSet: Bool)] {
        [("api_key", !(apiKey?.isEmpty ?? true))]
    }
}
