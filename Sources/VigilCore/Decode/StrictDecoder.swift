import Foundation

/// Decodes `Decodable` models from `Node` trees strictly, reporting every problem it can find
/// with its field path and file position instead of stopping at the first.
///
/// - Unknown fields are reported (with a "did you mean") for every mapping whose model decoded
///   completely; a model that declares `ExtraFields` keeps unknown fields instead.
/// - Scalars resolve by the field's type: a `String` gets the text as written (`on`, `0755`,
///   `1e3` stay strings); numbers and booleans must be unquoted.
/// - An optional field that fails to decode is reported and left nil; a list element that fails
///   is reported and skipped; so siblings keep being checked.
public struct StrictDecoder: Sendable {
    public let file: SourceFile

    /// Decodes every model through its `init(from:)`, none through `FieldDecodable` (tests hold
    /// the two paths to the same result).
    let decodesThroughCodable: Bool

    public init(file: SourceFile) {
        self.file = file
        decodesThroughCodable = false
    }

    init(file: SourceFile, decodesThroughCodable: Bool) {
        self.file = file
        self.decodesThroughCodable = decodesThroughCodable
    }

    /// Decodes `type` from `node`, returning the value (nil when it could not be built) and all
    /// problems found. `path` prefixes the field paths in messages.
    public func decode<T: Decodable>(_ type: T.Type, from node: Node, path: [String] = []) -> (value: T?, diagnostics: [Diagnostic]) {
        let session = DecodingSession(file: file, nodes: node.expandedSize)
        session.decodesThroughCodable = decodesThroughCodable
        let base = FieldPath(path)
        var value: T?
        do {
            value = try session.decode(T.self, node: node, path: base)
        } catch {
            session.record(error)
        }
        session.reportUnknownFields()
        return (value, session.diagnostics)
    }
}

/// Rule ids the decoder reports.
public enum SchemaRule {
    public static let unknownField = "schema/unknown-field"
    public static let typeMismatch = "schema/type-mismatch"
    public static let missingField = "schema/missing-field"
    public static let invalidValue = "schema/invalid-value"
}

/// A decoding problem tied to a node, not yet reported.
struct NodeDecodingError: Error {
    let rule: String
    let message: String
    let node: Node
    let path: FieldPath
    let hint: String?
}

/// Which keys of one mapping the models asked for, and which of its pairs they found.
///
/// Nothing is hashed or allocated per key on the hot path: the pairs found are bits by
/// position, and the keys asked for (needed only at the end, for suggestions and `ExtraFields`)
/// go to the session's one list — for Codable models. A `FieldDecodable` model's keys are not
/// recorded: the few mappings whose report needs them are read again by the model, in a probe
/// session that records (decoding is a function of the node).
final class KeyTracker {
    let node: Node
    let mapping: Mapping
    let typeName: TypeName
    /// This tracker's place in its session's list.
    let index: Int32
    /// Bit `i`: the model read pair `i` of the mapping (the first 64 pairs).
    private var foundBits: UInt64 = 0
    /// The pairs after the first 64, for the rare larger mapping.
    private var foundBeyond: [Bool]?
    var acceptsAll = false
    var aborted = false
    /// ExtraFields of this mapping, told at the end which keys the model decoded.
    var knownBoxes: [KnownKeys] = []
    var path: FieldPath
    /// Whether keys asked now go to the session's list.
    var records: Bool
    /// A key was asked while not recording: the report reads the mapping again with `readers`.
    var missedAsks = false
    /// The `FieldDecodable` types that read this mapping.
    var readers: [any FieldDecodable.Type] = []
    /// The session's nesting depth when the mapping was first read.
    let depth: Int
    /// The session outlives its trackers, which it holds.
    private unowned(unsafe) let session: DecodingSession

    init(node: Node, mapping: Mapping, typeName: TypeName, path: FieldPath, index: Int32, session: DecodingSession, records: Bool) {
        self.node = node
        self.mapping = mapping
        self.typeName = typeName
        self.path = path
        self.index = index
        self.session = session
        self.records = records
        self.depth = session.depth
        if mapping.count > 64 { foundBeyond = Array(repeating: false, count: mapping.count - 64) }
    }

    /// The value for `key`, noting that the model asked for it.
    func value(_ key: String) -> Node? {
        if records { session.asked.append((index, key)) } else { missedAsks = true }
        guard let i = mapping.index(of: key) else { return nil }
        if i < 64 { foundBits |= 1 << UInt64(i) } else { foundBeyond?[i - 64] = true }
        return mapping.pairs[i].value
    }

    /// The value of a required field; a missing one fails the model (`path` is the mapping's).
    func required(_ key: String, typeName: TypeName, path: FieldPath) throws -> Node {
        guard let v = value(key) else {
            aborted = true
            throw NodeDecodingError(rule: SchemaRule.missingField, message: "missing required field \"\(key)\" in \(typeName)",
                                    node: node, path: path, hint: nil)
        }
        return v
    }

    /// Runs the decoding of a required field: when it fails, the model fails, and its unknown
    /// fields are not reported.
    func guarded<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            aborted = true
            throw error
        }
    }

    /// Whether the model read pair `i`.
    func found(_ i: Int) -> Bool {
        i < 64 ? foundBits & (1 << UInt64(i)) != 0 : foundBeyond?[i - 64] ?? false
    }

    /// Whether some pair was not read.
    var missedSome: Bool {
        let n = mapping.count
        if n <= 64 { return foundBits != (n == 64 ? UInt64.max : (1 << UInt64(n)) - 1) }
        return foundBits != UInt64.max || foundBeyond?.contains(false) == true
    }
}

/// State shared by all the decoders of one `decode` call.
final class DecodingSession {
    let file: SourceFile
    var diagnostics: [Diagnostic] = []
    /// Every mapping's tracker, in the order they were made, and their places by node.
    private var trackers: [KeyTracker] = []
    fileprivate(set) var trackerIndex: [ObjectIdentifier: Int32] = [:]
    /// Every key asked for, with the tracker that asked, in order and with repeats.
    var asked: [(tracker: Int32, key: String)] = []
    var depth = 0
    static let maxDepth = 400
    /// See `StrictDecoder.decodesThroughCodable`.
    var decodesThroughCodable = false
    /// Every tracker records the keys asked (a probe session that reads a mapping again).
    var recordsAll = false

    /// `nodes` (the size of the tree to decode) sizes the tables once instead of by doubling.
    init(file: SourceFile, nodes: Int = 0) {
        self.file = file
        let mappings = min(nodes / 4, 1 << 12)
        trackers.reserveCapacity(mappings)
        trackerIndex.reserveCapacity(mappings)
        asked.reserveCapacity(min(nodes, 1 << 14))
    }

    /// The tracker of a mapping, made on first use. A `FieldDecodable` reader (`reader`) is
    /// noted instead of recording its keys; a Codable one records from now on.
    func tracker(for node: Node, mapping: Mapping, typeName: TypeName, path: FieldPath,
                 reader: (any FieldDecodable.Type)? = nil) -> KeyTracker {
        let id = ObjectIdentifier(node)
        if let i = trackerIndex[id] {
            let t = trackers[Int(i)]
            if let reader, !t.records {
                if !t.readers.contains(where: { $0 == reader }) { t.readers.append(reader) }
            } else {
                t.records = true
            }
            return t
        }
        let t = KeyTracker(node: node, mapping: mapping, typeName: typeName, path: path, index: Int32(trackers.count), session: self,
                           records: reader == nil || recordsAll)
        if let reader, !t.records { t.readers.append(reader) }
        trackerIndex[id] = t.index
        trackers.append(t)
        return t
    }

    /// Records an error that reached a point where decoding recovers.
    func record(_ error: any Error) {
        if let e = error as? NodeDecodingError {
            let where_ = e.path.rendered
            let message = where_.isEmpty ? e.message : "\(where_): \(e.message)"
            diagnostics.append(Diagnostic(rule: e.rule, severity: .error, message: message, in: file, range: e.node.range, hint: e.hint))
        } else {
            diagnostics.append(Diagnostic(rule: SchemaRule.invalidValue, severity: .error, message: String(describing: error), file: file.path))
        }
    }

    /// The strategies this session has used, so that most lookups take no lock.
    private var strategies: [ObjectIdentifier: DecodeStrategy] = [:]

    /// The strategy for `T`: from this session's table, else from the process-wide one (so that
    /// each type's casts and name are worked out once per process, not once per document).
    private func strategy<T>(for type: T.Type) -> DecodeStrategy {
        let id = ObjectIdentifier(T.self)
        if let known = strategies[id] { return known }
        var entry = DecodeStrategy.of(T.self)
        if decodesThroughCodable, entry.kind == .fields || entry.kind == .wrapping {
            entry = DecodeStrategy(kind: .plain, typeName: entry.typeName, lenient: nil, strictEnum: nil)
        }
        strategies[id] = entry
        return entry
    }

    /// Decodes a value of any type from a node: the single entry point that every container uses.
    /// `path` is built only when a nested decoder or a message needs it.
    func decode<T: Decodable>(_ type: T.Type, node: Node, path: @autoclosure () -> FieldPath) throws -> T {
        let strategy = strategy(for: T.self)
        if strategy.kind != .plain { return try decodeSpecial(T.self, strategy, node: node, path: path()) }
        let here = path()
        return try nested(node, path: here) {
            try T(from: NodeDecoderImpl(node: node, path: here, session: self, typeName: strategy.typeName))
        }
    }

    /// Runs one model's decoding one level deeper, refusing to go past `maxDepth`, with a
    /// `DecodingError` it throws turned into a positioned one.
    private func nested<T>(_ node: Node, path: FieldPath, _ body: () throws -> T) throws -> T {
        depth += 1
        defer { depth -= 1 }
        guard depth < DecodingSession.maxDepth else {
            throw NodeDecodingError(rule: "yaml/limit", message: "nesting too deep to decode", node: node, path: path, hint: nil)
        }
        do {
            return try body()
        } catch let e as NodeDecodingError {
            throw e
        } catch let e as DecodingError {
            throw translate(e, node: node, path: path)
        }
    }

    private func decodeSpecial<T: Decodable>(_ type: T.Type, _ strategy: DecodeStrategy, node: Node, path: @autoclosure () -> FieldPath) throws -> T {
        switch strategy.kind {
        case .string:
            if let s = try decodeString(node, path: path()) as? T { return s }
        case .lenient:
            if let lenient = strategy.lenient,
               let v = try lenient.decodeLeniently(node: node, path: path(), session: self) as? T {
                return v
            }
        case .raw:
            if let raw = RawNode(node) as? T { return raw }
        case .wrapping:
            if let wrapping = strategy.wrapping, let v = wrapping.init(wrapping: node) as? T { return v }
        case .fields:
            if let fields = strategy.fields { return try decodeFields(opening: fields, node: node, path: path()) }
        case .strictEnum:
            guard let strict = strategy.strictEnum else { break }
            let text = try decodeString(node, path: path())
            guard let v = strict.init(strictRawValue: text), let typed = v as? T else {
                let allowed = strict.allowedValues
                let hint = Suggestion.closest(to: text, in: allowed).map { "did you mean \"\($0)\"?" }
                throw NodeDecodingError(rule: SchemaRule.invalidValue,
                                        message: "invalid value \"\(text)\"; expected one of: \(allowed.joined(separator: ", "))",
                                        node: node, path: path(), hint: hint)
            }
            return typed
        case .plain:
            break
        }
        throw NodeDecodingError(rule: SchemaRule.typeMismatch, message: "cannot decode \(T.self)", node: node, path: path(), hint: nil)
    }

    /// Decodes a `FieldDecodable` model from a mapping: what `container(keyedBy:)` and the
    /// synthesized `init(from:)` do, without either.
    func decodeFields<T: FieldDecodable>(_ type: T.Type, node: Node, path: FieldPath) throws -> T {
        try nested(node, path: path) {
            let typeName = TypeName(T.self)
            guard let mapping = node.mapping else {
                throw NodeDecodingError(rule: SchemaRule.typeMismatch,
                                        message: "expected a mapping for \(typeName), got \(describe(node))",
                                        node: node, path: path, hint: nil)
            }
            let tracker = tracker(for: node, mapping: mapping, typeName: typeName, path: path, reader: T.self)
            return try T(fields: FieldReader(session: self, tracker: tracker, path: path))
        }
    }

    /// `decodeFields` for a type known only as `any FieldDecodable.Type` (a Codable model's field).
    private func decodeFields<T>(opening fields: any FieldDecodable.Type, node: Node, path: FieldPath) throws -> T {
        func open<F: FieldDecodable>(_ type: F.Type) throws -> T {
            guard let v = try decodeFields(F.self, node: node, path: path) as? T else {
                throw NodeDecodingError(rule: SchemaRule.typeMismatch, message: "cannot decode \(T.self)", node: node, path: path, hint: nil)
            }
            return v
        }
        return try open(fields)
    }

    /// A list of `FieldDecodable` models, as `Array`'s lenient decoding reads it.
    func decodeList<T: FieldDecodable>(of type: T.Type, node: Node, path: FieldPath) throws -> [T] {
        try decodeItems(node, path: path) { try decodeFields(T.self, node: $0, path: $1) }
    }

    /// A list of strings, as `Array`'s lenient decoding reads it.
    func decodeStrings(node: Node, path: FieldPath) throws -> [String] {
        try decodeItems(node, path: path) { try decodeString($0, path: $1) }
    }

    /// The items of a list (null is the empty list), each decoded by `element`; an item that
    /// fails is reported and skipped, so that the others keep being checked.
    func decodeItems<T>(_ node: Node, path: FieldPath, _ element: (Node, FieldPath) throws -> T) throws -> [T] {
        guard let items = node.sequence else {
            if isNull(node) { return [] }
            throw NodeDecodingError(rule: SchemaRule.typeMismatch, message: "expected a list, got \(describe(node))", node: node, path: path, hint: nil)
        }
        var out: [T] = []
        out.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            do {
                out.append(try element(item, path.appending(index: i)))
            } catch {
                record(error)
            }
        }
        return out
    }

    private func translate(_ error: DecodingError, node: Node, path: FieldPath) -> NodeDecodingError {
        switch error {
        case .dataCorrupted(let c):
            return NodeDecodingError(rule: SchemaRule.invalidValue, message: c.debugDescription, node: node, path: path, hint: nil)
        case .typeMismatch(_, let c):
            return NodeDecodingError(rule: SchemaRule.typeMismatch, message: c.debugDescription, node: node, path: path, hint: nil)
        case .keyNotFound(let k, _):
            return NodeDecodingError(rule: SchemaRule.missingField, message: "missing required field \"\(k.stringValue)\"", node: node, path: path, hint: nil)
        case .valueNotFound(_, let c):
            return NodeDecodingError(rule: SchemaRule.typeMismatch, message: c.debugDescription, node: node, path: path, hint: nil)
        @unknown default:
            return NodeDecodingError(rule: SchemaRule.invalidValue, message: "\(error)", node: node, path: path, hint: nil)
        }
    }

    // MARK: Scalars

    func scalar(_ node: Node, expected: String, path: @autoclosure () -> FieldPath) throws -> Scalar {
        guard let s = node.scalar else {
            throw NodeDecodingError(rule: SchemaRule.typeMismatch, message: "expected \(expected), got a \(node.kindName)", node: node, path: path(), hint: nil)
        }
        return s
    }

    func decodeString(_ node: Node, path: @autoclosure () -> FieldPath) throws -> String {
        let s = try scalar(node, expected: "a string", path: path())
        if s.style == .plain, node.tag == nil, s.text == "null" || s.text == "~" || s.text == "Null" || s.text == "NULL" { return "" }
        return s.text
    }

    func decodeBool(_ node: Node, path: @autoclosure () -> FieldPath) throws -> Bool {
        let s = try scalar(node, expected: "true or false", path: path())
        if s.style == .plain && (node.tag == nil || node.tag == Tag.bool) {
            switch s.text {
            case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON": return true
            case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF": return false
            default: break
            }
        }
        let hint = s.style.isQuotedOrBlock ? "remove the quotes" : nil
        throw NodeDecodingError(rule: SchemaRule.typeMismatch, message: "expected true or false, got \(describe(node))", node: node, path: path(), hint: hint)
    }

    func decodeInteger<I: FixedWidthInteger>(_ type: I.Type, _ node: Node, path: @autoclosure () -> FieldPath) throws -> I {
        let s = try scalar(node, expected: "an integer", path: path())
        if s.style == .plain && (node.tag == nil || node.tag == Tag.int || node.tag == Tag.float) {
            // Most integers are a few plain decimal digits: read the bytes (the general path
            // below walks Characters).
            if let v = Self.plainDecimal(s.text, as: I.self) { return v }
            var text = Substring(s.text)
            var negative = false
            if text.hasPrefix("-") { negative = true; text = text.dropFirst() } else if text.hasPrefix("+") { text = text.dropFirst() }
            var magnitude: UInt64?
            if text.hasPrefix("0x") {
                magnitude = UInt64(text.dropFirst(2), radix: 16)
            } else if text.hasPrefix("0o") {
                magnitude = UInt64(text.dropFirst(2), radix: 8)
            } else if !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) {
                magnitude = UInt64(String(text.filter { $0 != "_" }), radix: 10)
            } else if case .float(let d) = ScalarResolver.resolve(s.text), d.rounded() == d, let v = I(exactly: d) {
                return v
            }
            if let m = magnitude {
                if negative {
                    // -9223372036854775808 is Int64.min, whose magnitude is no Int64.
                    let v64 = m == UInt64(Int64.max) + 1 ? Int64.min : Int64(exactly: m).map { -$0 }
                    if let v64, let v = I(exactly: v64) { return v }
                } else if let v = I(exactly: m) {
                    return v
                }
                throw NodeDecodingError(rule: SchemaRule.invalidValue, message: "integer \(s.text) is out of range (\(I.min)…\(I.max))", node: node, path: path(), hint: nil)
            }
        }
        let hint = s.style.isQuotedOrBlock && Int64(s.text) != nil ? "remove the quotes" : nil
        throw NodeDecodingError(rule: SchemaRule.typeMismatch, message: "expected an integer, got \(describe(node))", node: node, path: path(), hint: hint)
    }

    /// `text` as `I` when it is an optional `-` and 1 to 18 ASCII digits whose value fits;
    /// nil for anything else (signs, `_`, prefixes, exponents, overflow take the general path).
    static func plainDecimal<I: FixedWidthInteger>(_ text: String, as: I.Type) -> I? {
        text.utf8.withContiguousStorageIfAvailable { b -> I? in
            var i = 0
            let negative = b.count > 1 && b[0] == UInt8(ascii: "-")
            if negative { i = 1 }
            let digits = b.count - i
            guard digits >= 1, digits <= 18 else { return nil }
            var value: Int64 = 0
            while i < b.count {
                let d = b[i] &- UInt8(ascii: "0")
                guard d <= 9 else { return nil }
                value = value * 10 + Int64(d)
                i += 1
            }
            return I(exactly: negative ? -value : value)
        } ?? nil
    }

    /// An integer, else a string, as `IntOrString.init(from:)` reads it.
    func decodeIntOrString(_ node: Node, path: @autoclosure () -> FieldPath) throws -> IntOrString {
        // Only plain text starting with a digit or a sign can be an integer: a port name skips
        // the failed integer attempt and its message.
        if let s = node.scalar, s.style == .plain, let first = s.text.utf8.first,
           first &- UInt8(ascii: "0") <= 9 || first == UInt8(ascii: "-") || first == UInt8(ascii: "+"),
           let i = try? decodeInteger(Int.self, node, path: path()) {
            return .int(i)
        }
        if let s = try? decodeString(node, path: path()) { return .string(s) }
        throw NodeDecodingError(rule: SchemaRule.invalidValue, message: IntOrString.mismatchMessage, node: node, path: path(), hint: nil)
    }

    func decodeDouble(_ node: Node, path: @autoclosure () -> FieldPath) throws -> Double {
        let s = try scalar(node, expected: "a number", path: path())
        if s.style == .plain && (node.tag == nil || node.tag == Tag.int || node.tag == Tag.float) {
            switch ScalarResolver.resolve(s.text) {
            case .int(let i): return Double(i)
            case .float(let d): return d
            default: break
            }
        }
        let hint = s.style.isQuotedOrBlock && Double(s.text) != nil ? "remove the quotes" : nil
        throw NodeDecodingError(rule: SchemaRule.typeMismatch, message: "expected a number, got \(describe(node))", node: node, path: path(), hint: hint)
    }

    func isNull(_ node: Node) -> Bool {
        guard let s = node.scalar else { return false }
        if node.tag == Tag.null { return true }
        return s.style == .plain && node.tag == nil && (s.text.isEmpty || s.text == "null" || s.text == "~" || s.text == "Null" || s.text == "NULL")
    }

    func describe(_ node: Node) -> String {
        guard let s = node.scalar else { return "a \(node.kindName)" }
        let shown = s.text.count > 40 ? String(s.text.prefix(40)) + "…" : s.text
        if s.style.isQuotedOrBlock { return "the string \"\(shown)\"" }
        return "\(node.kindName) \"\(shown)\""
    }

    // MARK: Unknown fields

    func reportUnknownFields() {
        // The trackers that need the keys asked of them: those with `ExtraFields`, and those
        // with a pair no model read.
        var needs = [Bool](repeating: false, count: trackers.count)
        var any = false
        for t in trackers where !t.knownBoxes.isEmpty || (!t.acceptsAll && !t.aborted && t.missedSome) {
            needs[Int(t.index)] = true
            any = true
        }
        guard any else { return }
        var askedOf: [Int32: Set<String>] = [:]
        for (tracker, key) in asked where needs[Int(tracker)] { askedOf[tracker, default: []].insert(key) }
        for t in trackers where needs[Int(t.index)] && t.missedAsks {
            for reader in t.readers { askedOf[t.index, default: []].formUnion(keysAsked(by: reader, of: t)) }
        }
        for t in trackers where !t.knownBoxes.isEmpty {
            let keys = askedOf[t.index] ?? []
            for box in t.knownBoxes { box.keys = keys }
        }
        for t in trackers where !t.acceptsAll && !t.aborted && t.missedSome {
            let asked = askedOf[t.index] ?? []
            let suggestions = asked.sorted()
            for (i, p) in t.mapping.pairs.enumerated() where !t.found(i) {
                // A key asked for but not found here is an earlier duplicate of a found one.
                guard let key = p.key.scalarText, !asked.contains(key) else { continue }
                let hint = Suggestion.closest(to: key, in: suggestions).map { "did you mean \"\($0)\"?" }
                let path = t.path.rendered
                let prefix = path.isEmpty ? "" : "\(path): "
                diagnostics.append(Diagnostic(rule: SchemaRule.unknownField, severity: .error,
                                              message: "\(prefix)unknown field \"\(key)\" in \(t.typeName)",
                                              in: file, range: p.key.range, hint: hint))
            }
        }
    }
}

extension DecodingSession {
    /// The keys `reader` asks of `t`'s mapping, found by reading the mapping again in a probe
    /// session that records every key (its findings are dropped).
    func keysAsked(by reader: any FieldDecodable.Type, of t: KeyTracker) -> Set<String> {
        let probe = DecodingSession(file: file, nodes: t.node.expandedSize)
        probe.recordsAll = true
        probe.decodesThroughCodable = decodesThroughCodable
        probe.depth = t.depth - 1  // decodeFields counts the mapping itself again
        func read<F: FieldDecodable>(_ type: F.Type) { _ = try? probe.decodeFields(F.self, node: t.node, path: t.path) }
        read(reader)
        guard let i = probe.trackerIndex[ObjectIdentifier(t.node)] else { return [] }
        return Set(probe.asked.lazy.filter { $0.tracker == i }.map(\.key))
    }
}

/// A model's name for messages, spelled out only when a message needs it: `String(describing:)`
/// of a type costs a quarter of a million instructions the first time, once per model type
/// and process, which a short run on a few files noticed.
struct TypeName: CustomStringConvertible, @unchecked Sendable {
    private let type: Any.Type?
    private let text: String

    init(_ type: Any.Type) {
        self.type = type
        text = ""
    }

    init(_ text: String) {
        type = nil
        self.text = text
    }

    var description: String { type.map { String(describing: $0) } ?? text }
}

/// How a type decodes, worked out once per type and process: the casts and the type name are a
/// measurable share of decoding large files when repeated per value or per document.
struct DecodeStrategy: @unchecked Sendable {
    enum Kind { case string, lenient, raw, wrapping, strictEnum, fields, plain }
    let kind: Kind
    let typeName: TypeName
    /// The type as a `LenientSequence` when `kind` is `.lenient`.
    let lenient: (any LenientSequence.Type)?
    /// The type as a `StrictEnum` when `kind` is `.strictEnum`.
    let strictEnum: (any StrictEnum.Type)?
    /// The type as a `FieldDecodable` when `kind` is `.fields`.
    var fields: (any FieldDecodable.Type)? = nil
    /// The type as a `NodeWrapping` when `kind` is `.wrapping`.
    var wrapping: (any NodeWrapping.Type)? = nil

    private static let known = Locked<[ObjectIdentifier: DecodeStrategy]>([:])

    static func of<T>(_ type: T.Type) -> DecodeStrategy {
        let id = ObjectIdentifier(T.self)
        if let entry = known.withLock({ $0[id] }) { return entry }
        let entry: DecodeStrategy
        if T.self == String.self {
            entry = DecodeStrategy(kind: .string, typeName: TypeName("String"), lenient: nil, strictEnum: nil)
        } else if let lenient = T.self as? any LenientSequence.Type {
            entry = DecodeStrategy(kind: .lenient, typeName: TypeName(T.self), lenient: lenient, strictEnum: nil)
        } else if T.self == RawNode.self {
            entry = DecodeStrategy(kind: .raw, typeName: TypeName("RawNode"), lenient: nil, strictEnum: nil)
        } else if let strict = T.self as? any StrictEnum.Type {
            entry = DecodeStrategy(kind: .strictEnum, typeName: TypeName(T.self), lenient: nil, strictEnum: strict)
        } else if let fields = T.self as? any FieldDecodable.Type {
            entry = DecodeStrategy(kind: .fields, typeName: TypeName(T.self), lenient: nil, strictEnum: nil, fields: fields)
        } else if let wrapping = T.self as? any NodeWrapping.Type {
            entry = DecodeStrategy(kind: .wrapping, typeName: TypeName(T.self), lenient: nil, strictEnum: nil, wrapping: wrapping)
        } else {
            entry = DecodeStrategy(kind: .plain, typeName: TypeName(T.self), lenient: nil, strictEnum: nil)
        }
        known.withLock { $0[id] = entry }
        return entry
    }
}

/// Arrays decode element by element; an element that fails is reported and skipped.
protocol LenientSequence {
    static func decodeLeniently(node: Node, path: FieldPath, session: DecodingSession) throws -> Self
}

extension Array: LenientSequence where Element: Decodable {
    static func decodeLeniently(node: Node, path: FieldPath, session: DecodingSession) throws -> Array {
        try session.decodeItems(node, path: path) { try session.decode(Element.self, node: $0, path: $1) }
    }
}
