import VigilCore

/// `pagerduty_configs`: PagerDuty events (v2 `routing_key` or v1 `service_key`).
public struct PagerdutyConfig: Integration, Codable {
    public static let key = "pagerduty_configs"
    public var sendResolved: Bool?
    public var httpConfig: HTTPClientConfig?
    public var serviceKey: Secret?
    public var serviceKeyFile: String?
    public var routingKey: Secret?
    public var routingKeyFile: String?
    public var url: ConfigURL?
    public var client: String?
    public var clientURL: String?
    public var description: String?
    public var details: StringMap<String>?
    public var images: [PagerdutyImage]?
    public var links: [PagerdutyLink]?
    public var source: String?
    public var severity: String?
    public var eventClass: String?
    public var component: String?
    public var group: String?
    public var origin: Provenance?

    enum CodingKeys: String, CodingKey {
        case sendResolved = "send_resolved"
        case httpConfig = "http_config"
        case serviceKey = "service_key"
        case serviceKeyFile = "service_key_file"
        case routingKey = "routing_key"
        case routingKeyFile = "routing_key_file"
        case url
        case client
        case clientURL = "client_url"
        case description
        case details
        case images
        case links
        case source
        case severity
        case eventClass = "class"
        case component
        case group
        case origin
    }

    public init() {}

    public var inlineSecrets: [(field: String, isSet: Bool)] {
        [("service_key", !(serviceKey?.isEmpty ?? true)), ("routing_key", !(routingKey?.isEmpty ?? true))]
    }
}
