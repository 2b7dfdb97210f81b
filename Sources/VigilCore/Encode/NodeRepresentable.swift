/// A value that turns itself into a `Node` directly instead of going through `Encodable`.
///
/// `NodeEncoder` checks for this conformance before calling `encode(to:)`, so raw passthrough
/// fields (a `Node` kept verbatim from the input) keep their text, style and tags.
public protocol NodeRepresentable {
    /// The node this value is written as.
    func makeNode() -> Node
}

extension Node: NodeRepresentable {
    /// A node represents itself.
    public func makeNode() -> Node { self }
}

extension Node: Encodable {
    /// Encodes the node through any `Encoder`.
    ///
    /// `NodeEncoder` never calls this (it uses `makeNode()`); other encoders get scalars as
    /// the value a YAML 1.2 core-schema reader would see, mappings with their scalar keys in
    /// document order and sequences in order.
    public func encode(to encoder: any Encoder) throws {
        switch content {
        case .scalar(let s):
            var c = encoder.singleValueContainer()
            switch resolvedScalar {
            case .null: try c.encodeNil()
            case .bool(let b): try c.encode(b)
            case .int(let i): try c.encode(i)
            case .float(let d): try c.encode(d)
            case .string: try c.encode(s.text)
            }
        case .sequence(let items):
            var c = encoder.unkeyedContainer()
            for item in items { try c.encode(item) }
        case .mapping(let m):
            var c = encoder.container(keyedBy: AnyCodingKey.self)
            for p in m.pairs {
                guard let key = p.key.scalarText else {
                    throw EncodingError.invalidValue(
                        p.key,
                        EncodingError.Context(codingPath: c.codingPath, debugDescription: "a mapping key that is a collection cannot be encoded"))
                }
                try c.encode(p.value, forKey: AnyCodingKey(key))
            }
        }
    }
}

/// A coding key for any string (or integer) key: mapping keys that are data, not fields.
public struct AnyCodingKey: CodingKey, Sendable, Hashable {
    public let stringValue: String
    public let intValue: Int?

    /// A key with the given text.
    public init(_ string: String) {
        self.stringValue = string
        self.intValue = nil
    }

    public init?(stringValue: String) { self.init(stringValue) }

    public init?(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }
}
