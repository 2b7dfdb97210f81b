import VigilCore

/// `email_configs`: Email (SMTP) notifications.
public struct EmailConfig: Integration, Codable {
    public static let key = "email_configs"
    public var sendResolved: Bool?
    public var httpConfig: HTTPClientConfig?
    public var to: String?
    public var from: String?
    public var hello: String?
    public var smarthost: HostPort?
    public var authUsername: String?
    public var authPassword: Secret?
    public var authPasswordFile: String?
    public var authSecret: Secret?
    public var authIDentity: String?
    public var headers: StringMap<String>?
    public var html: String?
    public var text: String?
    public var requireTLS: Bool?
    public var tlsConfig: TLSConfig?
    public var origin: Provenance?

    enum CodingKeys: String, CodingKey {
        case sendResolved = "send_resolved"
        case httpConfig = "http_config"
        case to
        case from
        case hello
        case smarthost
        case authUsername = "auth_username"
        case authPassword = "auth_password"
        case authPasswordFile = "auth_password_file"
        case authSecret = "auth_secret"
        case authIDentity = "auth_identity"
        case headers
        case html
        case text
        case requireTLS = "require_tls"
        case tlsConfig = "tls_config"
        case origin
    }

    public init() {}

    public var inlineSecrets: [(field: String, isSet: Bool)] {
        [("auth_password", !(authPassword?.isEmpty ?? true)), ("auth_secret", !(authSecret?.isEmpty ?? true))]
    }
}
