/// Where a decoded model came from: the mapping node and file it was decoded from.
///
/// Declare `public var origin: Provenance?` in a `Codable` model and Vigil's decoder fills it
/// in with the node of the enclosing mapping, whatever the property is called; Vigil's encoder
/// skips it. Two provenances always compare equal, so models compare by content alone.
public struct Provenance: Sendable, Hashable, Codable {
    public let node: Node?
    public let file: SourceFile?

    public init(node: Node?, file: SourceFile?) {
        self.node = node
        self.file = file
    }

    public init(from decoder: any Decoder) throws {
        self.node = nil
        self.file = nil
    }

    public func encode(to encoder: any Encoder) throws {}

    public static func == (a: Provenance, b: Provenance) -> Bool { true }
    public func hash(into hasher: inout Hasher) {}

    /// The path of the file, or `<memory>` for models built in code.
    public var path: String { file?.path ?? "<memory>" }

    /// The range of the whole node.
    public var range: SourceRange? { node?.range }

    /// The range of a key of the mapping (pointing at the key itself).
    public func range(ofKey key: String) -> SourceRange? { node?.mapping?.pair(for: key)?.key.range }

    /// The range of the value of a key of the mapping.
    public func range(ofValue key: String) -> SourceRange? { node?.mapping?[key]?.range }
}
