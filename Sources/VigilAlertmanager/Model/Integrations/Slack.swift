import VigilCore

/// `slack_configs`: Slack notifications through an incoming webhook or the API.
public struct SlackConfig: Integration, Codable {
    public static let key = "slack_configs"
    public var sendResolved: Bool?
    public var httpConfig: HTTPClientConfig?
    public var apiURL: SecretURL?
    public var apiURLFile: String?
    public var channel: String?
    public var username: String?
    public var color: String?
    public var title: String?
    public var titleLink: String?
    public var pretext: String?
    public var text: String?
    public var fields: [SlackField]?
    public var shortFields: Bool?
    public var footer: String?
    public var fallback: String?
    public var callbackID: String?
    public var iconEmoji: String?
    public var iconURL: String?
    public var imageURL: String?
    public var thumbURL: String?
    public var linkNames: Bool?
    public var mrkdwnIn: [String]?
    public var actions: [SlackAction]?
    public var origin: Provenance?

    enum CodingKeys: String, CodingKey {
        case sendResolved = "send_resolved"
        case httpConfig = "http_config"
        case apiURL = "api_url"
        case apiURLFile = "api_url_file"
        case channel
        case username
        case color
        case title
        case titleLink = "title_link"
        case pretext
        case text
        case fields
        case shortFields = "short_fields"
        case footer
        case fallback
        case callbackID = "callback_id"
        case iconEmoji = "icon_emoji"
        case iconURL = "icon_url"
        case imageURL = "image_url"
        case thumbURL = "thumb_url"
        case linkNames = "link_names"
        case mrkdwnIn = "mrkdwn_in"
        case actions
        case origin
    }

    public init() {}

    public var inlineSecrets: [(field: String, isSet: Bool)] {
        [("api_url", apiURL != nil)]
    }
}
