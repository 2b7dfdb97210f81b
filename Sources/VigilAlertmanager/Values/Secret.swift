import VigilCore

/// A secret value (password, API key, token): decoded from a string, never printed.
///
/// `description` is always `<redacted>`, so string interpolation into a message, a diff or a
/// log line cannot leak it; read `value` explicitly where the secret itself is needed.
public struct Secret: Sendable, Hashable, Codable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The secret text.
    public let value: String

    public init(_ value: String) { self.value = value }

    /// What every report prints instead of a secret.
    public static let redacted = "<redacted>"

    public var description: String { Secret.redacted }
    public var debugDescription: String { Secret.redacted }
    /// Go treats an empty secret as unset.
    public var isEmpty: Bool { value.isEmpty }

    public init(from decoder: any Decoder) throws {
        value = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(value)
    }
}
