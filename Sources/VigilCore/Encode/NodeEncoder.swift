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
    /// Whether `StringMap`s are written with sorted keys (free-form maps such as labels in
    /// rendered output) instead of their insertion order.
    public var sortsStringMaps: Bool

    /// An encoder passing `userInfo` to every `encode(to:)`.
    public init(userInfo: [CodingUserInfoKey: any Sendable] = [:], sortsStringMaps: Bool = false) {
        self.userInfo = userInfo
        self.sortsStringMaps = sortsStringMaps
    }

    /// The node tree for `value`; a value that encodes nothing becomes a null node.
    public func encode<T: Encodable>(_ value: T) throws -> Node {
        var info: [CodingUserInfoKey: Any] = [:]
        for (k, v) in userInfo { info[k] = v }
        let slot = Slot()
        let context = Context(userInfo: info, sortsStringMaps: sortsStringMaps)
        try slot.store(value, path: [], context: context)
        return slot.makeNode() ?? .null
    }
}

// MARK: - Storage

// Internal machinery, nested so its names cannot collide with the decoder's.
extension NodeEncoder {
    /// Lets the encoder write string-keyed dictionaries with sorted keys.
    protocol StringKeyedDictionary {
        func encodeSorted(to encoder: any Encoder) throws
    }


    /// Shared, read-only settings of one encoding run.
    final class Context {
        let userInfo: [CodingUserInfoKey: Any]
        let sortsStringMaps: Bool
        init(userInfo: [CodingUserInfoKey: Any], sortsStringMaps: Bool) {
            self.userInfo = userInfo
            self.sortsStringMaps = sortsStringMaps
        }
    }

    /// A place that becomes one node once encoding is done.
    final class Slot {
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
        func store<T: Encodable>(_ value: T, path: [any CodingKey], context: Context) throws {
            if value is Provenance { return }
            if let representable = value as? any NodeRepresentable {
                state = .node(representable.makeNode())
                return
            }
            let encoder = Impl(slot: self, codingPath: path, context: context)
            if let dictionary = value as? any StringKeyedDictionary {
                try dictionary.encodeSorted(to: encoder)
                return
            }
            if context.sortsStringMaps, let map = value as? any SortableStringMap {
                try map.encodeSorted(to: encoder)
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
        var values: [String: Slot] = [:]

        func slot(for key: String) -> Slot {
            let slot = Slot()
            if values.updateValue(slot, forKey: key) == nil { keys.append(key) }
            return slot
        }

        func set(_ node: Node, for key: String) {
            slot(for: key).state = .node(node)
        }
    }

    final class SequenceBuilder {
        var items: [Slot] = []

        func append() -> Slot {
            let slot = Slot()
            items.append(slot)
            return slot
        }
    }

    // MARK: - Scalars

    enum Scalars {
        static func string(_ s: String) -> Node { .string(s) }
        static func float(_ d: Double) -> Node { .plain(NumberText.float(d), tag: Tag.float) }
        static func float(_ f: Float) -> Node { .plain(NumberText.float(f), tag: Tag.float) }
    }

    // MARK: - Encoder

    struct Impl: Encoder {
        let slot: Slot
        let codingPath: [any CodingKey]
        let context: Context

        init(slot: Slot, codingPath: [any CodingKey], context: Context) {
            self.slot = slot
            self.codingPath = codingPath
            self.context = context
        }

        var userInfo: [CodingUserInfoKey: Any] { context.userInfo }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            KeyedEncodingContainer(KeyedContainer<Key>(map: slot.mapping(), codingPath: codingPath, context: context))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            UnkeyedContainer(list: slot.sequence(), codingPath: codingPath, context: context)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer {
            SingleValueContainer(slot: slot, codingPath: codingPath, context: context)
        }
    }

    struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let map: MappingBuilder
        let codingPath: [any CodingKey]
        let context: Context

        mutating func encodeNil(forKey key: Key) throws { map.set(.null, for: key.stringValue) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { map.set(.bool(value), for: key.stringValue) }
        mutating func encode(_ value: String, forKey key: Key) throws { map.set(.string(value), for: key.stringValue) }
        mutating func encode(_ value: Double, forKey key: Key) throws { map.set(Scalars.float(value), for: key.stringValue) }
        mutating func encode(_ value: Float, forKey key: Key) throws { map.set(Scalars.float(value), for: key.stringValue) }
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
        mutating func encode(_ value: Int128, forKey key: Key) throws { map.set(.int(value), for: key.stringValue) }
        mutating func encode(_ value: UInt128, forKey key: Key) throws { map.set(.int(value), for: key.stringValue) }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            if value is Provenance { return }
            if let extra = value as? ExtraFields {
                // Unknown fields kept from the input come back after the model's own fields
                // (declare `extra` last); keys the model encoded itself are not overwritten.
                for p in extra.unknownPairs {
                    guard let k = p.key.scalarText, map.values[k] == nil else { continue }
                    map.set(p.value, for: k)
                }
                return
            }
            let child = Slot()
            try child.store(value, path: codingPath + [key], context: context)
            if case .unset = child.state { return }
            let slot = map.slot(for: key.stringValue)
            slot.state = child.state
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let slot = map.slot(for: key.stringValue)
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(map: slot.mapping(), codingPath: codingPath + [key], context: context))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let slot = map.slot(for: key.stringValue)
            return UnkeyedContainer(list: slot.sequence(), codingPath: codingPath + [key], context: context)
        }

        mutating func superEncoder() -> any Encoder {
            let key = AnyCodingKey("super")
            return Impl(slot: map.slot(for: key.stringValue), codingPath: codingPath + [key], context: context)
        }

        mutating func superEncoder(forKey key: Key) -> any Encoder {
            Impl(slot: map.slot(for: key.stringValue), codingPath: codingPath + [key], context: context)
        }
    }

    struct UnkeyedContainer: UnkeyedEncodingContainer {
        let list: SequenceBuilder
        let codingPath: [any CodingKey]
        let context: Context

        var count: Int { list.items.count }

        private func add(_ node: Node) { list.append().state = .node(node) }
        private var nextKey: AnyCodingKey {
            AnyCodingKey(intValue: list.items.count) ?? AnyCodingKey(String(list.items.count))
        }

        mutating func encodeNil() throws { add(.null) }
        mutating func encode(_ value: Bool) throws { add(.bool(value)) }
        mutating func encode(_ value: String) throws { add(.string(value)) }
        mutating func encode(_ value: Double) throws { add(Scalars.float(value)) }
        mutating func encode(_ value: Float) throws { add(Scalars.float(value)) }
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
        mutating func encode(_ value: Int128) throws { add(.int(value)) }
        mutating func encode(_ value: UInt128) throws { add(.int(value)) }

        mutating func encode<T: Encodable>(_ value: T) throws {
            if value is Provenance { return }
            let path = codingPath + [nextKey]
            try list.append().store(value, path: path, context: context)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let path = codingPath + [nextKey]
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(map: list.append().mapping(), codingPath: path, context: context))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let path = codingPath + [nextKey]
            return UnkeyedContainer(list: list.append().sequence(), codingPath: path, context: context)
        }

        mutating func superEncoder() -> any Encoder {
            let path = codingPath + [nextKey]
            return Impl(slot: list.append(), codingPath: path, context: context)
        }
    }

    struct SingleValueContainer: SingleValueEncodingContainer {
        let slot: Slot
        let codingPath: [any CodingKey]
        let context: Context

        private func set(_ node: Node) { slot.state = .node(node) }

        mutating func encodeNil() throws { set(.null) }
        mutating func encode(_ value: Bool) throws { set(.bool(value)) }
        mutating func encode(_ value: String) throws { set(.string(value)) }
        mutating func encode(_ value: Double) throws { set(Scalars.float(value)) }
        mutating func encode(_ value: Float) throws { set(Scalars.float(value)) }
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
        mutating func encode(_ value: Int128) throws { set(.int(value)) }
        mutating func encode(_ value: UInt128) throws { set(.int(value)) }

        mutating func encode<T: Encodable>(_ value: T) throws {
            try slot.store(value, path: codingPath, context: context)
        }
    }
}

extension Dictionary: NodeEncoder.StringKeyedDictionary where Key == String, Value: Encodable {
    func encodeSorted(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyCodingKey.self)
        for key in keys.sorted() {
            if let value = self[key] { try c.encode(value, forKey: AnyCodingKey(key)) }
        }
    }
}

extension NodeEncoder {
    /// Lets the encoder write a `StringMap` with sorted keys when asked to.
    protocol SortableStringMap {
        func encodeSorted(to encoder: any Encoder) throws
    }
}

extension StringMap: NodeEncoder.SortableStringMap where Value: Encodable {
    func encodeSorted(to encoder: any Encoder) throws {
        try sorted().encode(to: encoder)
    }
}
