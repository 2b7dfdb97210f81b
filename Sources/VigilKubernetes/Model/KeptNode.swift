import VigilCore

/// A field Vigil does not model (affinity, tolerations, a CRD's extra settings), kept exactly
/// as written and written back by `NodeEncoder`.
///
/// Like `RawNode`, but also `NodeRepresentable`, so rendering a decoded object loses nothing.
public struct KeptNode: Sendable, Codable, NodeRepresentable {
    public let node: Node

    public init(_ node: Node) { self.node = node }

    public init(from decoder: any Decoder) throws {
        if let backed = decoder as? any NodeBackedDecoder {
            node = backed.currentNode
        } else {
            node = .null
        }
    }

    public func makeNode() -> Node { node }

    public func encode(to encoder: any Encoder) throws { try node.encode(to: encoder) }
}

extension ExtraFields {
    /// Writes the kept pairs whose keys the model did not write itself (`NodeEncoder` does not
    /// do this for `ExtraFields` on its own).
    func encodeRemaining(into container: inout KeyedEncodingContainer<AnyCodingKey>, modelled: Set<String>) throws {
        for p in pairs {
            guard let key = p.key.scalarText, !modelled.contains(key) else { continue }
            try container.encode(p.value, forKey: AnyCodingKey(key))
        }
    }
}

/// Encodes optional fields by name into an `AnyCodingKey` container.
struct FieldWriter {
    var container: KeyedEncodingContainer<AnyCodingKey>
    var written: Set<String> = []

    init(_ encoder: any Encoder) {
        container = encoder.container(keyedBy: AnyCodingKey.self)
    }

    mutating func write<T: Encodable>(_ key: String, _ value: T?) throws {
        written.insert(key)
        if let value { try container.encode(value, forKey: AnyCodingKey(key)) }
    }

    mutating func finish(_ extra: ExtraFields?) throws {
        try extra?.encodeRemaining(into: &container, modelled: written)
    }
}

extension KeptNode: NodeWrapping {
    public init(wrapping node: Node) { self.init(node) }
}
