import VigilCore

/// `http_config` (Prometheus' common HTTP client settings) of `global` and each integration.
public struct HTTPClientConfig: Sendable, Codable {
    public var basicAuth: BasicAuth?
    public var authorization: Authorization?
    public var oauth2: OAuth2?
    public var bearerToken: Secret?
    public var bearerTokenFile: String?
    public var tlsConfig: TLSConfig?
    public var proxyURL: String?
    public var noProxy: String?
    public var proxyFromEnvironment: Bool?
    public var proxyConnectHeader: StringMap<[Secret]>?
    public var followRedirects: Bool?
    public var enableHTTP2: Bool?
    public var origin: Provenance?

    enum CodingKeys: String, CodingKey {
        case basicAuth = "basic_auth"
        case authorization, oauth2
        case bearerToken = "bearer_token"
        case bearerTokenFile = "bearer_token_file"
        case tlsConfig = "tls_config"
        case proxyURL = "proxy_url"
        case noProxy = "no_proxy"
        case proxyFromEnvironment = "proxy_from_environment"
        case proxyConnectHeader = "proxy_connect_header"
        case followRedirects = "follow_redirects"
        case enableHTTP2 = "enable_http2"
        case origin
    }

    public struct BasicAuth: Sendable, Codable {
        public var username: String?
        public var usernameFile: String?
        public var password: Secret?
        public var passwordFile: String?
        public var origin: Provenance?
        enum CodingKeys: String, CodingKey {
            case username
            case usernameFile = "username_file"
            case password
            case passwordFile = "password_file"
            case origin
        }
    }

    public struct Authorization: Sendable, Codable {
        public var type: String?
        public var credentials: Secret?
        public var credentialsFile: String?
        public var origin: Provenance?
        enum CodingKeys: String, CodingKey {
            case type, credentials
            case credentialsFile = "credentials_file"
            case origin
        }
    }

    public struct OAuth2: Sendable, Codable {
        public var clientID: String?
        public var clientSecret: Secret?
        public var clientSecretFile: String?
        public var scopes: [String]?
        public var tokenURL: String?
        public var endpointParams: StringMap<String>?
        public var tlsConfig: TLSConfig?
        public var proxyURL: String?
        public var origin: Provenance?
        enum CodingKeys: String, CodingKey {
            case clientID = "client_id"
            case clientSecret = "client_secret"
            case clientSecretFile = "client_secret_file"
            case scopes
            case tokenURL = "token_url"
            case endpointParams = "endpoint_params"
            case tlsConfig = "tls_config"
            case proxyURL = "proxy_url"
            case origin
        }
    }
}

/// TLS settings of an HTTP client or an SMTP connection.
public struct TLSConfig: Sendable, Codable {
    public var ca: String?
    public var cert: String?
    public var key: Secret?
    public var caFile: String?
    public var certFile: String?
    public var keyFile: String?
    public var serverName: String?
    public var insecureSkipVerify: Bool?
    public var minVersion: String?
    public var maxVersion: String?
    public var origin: Provenance?

    enum CodingKeys: String, CodingKey {
        case ca, cert, key
        case caFile = "ca_file"
        case certFile = "cert_file"
        case keyFile = "key_file"
        case serverName = "server_name"
        case insecureSkipVerify = "insecure_skip_verify"
        case minVersion = "min_version"
        case maxVersion = "max_version"
        case origin
    }
}
