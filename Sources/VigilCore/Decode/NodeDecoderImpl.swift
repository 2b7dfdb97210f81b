/// The `Decoder` handed to `init(from:)` implementations.
///
/// A class, so that handing it over as `any Decoder` and copying the containers that refer to
/// it costs one reference count instead of a boxed four-field value and four.
final class NodeDecoderImpl: Decoder {
    let node: Node
    let path: FieldPath
    let session: DecodingSession
    let typeName: TypeName
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    /// Built only when a model asks (to put it in a `DecodingError`).
    var codingPath: [any CodingKey] { path.codingKeys }

    init(node: Node, path: FieldPath, session: DecodingSession, typeName: TypeName) {
        self.node = node
        self.path = path
        self.session = session
        self.typeName = typeName
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard let mapping = node.mapping else {
            throw NodeDecodingError(rule: SchemaRule.typeMismatch,
                                    message: "expected a mapping for \(typeName), got \(session.describe(node))",
                                    node: node, path: path, hint: nil)
        }
        let tracker = session.tracker(for: node, mapping: mapping, typeName: typeName, path: path)
        return KeyedDecodingContainer(KeyedNodeDecodingContainer<Key>(decoder: self, tracker: tracker))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard let items = node.sequence else {
            throw NodeDecodingError(rule: SchemaRule.typeMismatch, message: "expected a list, got \(session.describe(node))",
                                    node: node, path: path, hint: nil)
        }
        return UnkeyedNodeDecodingContainer(decoder: self, items: items)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleValueNodeDecodingContainer(decoder: self)
    }
}

/// Lets models that write their own `init(from:)` reach the node they decode.
public protocol NodeBackedDecoder {
    /// The node being decoded.
    var currentNode: Node { get }
    /// The file the node is in.
    var currentFile: SourceFile { get }
    /// Stops reporting unknown fields for the current mapping (its model reads keys dynamically).
    func acceptAllKeys()
}

extension NodeDecoderImpl: NodeBackedDecoder {
    var currentNode: Node { node }
    var currentFile: SourceFile { session.file }
    func acceptAllKeys() {
        if let m = node.mapping {
            session.tracker(for: node, mapping: m, typeName: typeName, path: path).acceptsAll = true
        }
    }
}

struct KeyedNodeDecodingContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: NodeDecoderImpl
    let tracker: KeyTracker

    init(decoder: NodeDecoderImpl, tracker: KeyTracker) {
        self.decoder = decoder
        self.tracker = tracker
    }

    var mapping: Mapping { tracker.mapping }

    var codingPath: [any CodingKey] { decoder.codingPath }
    var session: DecodingSession { decoder.session }

    var allKeys: [Key] {
        tracker.acceptsAll = true
        return mapping.pairs.compactMap { $0.key.scalarText.flatMap { Key(stringValue: $0) } }
    }

    func contains(_ key: Key) -> Bool {
        tracker.value(key.stringValue) != nil
    }

    private func value(_ key: Key) -> Node? {
        tracker.value(key.stringValue)
    }

    private func path(_ key: Key) -> FieldPath { decoder.path.appending(key) }

    private func required(_ key: Key) throws -> Node {
        try tracker.required(key.stringValue, typeName: decoder.typeName, path: decoder.path)
    }

    private func guarded<T>(_ body: () throws -> T) throws -> T { try tracker.guarded(body) }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard let v = value(key) else { return true }
        return session.isNull(v)
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
        try guarded { try session.decodeBool(try required(key), path: path(key)) }
    }

    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        try guarded { try session.decodeString(try required(key), path: path(key)) }
    }

    func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
        try guarded { try session.decodeDouble(try required(key), path: path(key)) }
    }

    func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
        try guarded { Float(try session.decodeDouble(try required(key), path: path(key))) }
    }

    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try int(key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try int(key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try int(key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try int(key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try int(key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try int(key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try int(key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try int(key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try int(key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try int(key) }

    private func int<I: FixedWidthInteger>(_ key: Key) throws -> I {
        try guarded { try session.decodeInteger(I.self, try required(key), path: path(key)) }
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        if let special = specialValue(T.self) { return special }
        return try guarded { try session.decode(T.self, node: try required(key), path: path(key)) }
    }

    /// Provenance and ExtraFields are filled from the mapping itself, whatever the key.
    private func specialValue<T>(_ type: T.Type) -> T? {
        if T.self == Provenance.self {
            return Provenance(node: decoder.node, file: session.file) as? T
        }
        if T.self == ExtraFields.self {
            tracker.acceptsAll = true
            let known = KnownKeys()
            tracker.knownBoxes.append(known)
            return ExtraFields(pairs: mapping.pairs, known: known) as? T
        }
        return nil
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        if let special = specialValue(T.self) { return special }
        guard let v = value(key), !session.isNull(v) || T.self == String.self && v.scalar?.style != .plain else { return nil }
        do {
            return try session.decode(T.self, node: v, path: path(key))
        } catch {
            session.record(error)
            return nil
        }
    }

    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        guard let v = value(key), !session.isNull(v) else { return nil }
        do { return try session.decodeString(v, path: path(key)) } catch { session.record(error); return nil }
    }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        guard let v = value(key), !session.isNull(v) else { return nil }
        do { return try session.decodeBool(v, path: path(key)) } catch { session.record(error); return nil }
    }

    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        guard let v = value(key), !session.isNull(v) else { return nil }
        do { return try session.decodeInteger(Int.self, v, path: path(key)) } catch { session.record(error); return nil }
    }

    // The protocol's default `decodeIfPresent` for the other integer types would throw on a
    // bad value and fail the whole model; like every optional field, report it and go on.
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { optionalInt(key) }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { optionalInt(key) }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { optionalInt(key) }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { optionalInt(key) }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { optionalInt(key) }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { optionalInt(key) }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { optionalInt(key) }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { optionalInt(key) }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { optionalInt(key) }

    private func optionalInt<I: FixedWidthInteger>(_ key: Key) -> I? {
        guard let v = value(key), !session.isNull(v) else { return nil }
        do { return try session.decodeInteger(I.self, v, path: path(key)) } catch { session.record(error); return nil }
    }

    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? {
        guard let v = value(key), !session.isNull(v) else { return nil }
        do { return Float(try session.decodeDouble(v, path: path(key))) } catch { session.record(error); return nil }
    }

    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
        guard let v = value(key), !session.isNull(v) else { return nil }
        do { return try session.decodeDouble(v, path: path(key)) } catch { session.record(error); return nil }
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try guarded {
            let v = try required(key)
            return try NodeDecoderImpl(node: v, path: path(key), session: session, typeName: TypeName(key.stringValue)).container(keyedBy: NestedKey.self)
        }
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try guarded {
            let v = try required(key)
            return try NodeDecoderImpl(node: v, path: path(key), session: session, typeName: TypeName(key.stringValue)).unkeyedContainer()
        }
    }

    func superDecoder() throws -> any Decoder { decoder }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        let v = value(key) ?? Node.null
        return NodeDecoderImpl(node: v, path: path(key), session: session, typeName: TypeName(key.stringValue))
    }
}

struct UnkeyedNodeDecodingContainer: UnkeyedDecodingContainer {
    let decoder: NodeDecoderImpl
    let items: [Node]
    var currentIndex = 0

    init(decoder: NodeDecoderImpl, items: [Node]) {
        self.decoder = decoder
        self.items = items
    }

    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    private mutating func next() throws -> (Node, FieldPath) {
        guard currentIndex < items.count else {
            throw NodeDecodingError(rule: SchemaRule.typeMismatch, message: "list has fewer items than expected",
                                    node: decoder.node, path: decoder.path, hint: nil)
        }
        let n = items[currentIndex]
        let p = decoder.path.appending(index: currentIndex)
        currentIndex += 1
        return (n, p)
    }

    mutating func decodeNil() throws -> Bool {
        guard currentIndex < items.count else { return true }
        if decoder.session.isNull(items[currentIndex]) {
            currentIndex += 1
            return true
        }
        return false
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (n, p) = try next()
        return try decoder.session.decode(T.self, node: n, path: p)
    }

    mutating func decode(_ type: String.Type) throws -> String {
        let (n, p) = try next()
        return try decoder.session.decodeString(n, path: p)
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool {
        let (n, p) = try next()
        return try decoder.session.decodeBool(n, path: p)
    }

    mutating func decode(_ type: Double.Type) throws -> Double {
        let (n, p) = try next()
        return try decoder.session.decodeDouble(n, path: p)
    }

    mutating func decode(_ type: Int.Type) throws -> Int {
        let (n, p) = try next()
        return try decoder.session.decodeInteger(Int.self, n, path: p)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let (n, p) = try next()
        return try NodeDecoderImpl(node: n, path: p, session: decoder.session, typeName: TypeName("item")).container(keyedBy: NestedKey.self)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let (n, p) = try next()
        return try NodeDecoderImpl(node: n, path: p, session: decoder.session, typeName: TypeName("item")).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        let (n, p) = try next()
        return NodeDecoderImpl(node: n, path: p, session: decoder.session, typeName: TypeName("item"))
    }
}

struct SingleValueNodeDecodingContainer: SingleValueDecodingContainer {
    let decoder: NodeDecoderImpl
    var codingPath: [any CodingKey] { decoder.codingPath }
    var session: DecodingSession { decoder.session }
    var node: Node { decoder.node }

    func decodeNil() -> Bool { session.isNull(node) }
    func decode(_ type: Bool.Type) throws -> Bool { try session.decodeBool(node, path: decoder.path) }
    func decode(_ type: String.Type) throws -> String { try session.decodeString(node, path: decoder.path) }
    func decode(_ type: Double.Type) throws -> Double { try session.decodeDouble(node, path: decoder.path) }
    func decode(_ type: Float.Type) throws -> Float { Float(try session.decodeDouble(node, path: decoder.path)) }
    func decode(_ type: Int.Type) throws -> Int { try session.decodeInteger(Int.self, node, path: decoder.path) }
    func decode(_ type: Int8.Type) throws -> Int8 { try session.decodeInteger(Int8.self, node, path: decoder.path) }
    func decode(_ type: Int16.Type) throws -> Int16 { try session.decodeInteger(Int16.self, node, path: decoder.path) }
    func decode(_ type: Int32.Type) throws -> Int32 { try session.decodeInteger(Int32.self, node, path: decoder.path) }
    func decode(_ type: Int64.Type) throws -> Int64 { try session.decodeInteger(Int64.self, node, path: decoder.path) }
    func decode(_ type: UInt.Type) throws -> UInt { try session.decodeInteger(UInt.self, node, path: decoder.path) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try session.decodeInteger(UInt8.self, node, path: decoder.path) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try session.decodeInteger(UInt16.self, node, path: decoder.path) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try session.decodeInteger(UInt32.self, node, path: decoder.path) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try session.decodeInteger(UInt64.self, node, path: decoder.path) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == Node.self, let n = node as? T { return n }
        return try session.decode(T.self, node: node, path: decoder.path)
    }
}
