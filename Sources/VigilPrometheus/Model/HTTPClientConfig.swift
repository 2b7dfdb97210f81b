import VigilCore

/// The HTTP client settings shared by scrape configs, Alertmanager configs, remote storage and
/// HTTP-based service discovery (inline in those sections, as in Prometheus' `common/config`).
public struct HTTPClientConfig: Sendable, Decodable {
    public var basicAuth: BasicAuth?
    public var authorization: Authorization?
    public var oauth2: OAuth2?
    public var bearerToken: String?
    public var bearerTokenFile: String?
    public var tlsConfig: TLSConfig?
    public var proxyURL: String?
    public var noProxy: String?
    public var proxyFromEnvironment: Bool?
    public var proxyConnectHeader: RawNode?
    public var followRedirects: Bool?
    public var enableHTTP2: Bool?
    public var httpHeaders: RawNode?
    public var origin: Provenance?

    enum CodingKeys: String, CodingKey {
        case authorization, oauth2, origin
        case basicAuth = "basic_auth"
        case bearerToken = "bearer_token"
        case bearerTokenFile = "bearer_token_file"
        case tlsConfig = "tls_config"
        case proxyURL = "proxy_url"
        case noProxy = "no_proxy"
        case proxyFromEnvironment = "proxy_from_environment"
        case proxyConnectHeader = "proxy_connect_header"
        case followRedirects = "follow_redirects"
        case enableHTTP2 = "enable_http2"
        case httpHeaders = "http_headers"
    }
}

/// `basic_auth`.
public struct BasicAuth: Sendable, Decodable {
    public var username: String?
    public var usernameFile: String?
    public var usernameRef: String?
    public var password: String?
    public var passwordFile: String?
    public var passwordRef: String?
    public var origin: Provenance?

    enum CodingKeys: String, CodingKey {
        case username, password, origin
        case usernameFile = "username_file"
        case usernameRef = "username_ref"
        case passwordFile = "password_file"
        case passwordRef = "password_ref"
    }
}

/// `authorization`.
public struct Authorization: Sendable, Decodable {
    public var type: String?
    public var credentials: String?
    public var credentialsFile: String?
    public var credentialsRef: String?
    public var origin: Provenance?

    enum CodingKeys: String, CodingKey {
        case type, credentials, origin
        case credentialsFile = "credentials_file"
        case credentialsRef = "credentials_ref"
    }
}

/// `oauth2`.
public struct OAuth2: Sendable, Decodable {
    public var clientID: String?
    public var clientSecret: String?
    public var clientSecretFile: String?
    public var clientSecretRef: String?
    public var scopes: [String]?
    public var tokenURL: String?
    public var endpointParams: StringMap<String>?
    public var tlsConfig: TLSConfig?
    public var proxyURL: String?
    public var noProxy: String?
    public var proxyFromEnvironment: Bool?
    public var proxyConnectHeader: RawNode?
    public var origin: Provenance?

    enum CodingKeys: String, CodingKey {
        case scopes, origin
        case clientID = "client_id"
        case clientSecret = "client_secret"
        case clientSecretFile = "client_secret_file"
        case clientSecretRef = "client_secret_ref"
        case tokenURL = "token_url"
        case endpointParams = "endpoint_params"
        case tlsConfig = "tls_config"
        case proxyURL = "proxy_url"
        case noProxy = "no_proxy"
        case proxyFromEnvironment = "proxy_from_environment"
        case proxyConnectHeader = "proxy_connect_header"
    }
}

/// `tls_config`.
public struct TLSConfig: Sendable, Decodable {
    public var ca: String?
    public var caFile: String?
    public var caRef: String?
    public var cert: String?
    public var certFile: String?
    public var certRef: String?
    public var key: String?
    public var keyFile: String?
    public var keyRef: String?
    public var serverName: String?
    public var insecureSkipVerify: Bool?
    public var minVersion: String?
    public var maxVersion: String?
    public var origin: Provenance?

    enum CodingKeys: String, CodingKey {
        case ca, cert, key, origin
        case caFile = "ca_file"
        case caRef = "ca_ref"
        case certFile = "cert_file"
        case certRef = "cert_ref"
        case keyFile = "key_file"
        case keyRef = "key_ref"
        case serverName = "server_name"
        case insecureSkipVerify = "insecure_skip_verify"
        case minVersion = "min_version"
        case maxVersion = "max_version"
    }
}

/// One `relabel_configs` entry.
public struct RelabelConfig: Sendable, Decodable {
    public var sourceLabels: [String]?
    public var separator: String?
    public var regex: String?
    public var modulus: UInt64?
    public var targetLabel: String?
    public var replacement: String?
    public var action: String?
    public var origin: Provenance?

    enum CodingKeys: String, CodingKey {
        case separator, regex, modulus, replacement, action, origin
        case sourceLabels = "source_labels"
        case targetLabel = "target_label"
    }

    /// The actions Prometheus knows (compared case-insensitively, as Prometheus does).
    public static let actions = ["replace", "keep", "drop", "keepequal", "dropequal", "hashmod", "labelmap", "labeldrop", "labelkeep", "lowercase", "uppercase"]

    /// The action in effect (`replace` when not set).
    public var effectiveAction: String { (action ?? "replace").lowercased() }
}

/// A `static_configs` entry.
public struct StaticConfig: Sendable, Decodable {
    public var targets: [String]?
    public var labels: StringMap<String>?
    public var origin: Provenance?
}

/// The service-discovery sections of a scrape or Alertmanager config (inline).
///
/// Static, file, DNS and Kubernetes discovery are modelled and checked; every other mechanism
/// Prometheus supports is accepted and kept as raw nodes.
public struct ServiceDiscoveryConfigs: Sendable, Decodable {
    public var staticConfigs: [StaticConfig]?
    public var fileSDConfigs: [FileSDConfig]?
    public var dnsSDConfigs: [DNSSDConfig]?
    public var kubernetesSDConfigs: [KubernetesSDConfig]?
    /// Other mechanisms by key (`ec2_sd_configs` …), not checked.
    public var others: [String: [RawNode]] = [:]

    /// Service-discovery keys passed through unchecked.
    public static let passthroughKeys = [
        "azure_sd_configs", "consul_sd_configs", "digitalocean_sd_configs", "docker_sd_configs", "dockerswarm_sd_configs",
        "ec2_sd_configs", "eureka_sd_configs", "gce_sd_configs", "hetzner_sd_configs", "http_sd_configs", "ionos_sd_configs",
        "kuma_sd_configs", "lightsail_sd_configs", "linode_sd_configs", "marathon_sd_configs", "nerve_sd_configs",
        "nomad_sd_configs", "openstack_sd_configs", "ovhcloud_sd_configs", "puppetdb_sd_configs", "scaleway_sd_configs",
        "serverset_sd_configs", "triton_sd_configs", "uyuni_sd_configs", "vultr_sd_configs", "stackit_sd_configs",
    ]

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        staticConfigs = try c.decodeIfPresent([StaticConfig].self, forKey: Key(stringValue: "static_configs"))
        fileSDConfigs = try c.decodeIfPresent([FileSDConfig].self, forKey: Key(stringValue: "file_sd_configs"))
        dnsSDConfigs = try c.decodeIfPresent([DNSSDConfig].self, forKey: Key(stringValue: "dns_sd_configs"))
        kubernetesSDConfigs = try c.decodeIfPresent([KubernetesSDConfig].self, forKey: Key(stringValue: "kubernetes_sd_configs"))
        for key in Self.passthroughKeys {
            if let v = try c.decodeIfPresent([RawNode].self, forKey: Key(stringValue: key)) { others[key] = v }
        }
    }

    /// Whether any discovery mechanism is configured.
    public var isEmpty: Bool {
        (staticConfigs ?? []).isEmpty && (fileSDConfigs ?? []).isEmpty && (dnsSDConfigs ?? []).isEmpty
            && (kubernetesSDConfigs ?? []).isEmpty && others.isEmpty
    }
}

/// `file_sd_configs`.
public struct FileSDConfig: Sendable, Decodable {
    public var files: [String]?
    public var refreshInterval: Duration?
    public var origin: Provenance?

    enum CodingKeys: String, CodingKey {
        case files, origin
        case refreshInterval = "refresh_interval"
    }
}

/// `dns_sd_configs`.
public struct DNSSDConfig: Sendable, Decodable {
    public var names: [String]?
    public var type: String?
    public var port: Int?
    public var refreshInterval: Duration?
    public var origin: Provenance?

    enum CodingKeys: String, CodingKey {
        case names, type, port, origin
        case refreshInterval = "refresh_interval"
    }
}

/// `kubernetes_sd_configs`.
public struct KubernetesSDConfig: Sendable, Decodable {
    public var role: String?
    public var apiServer: String?
    public var kubeconfigFile: String?
    public var namespaces: Namespaces?
    public var selectors: [Selector]?
    public var attachMetadata: AttachMetadata?
    public var http: HTTPClientConfig
    public var origin: Provenance?

    public struct Namespaces: Sendable, Decodable {
        public var ownNamespace: Bool?
        public var names: [String]?
        enum CodingKeys: String, CodingKey {
            case names
            case ownNamespace = "own_namespace"
        }
    }

    public struct Selector: Sendable, Decodable {
        public var role: String?
        public var label: String?
        public var field: String?
        public var origin: Provenance?
    }

    public struct AttachMetadata: Sendable, Decodable {
        public var node: Bool?
        public var namespace: Bool?
    }

    /// The roles Prometheus accepts.
    public static let roles = ["endpoints", "endpointslice", "service", "pod", "node", "ingress"]

    struct Own: Decodable {
        var role: String?
        var apiServer: String?
        var kubeconfigFile: String?
        var namespaces: Namespaces?
        var selectors: [Selector]?
        var attachMetadata: AttachMetadata?
        var origin: Provenance?
        enum CodingKeys: String, CodingKey {
            case role, namespaces, selectors, origin
            case apiServer = "api_server"
            case kubeconfigFile = "kubeconfig_file"
            case attachMetadata = "attach_metadata"
        }
    }

    public init(from decoder: any Decoder) throws {
        let own = try Own(from: decoder)
        role = own.role
        apiServer = own.apiServer
        kubeconfigFile = own.kubeconfigFile
        namespaces = own.namespaces
        selectors = own.selectors
        attachMetadata = own.attachMetadata
        origin = own.origin
        http = try HTTPClientConfig(from: decoder)
    }
}
