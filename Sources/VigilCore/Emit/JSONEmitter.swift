/// Writes node trees as deterministic JSON.
///
/// - Keys in document (declared) order; pretty mode uses two-space indentation and `": "`,
///   and ends with a newline; compact mode is one line without spaces or final newline.
/// - Strings escape only `"`, `\` and control characters (`\n`, `\t`, `\r`, `\b`, `\f`,
///   `\u00XX`); `/` and non-ASCII text are written as they are (UTF-8).
/// - Scalars tagged `int`/`float`, and untagged plain scalars that resolve to numbers under the
///   YAML 1.2 core schema, are numbers (their text kept when it already is a JSON number, so
///   large integers stay exact); `bool` and `null` likewise. Everything else is a string.
/// - Non-finite floats become the strings `"+Inf"`, `"-Inf"` and `"NaN"`: JSON has no literal
///   for them, and these are the spellings Prometheus' own JSON uses and Go's
///   `strconv.ParseFloat` reads, which is what consumes Vigil's output.
/// - Custom tags are dropped (JSON cannot carry them); collection keys are an error.
public struct JSONEmitter: Sendable {
    /// Pretty (indented, multi-line) or compact (one line).
    public var pretty: Bool
    /// The deepest nesting accepted.
    public var maxDepth: Int
    /// The most nodes (with aliases expanded) accepted.
    public var maxNodes: Int

    /// An emitter; the limits are checked before anything is written.
    public init(pretty: Bool = true, maxDepth: Int = 10_000, maxNodes: Int = 10_000_000) {
        self.pretty = pretty
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
    }

    /// The JSON text of a node tree.
    public func emit(_ node: Node) throws -> String {
        try EmitLimits.check(node, maxDepth: maxDepth, maxNodes: maxNodes)
        var out = ""
        try JSONEmitter.write(node, pretty: pretty, into: &out)
        if pretty { out += "\n" }
        return out
    }

    /// The JSON text of an `Encodable` value (through `NodeEncoder`).
    public func emit<T: Encodable>(encoding value: T) throws -> String {
        try emit(NodeEncoder().encode(value))
    }

    private enum Work {
        case text(String)
        case node(Node, indent: Int)
    }

    private static func write(_ root: Node, pretty: Bool, into out: inout String) throws {
        var stack: [Work] = [.node(root, indent: 0)]
        let colon = pretty ? ": " : ":"
        while let work = stack.popLast() {
            switch work {
            case .text(let s):
                out += s
            case .node(let node, let indent):
                switch node.content {
                case .scalar:
                    out += scalarText(node)
                case .sequence(let items):
                    if items.isEmpty { out += "[]"; continue }
                    out += "["
                    let pad = pretty ? "\n" + String(repeating: " ", count: indent + 2) : ""
                    stack.append(.text(pretty ? "\n" + String(repeating: " ", count: indent) + "]" : "]"))
                    for (i, item) in items.enumerated().reversed() {
                        stack.append(.node(item, indent: indent + 2))
                        stack.append(.text(i == 0 ? pad : "," + pad))
                    }
                case .mapping(let mapping):
                    if mapping.isEmpty { out += "{}"; continue }
                    out += "{"
                    let pad = pretty ? "\n" + String(repeating: " ", count: indent + 2) : ""
                    stack.append(.text(pretty ? "\n" + String(repeating: " ", count: indent) + "}" : "}"))
                    for (i, pair) in mapping.pairs.enumerated().reversed() {
                        guard let key = pair.key.scalarText else {
                            throw EmitError.collectionKey(path: pathOfFirstCollectionKey(in: root))
                        }
                        stack.append(.node(pair.value, indent: indent + 2))
                        stack.append(.text((i == 0 ? pad : "," + pad) + quoted(key) + colon))
                    }
                }
            }
        }
    }

    /// The path (`$.a[0]`) of the first mapping, in output order, that has a collection key;
    /// computed only for the error message, so emitting builds no paths.
    static func pathOfFirstCollectionKey(in root: Node) -> String {
        var stack: [(Node, String)] = [(root, "$")]
        while let (node, path) = stack.popLast() {
            switch node.content {
            case .scalar:
                continue
            case .sequence(let items):
                for (i, item) in items.enumerated().reversed() { stack.append((item, path + "[\(i)]")) }
            case .mapping(let mapping):
                if mapping.pairs.contains(where: { $0.key.scalarText == nil }) { return path }
                for pair in mapping.pairs.reversed() {
                    stack.append((pair.value, path + "." + (pair.key.scalarText ?? "")))
                }
            }
        }
        return "$"
    }

    /// The JSON text of one scalar.
    static func scalarText(_ node: Node) -> String {
        guard case .scalar(let s) = node.content else { return "null" }
        switch node.resolvedScalar {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i):
            return isJSONNumber(s.text) ? s.text : String(i)
        case .float(let d):
            if d.isNaN { return "\"NaN\"" }
            if d.isInfinite { return d < 0 ? "\"-Inf\"" : "\"+Inf\"" }
            return isJSONNumber(s.text) ? s.text : NumberText.float(d)
        case .string:
            // Integers too large for Int64 resolve as strings only through their tag's check;
            // keep them numbers when the text is one.
            if node.tag == Tag.int && isJSONNumber(s.text) { return s.text }
            return quoted(s.text)
        }
    }

    /// Whether `text` is a number by the JSON grammar: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?`.
    static func isJSONNumber(_ text: String) -> Bool {
        let b = Array(text.utf8)
        var i = 0
        func digits() -> Int {
            let start = i
            while i < b.count && b[i] >= 48 && b[i] <= 57 { i += 1 }
            return i - start
        }
        if i < b.count && b[i] == UInt8(ascii: "-") { i += 1 }
        guard i < b.count else { return false }
        if b[i] == UInt8(ascii: "0") {
            i += 1
        } else if digits() == 0 {
            return false
        }
        if i < b.count && b[i] == UInt8(ascii: ".") {
            i += 1
            if digits() == 0 { return false }
        }
        if i < b.count && (b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E")) {
            i += 1
            if i < b.count && (b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+")) { i += 1 }
            if digits() == 0 { return false }
        }
        return i == b.count
    }

    /// `text` as a JSON string literal.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for u in text.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16, uppercase: false)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
