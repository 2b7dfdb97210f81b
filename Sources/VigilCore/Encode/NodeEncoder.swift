/// Encodes any `Encodable` value into a `Node` tree, keeping the order in which keys are
/// encoded (for synthesized `Codable`, the order of declaration).
///
/// - `encodeIfPresent(nil)` omits the key; `encodeNil` writes a null node.
/// - Strings become `str` scalars, `Bool` a `bool` scalar, integers `int` scalars and floats
///   `float` scalars with the text of `NumberText.float`.
/// - Values conforming to `NodeRepresentable` (including `Node`) are written as their node.
/// - Values that encode nothing at all, such as `Provenance`, are left out: their key is omitted
///   (in a sequence they become null).
/// - `[String: V]` dictionaries are written with their keys sorted, so output never depends on
///   hash order. Other unordered collections (`Set`) are written in iteration order: sort them
///   in the model, or use `StringMap`.
public struct NodeEncoder: Sendable {
    /// Context handed to `encode(to:)` implementations as `encoder.userInfo`.
    public var userInfo: [CodingUserInfoKey: any Sendable]

    public init(userInfo: [CodingUserInfoKey: any Sendable] = [:]) {
        self.userInfo = userInfo
    }

    /// The node tree for `value`; a value that encodes nothing becomes a null node.
    public func encode<T: Encodable>(_ value: T) throws -> Node {
        var info: [CodingUserInfoKey: Any] = [:]
        for (k, v) in userInfo { info[k] = v }
        let slot = EncodingSlot()
        let context = EncodingContext(userInfo: info)
        try slot.store(value, path: [], context: context)
        return slot.makeNode() ?? .null
    }
}

// MARK: - Storage

/// Shared, read-only settings of one encoding run.
final class EncodingContext {
    let userInfo: [CodingUserInfoKey: Any]
    init(userInfo: [CodingUserInfoKey: Any]) { self.userInfo = userInfo }
}

/// A place that becomes one node once encoding is done.
final class EncodingSlot {
    enum State {
        case unset
        case node(Node)
        case mapping(MappingBuilder)
        case sequence(SequenceBuilder)
    }

    var state: State = .unset

    /// The mapping being built here, replacing any other content.
    func mapping() -> MappingBuilder {
        if case .mapping(let m) = state { return m }
        let m = MappingBuilder()
        state = .mapping(m)
        return m
    }

    /// The sequence being built here, replacing any other content.
    func sequence() -> SequenceBuilder {
        if case .sequence(let s) = state { return s }
        let s = SequenceBuilder()
        state = .sequence(s)
        return s
    }

    /// Encodes `value` into this slot.
    func store<T: Encodable>(_ value: T, path: [any CodingKey], context: EncodingContext) throws {
        if value is Provenance { return }
        if let representable = value as? any NodeRepresentable {
            state = .node(representable.makeNode())
            return
        }
        let encoder = NodeEncoderImpl(slot: self, codingPath: path, context: context)
        if let dictionary = value as? any StringKeyedDictionary {
            try dictionary.encodeSorted(to: encoder)
            return
        }
        try value.encode(to: encoder)
    }

    /// The finished node, or nil when nothing was encoded.
    func makeNode() -> Node? {
        switch state {
        case .unset: return nil
        case .node(let n): return n
        case .mapping(let m):
            var pairs: [Pair] = []
            pairs.reserveCapacity(m.keys.count)
            for key in m.keys {
                if let slot = m.values[key], let value = slot.makeNode() {
                    pairs.append(Pair(key: .string(key), value: value))
                }
            }
            return Node(.mapping(Mapping(pairs)), tag: Tag.map)
        case .sequence(let s):
            return .sequence(s.items.map { $0.makeNode() ?? .null })
        }
    }
}

/// Keys in first-encoded order; encoding a key again replaces its value in place.
final class MappingBuilder {
    var keys: [String] = []
    var values: [String: EncodingSlot] = [:]

    func slot(for key: String) -> EncodingSlot {
        let slot = EncodingSlot()
        if values.updateValue(slot, forKey: key) == nil { keys.append(key) }
        return slot
    }

    func set(_ node: Node, for key: String) {
        slot(for: key).state = .node(node)
    }
}

final class SequenceBuilder {
    var items: [EncodingSlot] = []

    func append() -> EncodingSlot {
        let slot = EncodingSlot()
        items.append(slot)
        return slot
    }
}

/// Lets the encoder write string-keyed dictionaries with sorted keys.
protocol StringKeyedDictionary {
    func encodeSorted(to encoder: any Encoder) throws
}

extension Dictionary: StringKeyedDictionary where Key == String, Value: Encodable {
    func encodeSorted(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyCodingKey.self)
        for key in keys.sorted() {
            if let value = self[key] { try c.encode(value, forKey: AnyCodingKey(key)) }
        }
    }
}

// MARK: - Scalars

enum ScalarNodes {
    static func string(_ s: String) -> Node { .string(s) }
    static func float(_ d: Double) -> Node { .plain(NumberText.float(d), tag: Tag.float) }
    static func float(_ f: Float) -> Node { .plain(NumberText.float(f), tag: Tag.float) }
}

// MARK: - Encoder

struct NodeEncoderImpl: Encoder {
    let slot: EncodingSlot
    let codingPath: [any CodingKey]
    let context: EncodingContext

    init(slot: EncodingSlot, codingPath: [any CodingKey], context: EncodingContext) {
        self.slot = slot
        self.codingPath = codingPath
        self.context = context
    }

    var userInfo: [CodingUserInfoKey: Any] { context.userInfo }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(NodeKeyedContainer<Key>(map: slot.mapping(), codingPath: codingPath, context: context))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        NodeUnkeyedContainer(list: slot.sequence(), codingPath: codingPath, context: context)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        NodeSingleValueContainer(slot: slot, codingPath: codingPath, context: context)
    }
}

struct NodeKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let map: MappingBuilder
    let codingPath: [any CodingKey]
    let context: EncodingContext

    mutating func encodeNil(forKey key: Key) throws { map.set(.null, for: key.stringValue) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { map.set(.bool(value), for: key.stringValue) }
    mutating func encode(_ value: String, forKey key: Key) throws { map.set(.string(value), for: key.stringValue) }
    mutating func encode(_ value: Double, forKey key: Key) throws { map.set(ScalarNodes.float(value), for: key.stringValue) }
    mutating func encode(_ value: Float, forKey key: Key) throws { map.set(ScalarNodes.float(value), for: key.stringValue) }
    mutating func encode(_ value: Int, forKey key: Key) throws { map.set(.int(value), for: key.stringValue) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { map.set(.int(value), for: key.stringValue) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { map.set(.int(value), for: key.stringValue) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { map.set(.int(value), for: key.stringValue) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { map.set(.int(value), for: key.stringValue) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { map.set(.int(value), for: key.stringValue) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { map.set(.int(value), for: key.stringValue) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { map.set(.int(value), for: key.stringValue) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { map.set(.int(value), for: key.stringValue) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { map.set(.int(value), for: key.stringValue) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        if value is Provenance { return }
        let child = EncodingSlot()
        try child.store(value, path: codingPath + [key], context: context)
        if case .unset = child.state { return }
        let slot = map.slot(for: key.stringValue)
        slot.state = child.state
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let slot = map.slot(for: key.stringValue)
        return KeyedEncodingContainer(NodeKeyedContainer<NestedKey>(map: slot.mapping(), codingPath: codingPath + [key], context: context))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let slot = map.slot(for: key.stringValue)
        return NodeUnkeyedContainer(list: slot.sequence(), codingPath: codingPath + [key], context: context)
    }

    mutating func superEncoder() -> any Encoder {
        let key = AnyCodingKey("super")
        return NodeEncoderImpl(slot: map.slot(for: key.stringValue), codingPath: codingPath + [key], context: context)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        NodeEncoderImpl(slot: map.slot(for: key.stringValue), codingPath: codingPath + [key], context: context)
    }
}

struct NodeUnkeyedContainer: UnkeyedEncodingContainer {
    let list: SequenceBuilder
    let codingPath: [any CodingKey]
    let context: EncodingContext

    var count: Int { list.items.count }

    private func add(_ node: Node) { list.append().state = .node(node) }
    private var nextKey: AnyCodingKey {
        AnyCodingKey(intValue: list.items.count) ?? AnyCodingKey(String(list.items.count))
    }

    mutating func encodeNil() throws { add(.null) }
    mutating func encode(_ value: Bool) throws { add(.bool(value)) }
    mutating func encode(_ value: String) throws { add(.string(value)) }
    mutating func encode(_ value: Double) throws { add(ScalarNodes.float(value)) }
    mutating func encode(_ value: Float) throws { add(ScalarNodes.float(value)) }
    mutating func encode(_ value: Int) throws { add(.int(value)) }
    mutating func encode(_ value: Int8) throws { add(.int(value)) }
    mutating func encode(_ value: Int16) throws { add(.int(value)) }
    mutating func encode(_ value: Int32) throws { add(.int(value)) }
    mutating func encode(_ value: Int64) throws { add(.int(value)) }
    mutating func encode(_ value: UInt) throws { add(.int(value)) }
    mutating func encode(_ value: UInt8) throws { add(.int(value)) }
    mutating func encode(_ value: UInt16) throws { add(.int(value)) }
    mutating func encode(_ value: UInt32) throws { add(.int(value)) }
    mutating func encode(_ value: UInt64) throws { add(.int(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        if value is Provenance { return }
        let path = codingPath + [nextKey]
        try list.append().store(value, path: path, context: context)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let path = codingPath + [nextKey]
        return KeyedEncodingContainer(NodeKeyedContainer<NestedKey>(map: list.append().mapping(), codingPath: path, context: context))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let path = codingPath + [nextKey]
        return NodeUnkeyedContainer(list: list.append().sequence(), codingPath: path, context: context)
    }

    mutating func superEncoder() -> any Encoder {
        let path = codingPath + [nextKey]
        return NodeEncoderImpl(slot: list.append(), codingPath: path, context: context)
    }
}

struct NodeSingleValueContainer: SingleValueEncodingContainer {
    let slot: EncodingSlot
    let codingPath: [any CodingKey]
    let context: EncodingContext

    private func set(_ node: Node) { slot.state = .node(node) }

    mutating func encodeNil() throws { set(.null) }
    mutating func encode(_ value: Bool) throws { set(.bool(value)) }
    mutating func encode(_ value: String) throws { set(.string(value)) }
    mutating func encode(_ value: Double) throws { set(ScalarNodes.float(value)) }
    mutating func encode(_ value: Float) throws { set(ScalarNodes.float(value)) }
    mutating func encode(_ value: Int) throws { set(.int(value)) }
    mutating func encode(_ value: Int8) throws { set(.int(value)) }
    mutating func encode(_ value: Int16) throws { set(.int(value)) }
    mutating func encode(_ value: Int32) throws { set(.int(value)) }
    mutating func encode(_ value: Int64) throws { set(.int(value)) }
    mutating func encode(_ value: UInt) throws { set(.int(value)) }
    mutating func encode(_ value: UInt8) throws { set(.int(value)) }
    mutating func encode(_ value: UInt16) throws { set(.int(value)) }
    mutating func encode(_ value: UInt32) throws { set(.int(value)) }
    mutating func encode(_ value: UInt64) throws { set(.int(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try slot.store(value, path: codingPath, context: context)
    }
}
