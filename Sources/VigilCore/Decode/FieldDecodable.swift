/// A model that reads its fields by name from the mapping it is decoded from, instead of going
/// through Codable's keyed containers: `StrictDecoder`'s fast path for the models of large files.
///
/// Under `StrictDecoder` a conforming type decodes exactly as its synthesized `init(from:)`
/// would — the same unknown-field reports and "did you mean", the same messages, the same
/// recovery — without a container box, a decoder object or a generic metadata lookup per field
/// (together about half the time of decoding a Kubernetes manifest). Keep the `Decodable`
/// conformance: other decoders still use it, and tests hold the two to the same result.
///
/// ```swift
/// extension Port: FieldDecodable {
///     init(fields: FieldReader) throws {
///         number = try fields.decode("number")
///         name = fields.decodeIfPresent("name")
///         origin = fields.provenance
///     }
/// }
/// ```
public protocol FieldDecodable: Decodable {
    init(fields: FieldReader) throws
}

/// A value that is the node it was decoded from (`RawNode`, a module's kept-as-written field):
/// `StrictDecoder` hands it the node without a decoder.
public protocol NodeWrapping: Decodable {
    init(wrapping node: Node)
}

/// The fields of one mapping, read by a `FieldDecodable` model.
///
/// `decode` reads a required field: a missing field or a bad value fails the model, which its
/// parent reports. `decodeIfPresent` reads an optional field: absent or null gives nil, and a bad
/// value is reported and gives nil, so that the other fields keep being checked.
public struct FieldReader {
    let session: DecodingSession
    let tracker: KeyTracker
    let path: FieldPath

    init(session: DecodingSession, tracker: KeyTracker, path: FieldPath) {
        self.session = session
        self.tracker = tracker
        self.path = path
    }

    /// The mapping node being read.
    public var node: Node { tracker.node }

    /// Where the model came from: this mapping and its file.
    public var provenance: Provenance { Provenance(node: tracker.node, file: session.file) }

    /// The whole mapping, kept for a round trip; no field of this mapping is reported unknown.
    public func extraFields() -> ExtraFields {
        // The keys asked from here on are recorded for `ExtraFields`; read it first, and the
        // mapping is not read again when the session ends.
        tracker.records = true
        tracker.acceptsAll = true
        let known = KnownKeys()
        tracker.knownBoxes.append(known)
        return ExtraFields(pairs: tracker.mapping.pairs, known: known)
    }

    /// Every pair of the mapping, for models whose keys are data (labels, annotations); no field
    /// of this mapping is reported unknown.
    public func allPairs() -> [Pair] {
        tracker.acceptsAll = true
        return tracker.mapping.pairs
    }

    /// Whether the mapping has `key` (the key counts as known).
    public func contains(_ key: String) -> Bool { tracker.value(key) != nil }

    // MARK: Required fields

    public func decode<T: Decodable>(_ key: String, as type: T.Type = T.self) throws -> T {
        let v = try requiredValue(key)
        return try guarded { try session.decode(T.self, node: v, path: path.appending(name: key)) }
    }

    public func decode<T: FieldDecodable>(_ key: String, as type: T.Type = T.self) throws -> T {
        let v = try requiredValue(key)
        return try guarded { try session.decodeFields(T.self, node: v, path: path.appending(name: key)) }
    }

    /// A required list of models; an element that fails is reported and skipped.
    public func decode<T: FieldDecodable>(_ key: String, as type: [T].Type = [T].self) throws -> [T] {
        let v = try requiredValue(key)
        return try guarded { try session.decodeList(of: T.self, node: v, path: path.appending(name: key)) }
    }

    public func decode(_ key: String, as type: String.Type = String.self) throws -> String {
        let v = try requiredValue(key)
        return try guarded { try session.decodeString(v, path: path.appending(name: key)) }
    }

    public func decode(_ key: String, as type: Bool.Type = Bool.self) throws -> Bool {
        let v = try requiredValue(key)
        return try guarded { try session.decodeBool(v, path: path.appending(name: key)) }
    }

    public func decode(_ key: String, as type: Int.Type = Int.self) throws -> Int {
        let v = try requiredValue(key)
        return try guarded { try session.decodeInteger(Int.self, v, path: path.appending(name: key)) }
    }

    public func decode(_ key: String, as type: Int64.Type = Int64.self) throws -> Int64 {
        let v = try requiredValue(key)
        return try guarded { try session.decodeInteger(Int64.self, v, path: path.appending(name: key)) }
    }

    public func decode(_ key: String, as type: IntOrString.Type = IntOrString.self) throws -> IntOrString {
        let v = try requiredValue(key)
        return try guarded { try session.decodeIntOrString(v, path: path.appending(name: key)) }
    }

    // MARK: Optional fields

    public func decodeIfPresent(_ key: String, as type: IntOrString.Type = IntOrString.self) -> IntOrString? {
        guard let v = present(key) else { return nil }
        return recovering { try session.decodeIntOrString(v, path: path.appending(name: key)) }
    }

    public func decodeIfPresent<T: Decodable>(_ key: String, as type: T.Type = T.self) -> T? {
        guard let v = tracker.value(key), !session.isNull(v) || T.self == String.self && v.scalar?.style != .plain else { return nil }
        return recovering { try session.decode(T.self, node: v, path: path.appending(name: key)) }
    }

    public func decodeIfPresent<T: FieldDecodable>(_ key: String, as type: T.Type = T.self) -> T? {
        guard let v = present(key) else { return nil }
        return recovering { try session.decodeFields(T.self, node: v, path: path.appending(name: key)) }
    }

    public func decodeIfPresent<T: NodeWrapping>(_ key: String, as type: T.Type = T.self) -> T? {
        guard let v = present(key) else { return nil }
        return T(wrapping: v)
    }

    /// A list of models; an element that fails is reported and skipped.
    public func decodeIfPresent<T: FieldDecodable>(_ key: String, as type: [T].Type = [T].self) -> [T]? {
        guard let v = present(key) else { return nil }
        return recovering { try session.decodeList(of: T.self, node: v, path: path.appending(name: key)) }
    }

    public func decodeIfPresent(_ key: String, as type: [String].Type = [String].self) -> [String]? {
        guard let v = present(key) else { return nil }
        return recovering { try session.decodeStrings(node: v, path: path.appending(name: key)) }
    }

    public func decodeIfPresent(_ key: String, as type: String.Type = String.self) -> String? {
        guard let v = present(key) else { return nil }
        return recovering { try session.decodeString(v, path: path.appending(name: key)) }
    }

    public func decodeIfPresent(_ key: String, as type: Bool.Type = Bool.self) -> Bool? {
        guard let v = present(key) else { return nil }
        return recovering { try session.decodeBool(v, path: path.appending(name: key)) }
    }

    public func decodeIfPresent(_ key: String, as type: Int.Type = Int.self) -> Int? {
        guard let v = present(key) else { return nil }
        return recovering { try session.decodeInteger(Int.self, v, path: path.appending(name: key)) }
    }

    public func decodeIfPresent(_ key: String, as type: Int64.Type = Int64.self) -> Int64? {
        guard let v = present(key) else { return nil }
        return recovering { try session.decodeInteger(Int64.self, v, path: path.appending(name: key)) }
    }

    public func decodeIfPresent(_ key: String, as type: Double.Type = Double.self) -> Double? {
        guard let v = present(key) else { return nil }
        return recovering { try session.decodeDouble(v, path: path.appending(name: key)) }
    }

    // MARK: Support

    /// The value of `key` unless it is absent or null.
    private func present(_ key: String) -> Node? {
        guard let v = tracker.value(key), !session.isNull(v) else { return nil }
        return v
    }

    func requiredValue(_ key: String) throws -> Node {
        try tracker.required(key, typeName: tracker.typeName, path: path)
    }

    private func guarded<T>(_ body: () throws -> T) throws -> T { try tracker.guarded(body) }

    /// A failed optional field is reported and left out.
    private func recovering<T>(_ body: () throws -> T) -> T? {
        do {
            return try body()
        } catch {
            session.record(error)
            return nil
        }
    }
}

extension RawNode: NodeWrapping {
    public init(wrapping node: Node) { self.init(node) }
}
