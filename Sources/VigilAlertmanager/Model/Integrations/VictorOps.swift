import VigilCore

/// `victorops_configs`: Splunk On-Call (VictorOps) alerts.
public struct VictorOpsConfig: Integration, Codable {
    public static let key = "victorops_configs"
    public var sendResolved: Bool?
    public var httpConfig: HTTPClientConfig?
    public var apiKey: Secret?
    public var apiKeyFile: String?
    public var apiURL: ConfigURL?
    public var routingKey: String?
    public var messageType: String?
    public var stateMessage: String?
    public var entityDisplayName: String?
    public var monitoringTool: String?
    public var customFields: StringMap<String>?
    public var origin: Provenance?

    enum CodingKeys: String, CodingKey {
        case sendResolved = "send_resolved"
        case httpConfig = "http_config"
        case apiKey = "api_key"
        case apiKeyFile = "api_key_file"
        case apiURL = "api_url"
        case routingKey = "routing_key"
        case messageType = "message_type"
        case stateMessage = "state_message"
        case entityDisplayName = "entity_display_name"
        case monitoringTool = "monitoring_tool"
        case customFields = "custom_fields"
        case origin
    }

    public init() {}

    public var inlineSecrets: [(field: String, isSet: Bool)] {
        [("api_key", !(apiKey?.isEmpty ?? true))]
    }
}
