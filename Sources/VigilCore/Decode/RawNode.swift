/// A field kept as the raw node it was written as (free-form configuration, passthrough).
///
/// Vigil's decoder fills it with the node itself; Vigil's encoder writes the node back.
public struct RawNode: Sendable, Codable {
    public let node: Node

    public init(_ node: Node) { self.node = node }

    /// Decoding through a foreign decoder keeps nothing.
    public init(from decoder: any Decoder) throws {
        if let backed = decoder as? any NodeBackedDecoder {
            node = backed.currentNode
        } else {
            node = .null
        }
    }

    public func encode(to encoder: any Encoder) throws {}
}

extension RawNode: NodeRepresentable {
    /// A raw node is written back as the node it was read as.
    public func makeNode() -> Node { node }
}
