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

    public init(file: SourceFile) {
        self.file = file
    }

    /// Decodes `type` from `node`, returning the value (nil when it could not be built) and all
    /// problems found. `path` prefixes the field paths in messages.
    public func decode<T: Decodable>(_ type: T.Type, from node: Node, path: [String] = []) -> (value: T?, diagnostics: [Diagnostic]) {
        let session = DecodingSession(file: file)
        let base = path.map { PathKey(stringValue: $0) }
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
    let path: [any CodingKey]
    let hint: String?
}

struct PathKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue; self.intValue = nil }
    init(intValue: Int) { self.stringValue = String(intValue); self.intValue = intValue }
}

/// Renders a coding path as `spec.containers[0].name`.
func renderPath(_ path: [any CodingKey]) -> String {
    var out = ""
    for key in path {
        if let i = key.intValue {
            out += "[\(i)]"
        } else {
            if !out.isEmpty { out += "." }
            out += key.stringValue
        }
    }
    return out
}

/// Which keys of one mapping the models asked for.
final class KeyTracker {
    let node: Node
    let mapping: Mapping
    var typeName: String
    var accessed: Set<String> = []
    var acceptsAll = false
    var aborted = false
    /// ExtraFields of this mapping, told at the end which keys the model decoded.
    var knownBoxes: [KnownKeys] = []
    var path: [any CodingKey]

    init(node: Node, mapping: Mapping, typeName: String, path: [any CodingKey]) {
        self.node = node
        self.mapping = mapping
        self.typeName = typeName
        self.path = path
    }
}

/// State shared by all the decoders of one `decode` call.
final class DecodingSession {
    let file: SourceFile
    var diagnostics: [Diagnostic] = []
    private var trackers: [ObjectIdentifier: KeyTracker] = [:]
    private var trackerOrder: [ObjectIdentifier] = []
    var depth = 0
    static let maxDepth = 400

    init(file: SourceFile) {
        self.file = file
    }

    func tracker(for node: Node, mapping: Mapping, typeName: String, path: [any CodingKey]) -> KeyTracker {
        let id = ObjectIdentifier(node)
        if let t = trackers[id] { return t }
        let t = KeyTracker(node: node, mapping: mapping, typeName: typeName, path: path)
        trackers[id] = t
        trackerOrder.append(id)
        return t
    }

    /// Records an error that reached a point where decoding recovers.
    func record(_ error: any Error) {
        if let e = error as? NodeDecodingError {
            let where_ = renderPath(e.path)
            let message = where_.isEmpty ? e.message : "\(where_): \(e.message)"
            diagnostics.append(Diagnostic(rule: e.rule, severity: .error, message: message, in: file, range: e.node.range, hint: e.hint))
        } else {
            diagnostics.append(Diagnostic(rule: SchemaRule.invalidValue, severity: .error, message: String(describing: error), file: file.path))
        }
    }

    /// Decodes a value of any type from a node: the single entry point that every container uses.
    /// How a type decodes, worked out once per type and session (casts and type names are
    /// a measurable share of decoding large files).
    private enum Strategy { case string, lenient, raw, strictEnum, plain }
    private var strategies: [ObjectIdentifier: (Strategy, String)] = [:]

    private func strategy<T>(for type: T.Type) -> (Strategy, String) {
        let id = ObjectIdentifier(T.self)
        if let known = strategies[id] { return known }
        let s: Strategy
        if T.self == String.self { s = .string }
        else if T.self is any LenientSequence.Type { s = .lenient }
        else if T.self == RawNode.self { s = .raw }
        else if T.self is any StrictEnum.Type { s = .strictEnum }
        else { s = .plain }
        let entry = (s, String(describing: T.self))
        strategies[id] = entry
        return entry
    }

    func decode<T: Decodable>(_ type: T.Type, node: Node, path: [any CodingKey]) throws -> T {
        let (strategy, typeName) = strategy(for: T.self)
        if strategy != .plain { return try decodeSpecial(T.self, strategy, node: node, path: path) }
        depth += 1
        defer { depth -= 1 }
        guard depth < DecodingSession.maxDepth else {
            throw NodeDecodingError(rule: "yaml/limit", message: "nesting too deep to decode", node: node, path: path, hint: nil)
        }
        let decoder = NodeDecoderImpl(node: node, path: path, session: self, typeName: typeName)
        do {
            return try T(from: decoder)
        } catch let e as NodeDecodingError {
            throw e
        } catch let e as DecodingError {
            throw translate(e, node: node, path: path)
        }
    }

    private func decodeSpecial<T: Decodable>(_ type: T.Type, _ strategy: Strategy, node: Node, path: [any CodingKey]) throws -> T {
        if T.self == String.self, let s = try decodeString(node, path: path) as? T { return s }
        if let lenient = T.self as? any LenientSequence.Type,
           let v = try lenient.decodeLeniently(node: node, path: path, session: self) as? T {
            return v
        }
        if T.self == RawNode.self, let raw = RawNode(node) as? T { return raw }
        if let strict = T.self as? any StrictEnum.Type {
            let text = try decodeString(node, path: path)
            guard let v = strict.init(strictRawValue: text), let typed = v as? T else {
                let allowed = strict.allowedValues
                let hint = Suggestion.closest(to: text, in: allowed).map { "did you mean \"\($0)\"?" }
                throw NodeDecodingError(rule: SchemaRule.invalidValue,
                                        message: "invalid value \"\(text)\"; expected one of: \(allowed.joined(separator: ", "))",
                                        node: node, path: path, hint: hint)
            }
            return typed
        }
        throw NodeDecodingError(rule: SchemaRule.typeMismatch, message: "cannot decode \(T.self)", node: node, path: path, hint: nil)
    }

    private func translate(_ error: DecodingError, node: Node, path: [any CodingKey]) -> NodeDecodingError {
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

    func scalar(_ node: Node, expected: String, path: [any CodingKey]) throws -> Scalar {
        guard let s = node.scalar else {
            throw NodeDecodingError(rule: SchemaRule.typeMismatch, message: "expected \(expected), got a \(node.kindName)", node: node, path: path, hint: nil)
        }
        return s
    }

    func decodeString(_ node: Node, path: [any CodingKey]) throws -> String {
        let s = try scalar(node, expected: "a string", path: path)
        if s.style == .plain, node.tag == nil, s.text == "null" || s.text == "~" || s.text == "Null" || s.text == "NULL" { return "" }
        return s.text
    }

    func decodeBool(_ node: Node, path: [any CodingKey]) throws -> Bool {
        let s = try scalar(node, expected: "true or false", path: path)
        if s.style == .plain && (node.tag == nil || node.tag == Tag.bool) {
            switch s.text {
            case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON": return true
            case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF": return false
            default: break
            }
        }
        let hint = s.style.isQuotedOrBlock ? "remove the quotes" : nil
        throw NodeDecodingError(rule: SchemaRule.typeMismatch, message: "expected true or false, got \(describe(node))", node: node, path: path, hint: hint)
    }

    func decodeInteger<I: FixedWidthInteger>(_ type: I.Type, _ node: Node, path: [any CodingKey]) throws -> I {
        let s = try scalar(node, expected: "an integer", path: path)
        if s.style == .plain && (node.tag == nil || node.tag == Tag.int || node.tag == Tag.float) {
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
                    if let v64 = Int64(exactly: m), let v = I(exactly: -v64) { return v }
                } else if let v = I(exactly: m) {
                    return v
                }
                throw NodeDecodingError(rule: SchemaRule.invalidValue, message: "integer \(s.text) is out of range (\(I.min)…\(I.max))", node: node, path: path, hint: nil)
            }
        }
        let hint = s.style.isQuotedOrBlock && Int64(s.text) != nil ? "remove the quotes" : nil
        throw NodeDecodingError(rule: SchemaRule.typeMismatch, message: "expected an integer, got \(describe(node))", node: node, path: path, hint: hint)
    }

    func decodeDouble(_ node: Node, path: [any CodingKey]) throws -> Double {
        let s = try scalar(node, expected: "a number", path: path)
        if s.style == .plain && (node.tag == nil || node.tag == Tag.int || node.tag == Tag.float) {
            switch ScalarResolver.resolve(s.text) {
            case .int(let i): return Double(i)
            case .float(let d): return d
            default: break
            }
        }
        let hint = s.style.isQuotedOrBlock && Double(s.text) != nil ? "remove the quotes" : nil
        throw NodeDecodingError(rule: SchemaRule.typeMismatch, message: "expected a number, got \(describe(node))", node: node, path: path, hint: hint)
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
        for id in trackerOrder {
            if let t = trackers[id] { for box in t.knownBoxes { box.keys = t.accessed } }
        }
        for id in trackerOrder {
            guard let t = trackers[id], !t.acceptsAll, !t.aborted else { continue }
            for p in t.mapping.pairs {
                guard let key = p.key.scalarText, !t.accessed.contains(key) else { continue }
                let hint = Suggestion.closest(to: key, in: t.accessed.sorted()).map { "did you mean \"\($0)\"?" }
                let path = renderPath(t.path)
                let prefix = path.isEmpty ? "" : "\(path): "
                diagnostics.append(Diagnostic(rule: SchemaRule.unknownField, severity: .error,
                                              message: "\(prefix)unknown field \"\(key)\" in \(t.typeName)",
                                              in: file, range: p.key.range, hint: hint))
            }
        }
    }
}

/// Arrays decode element by element; an element that fails is reported and skipped.
protocol LenientSequence {
    static func decodeLeniently(node: Node, path: [any CodingKey], session: DecodingSession) throws -> Self
}

extension Array: LenientSequence where Element: Decodable {
    static func decodeLeniently(node: Node, path: [any CodingKey], session: DecodingSession) throws -> Array {
        guard let items = node.sequence else {
            if session.isNull(node) { return [] }
            throw NodeDecodingError(rule: SchemaRule.typeMismatch, message: "expected a list, got \(session.describe(node))", node: node, path: path, hint: nil)
        }
        var out: [Element] = []
        out.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            do {
                out.append(try session.decode(Element.self, node: item, path: path + [PathKey(intValue: i)]))
            } catch {
                session.record(error)
            }
        }
        return out
    }
}
