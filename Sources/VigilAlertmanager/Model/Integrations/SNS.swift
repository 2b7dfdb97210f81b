import VigilCore

/// `sns_configs`: Amazon SNS messages.
public struct SNSConfig: Integration, Codable {
    public static let key = "sns_configs"
    public var sendResolved: Bool?
    public var httpConfig: HTTPClientConfig?
    public var apiURL: String?
    public var sigv4: SigV4Config?
    public var topicARN: String?
    public var phoneNumber: String?
    public var targetARN: String?
    public var subject: String?
    public var message: String?
    public var attributes: StringMap<String>?
    public var origin: Provenance?

    enum CodingKeys: String, CodingKey {
        case sendResolved = "send_resolved"
        case httpConfig = "http_config"
        case apiURL = "api_url"
        case sigv4
        case topicARN = "topic_arn"
        case phoneNumber = "phone_number"
        case targetARN = "target_arn"
        case subject
        case message
        case attributes
        case origin
    }

    public init() {}

    public var inlineSecrets: [(field: String, isSet: Bool)] {
        []
    }
}
