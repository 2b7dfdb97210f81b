import VigilCore

/// A Slack attachment field.
public struct SlackField: Sendable, Codable {
    public var title: String?
    public var value: String?
    public var short: Bool?
    public var origin: Provenance?
}

/// A Slack message button.
public struct SlackAction: Sendable, Codable {
    public var type: String?
    public var text: String?
    public var url: String?
    public var style: String?
    public var name: String?
    public var value: String?
    public var confirm: SlackConfirmationField?
    public var origin: Provenance?
}

/// The confirmation dialog of a Slack action.
public struct SlackConfirmationField: Sendable, Codable {
    public var text: String?
    public var title: String?
    public var okText: String?
    public var dismissText: String?
    public var origin: Provenance?
    enum CodingKeys: String, CodingKey {
        case text, title
        case okText = "ok_text"
        case dismissText = "dismiss_text"
        case origin
    }
}

/// An image attached to a PagerDuty event.
public struct PagerdutyImage: Sendable, Codable {
    public var src: String?
    public var alt: String?
    public var href: String?
    public var origin: Provenance?
}

/// A link attached to a PagerDuty event.
public struct PagerdutyLink: Sendable, Codable {
    public var href: String?
    public var text: String?
    public var origin: Provenance?
}

/// Who an Opsgenie alert goes to.
public struct OpsGenieResponder: Sendable, Codable {
    public var id: String?
    public var name: String?
    public var username: String?
    public var type: String?
    public var origin: Provenance?
}

/// AWS Signature v4 settings of an SNS integration.
public struct SigV4Config: Sendable, Codable {
    public var region: String?
    public var accessKey: String?
    public var secretKey: Secret?
    public var profile: String?
    public var roleARN: String?
    public var origin: Provenance?
    enum CodingKeys: String, CodingKey {
        case region
        case accessKey = "access_key"
        case secretKey = "secret_key"
        case profile
        case roleARN = "role_arn"
        case origin
    }
}
