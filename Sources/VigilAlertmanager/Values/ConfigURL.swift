import Foundation
import VigilCore

/// An `http`/`https` URL as Alertmanager's config accepts it (scheme and host required).
public struct ConfigURL: Sendable, Hashable, Codable, CustomStringConvertible {
    public let text: String
    public let scheme: String
    public let host: String
    public let path: String

    /// Parses `text`, throwing Alertmanager's message when it is not an http(s) URL with a host.
    public init(validating text: String) throws {
        guard let c = URLComponents(string: text) else { throw ConfigURLError.unparsable }
        let scheme = c.scheme?.lowercased() ?? ""
        guard scheme == "http" || scheme == "https" else { throw ConfigURLError.scheme(scheme) }
        guard let host = c.host, !host.isEmpty else { throw ConfigURLError.missingHost }
        self.text = text
        self.scheme = scheme
        self.host = host
        self.path = c.percentEncodedPath
    }

    public var description: String { text }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        do { self = try ConfigURL(validating: s) } catch let e as ConfigURLError {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: e.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(text)
    }
}

/// A URL that carries a credential (a Slack or Discord webhook, a webhook with a token in its
/// path): validated like `ConfigURL`, printed as `scheme://host/<redacted>`.
public struct SecretURL: Sendable, Hashable, Codable, CustomStringConvertible {
    public let url: ConfigURL

    public init(validating text: String) throws { url = try ConfigURL(validating: text) }

    /// The full URL, secret parts included; never put it in a report.
    public var value: String { url.text }
    public var description: String { "\(url.scheme)://\(url.host)/\(Secret.redacted)" }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        do { url = try ConfigURL(validating: s) } catch let e as ConfigURLError {
            // Alertmanager itself hides the URL of a secret URL in its messages.
            throw DecodingError.dataCorruptedError(in: c, debugDescription: e.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(url.text)
    }
}

/// Why a URL was rejected, in Alertmanager's words (never including the URL itself).
public enum ConfigURLError: Error, CustomStringConvertible, Sendable {
    case unparsable
    case scheme(String)
    case missingHost

    public var description: String {
        switch self {
        case .unparsable: return "invalid URL; expected http:// or https:// followed by a host"
        case .scheme(let s): return "unsupported scheme \"\(s)\" for URL; use http:// or https://"
        case .missingHost: return "missing host for URL"
        }
    }
}

/// A `host:port` address (`smtp_smarthost`, `smarthost`); the port is required.
public struct HostPort: Sendable, Hashable, Codable, CustomStringConvertible {
    public let host: String
    public let port: String

    /// An unset address (`smarthost: ''`), which Alertmanager fills from `global`.
    public var isEmpty: Bool { host.isEmpty && port.isEmpty }

    public init(validating text: String) throws {
        if text.isEmpty {
            host = ""
            port = ""
            return
        }
        var host = Substring(text)
        let port: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { throw HostPortError("address \(text): missing ']' in address") }
            host = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix(":") else { throw HostPortError("address \(text): missing port in address") }
            port = rest.dropFirst()
        } else {
            guard let colon = text.lastIndex(of: ":") else { throw HostPortError("address \(text): missing port in address") }
            host = text[..<colon]
            port = text[text.index(after: colon)...]
            if host.contains(":") { throw HostPortError("address \(text): too many colons in address") }
        }
        if port.isEmpty { throw HostPortError("address \"\(text)\": port cannot be empty") }
        self.host = String(host)
        self.port = String(port)
    }

    public var description: String { isEmpty ? "" : host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        do { self = try HostPort(validating: s) } catch let e as HostPortError {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: e.message)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

struct HostPortError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
