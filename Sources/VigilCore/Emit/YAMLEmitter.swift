/// Writes node trees as deterministic YAML in Kubernetes style.
///
/// - Block style, two-space indentation; sequences are indented under their key
///   (`key:\n  - a`); a sequence item that is a mapping has its first key on the dash line.
/// - Empty collections are `{}` and `[]`; the output ends with exactly one newline (except when
///   the last scalar is a `|+` literal, whose trailing empty lines are content).
/// - Strings are quoted only where a YAML 1.1 or 1.2 reader would misread them (`YAMLQuoting`);
///   multi-line strings become literal blocks (`|`, `|-`, `|+`).
/// - Plain scalars without a tag (as loaded) keep their text; `int`/`float`/`bool`/`null`
///   scalars are written plain; other tags are written before the value (`!Ref x`, `!!binary`,
///   `!<tag:example.com,2026:x>`).
/// - Keys that are collections, or longer than 1024 bytes of UTF-8, are written as explicit
///   `? key` / `: value` entries.
///
/// The emitter is iterative, so no tree can overflow the stack; `maxDepth` and `maxNodes` bound
/// the size of the output instead (an alias-heavy tree expands when written).
public struct YAMLEmitter: Sendable {
    /// The deepest nesting accepted.
    public var maxDepth: Int
    /// The most nodes (with aliases expanded) accepted.
    public var maxNodes: Int

    /// An emitter; the limits are checked before anything is written.
    public init(maxDepth: Int = 10_000, maxNodes: Int = 10_000_000) {
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
    }

    /// One document as YAML text.
    public func emit(_ node: Node) throws -> String {
        try EmitLimits.check(node, maxDepth: maxDepth, maxNodes: maxNodes)
        var writer = YAMLEmitterWriter()
        writer.write(node)
        return writer.out
    }

    /// Several documents separated by `---` lines; no documents give empty text.
    public func emit(documents: [Node]) throws -> String {
        var out = ""
        for (i, node) in documents.enumerated() {
            if i > 0 { out += "---\n" }
            out += try emit(node)
        }
        return out
    }

    /// One document for an `Encodable` value (through `NodeEncoder`).
    public func emit<T: Encodable>(encoding value: T) throws -> String {
        try emit(NodeEncoder().encode(value))
    }

    /// One document as UTF-8 bytes.
    public func emitData(_ node: Node) throws -> [UInt8] {
        Array(try emit(node).utf8)
    }
}

/// The iterative writer behind `YAMLEmitter`.
struct YAMLEmitterWriter {
    /// Where a node is written: what has already been written on its line.
    enum Place {
        /// At the start of a document (column 0, nothing written).
        case document
        /// After `key:` of a mapping whose keys are at `indent`.
        case mappingValue
        /// After a `-`, `?` or `:` indicator at column `indent`.
        case entry
    }

    enum Work {
        case text(String)
        case node(Node, indent: Int, place: Place)
    }

    var out = ""
    private var stack: [Work] = []

    static let maxImplicitKeyLength = 1024

    mutating func write(_ root: Node) {
        stack.append(.node(root, indent: 0, place: .document))
        while let work = stack.popLast() {
            switch work {
            case .text(let s): out += s
            case .node(let node, let indent, let place): writeNode(node, indent: indent, place: place)
            }
        }
    }

    private static func spaces(_ n: Int) -> String { String(repeating: " ", count: n) }

    private mutating func writeNode(_ node: Node, indent: Int, place: Place) {
        let separator = place == .document ? "" : " "
        switch node.content {
        case .scalar(let scalar):
            let repr = YAMLEmitterWriter.scalarRepr(node, scalar, allowBlock: true, topLevel: place == .document)
            let prefix = repr.tag.map { $0 + " " } ?? ""
            switch repr.body {
            case .empty:
                out += place == .document ? prefix + "null\n" : (repr.tag.map { " " + $0 } ?? "") + "\n"
            case .inline(let text):
                out += separator + prefix + text + "\n"
            case .literal(let text):
                let contentIndent = place == .document ? 2 : indent + 2
                writeLiteral(text, header: separator + prefix, contentIndent: contentIndent)
            }
        case .sequence(let items):
            let tag = YAMLEmitterWriter.collectionTag(node, default: Tag.seq)
            if items.isEmpty {
                out += separator + (tag.map { $0 + " " } ?? "") + "[]\n"
                return
            }
            let (childIndent, inlineFirst) = openCollection(tag: tag, indent: indent, place: place)
            for (i, item) in items.enumerated().reversed() {
                stack.append(.node(item, indent: childIndent, place: .entry))
                let lead = i == 0 && inlineFirst ? " " : YAMLEmitterWriter.spaces(childIndent)
                stack.append(.text(lead + "-"))
            }
        case .mapping(let mapping):
            let tag = YAMLEmitterWriter.collectionTag(node, default: Tag.map)
            if mapping.isEmpty {
                out += separator + (tag.map { $0 + " " } ?? "") + "{}\n"
                return
            }
            let (childIndent, inlineFirst) = openCollection(tag: tag, indent: indent, place: place)
            let pad = YAMLEmitterWriter.spaces(childIndent)
            for (i, pair) in mapping.pairs.enumerated().reversed() {
                let lead = i == 0 && inlineFirst ? " " : pad
                if let key = YAMLEmitterWriter.implicitKey(pair.key) {
                    stack.append(.node(pair.value, indent: childIndent, place: .mappingValue))
                    stack.append(.text(lead + key + ":"))
                } else {
                    stack.append(.node(pair.value, indent: childIndent, place: .entry))
                    stack.append(.text(pad + ":"))
                    stack.append(.node(pair.key, indent: childIndent, place: .entry))
                    stack.append(.text(lead + "?"))
                }
            }
        }
    }

    /// Writes what goes before a non-empty collection's first child and says where the
    /// children go: their indentation, and whether the first one continues the current line.
    private mutating func openCollection(tag: String?, indent: Int, place: Place) -> (Int, Bool) {
        switch place {
        case .document:
            if let tag { out += tag + "\n" }
            return (0, false)
        case .mappingValue:
            out += (tag.map { " " + $0 } ?? "") + "\n"
            return (indent + 2, false)
        case .entry:
            if let tag {
                out += " " + tag + "\n"
                return (indent + 2, false)
            }
            return (indent + 2, true)
        }
    }

    private mutating func writeLiteral(_ text: String, header: String, contentIndent: Int) {
        var body = Substring(text)
        var trailing = 0
        while body.last == "\n" {
            body = body.dropLast()
            trailing += 1
        }
        let chomp = trailing == 0 ? "-" : (trailing == 1 ? "" : "+")
        let indicator = YAMLEmitterWriter.needsIndentationIndicator(text) ? "2" : ""
        out += header + "|" + indicator + chomp + "\n"
        let pad = YAMLEmitterWriter.spaces(contentIndent)
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty {
                out += "\n"
            } else {
                out += pad
                out += line
                out += "\n"
            }
        }
        if trailing > 1 { out += String(repeating: "\n", count: trailing - 1) }
    }

    // MARK: Scalars

    enum Body {
        /// An untagged empty plain scalar (`key:` with no value).
        case empty
        case inline(String)
        case literal(String)
    }

    struct Repr {
        var tag: String?
        var body: Body
    }

    /// How a scalar is written; `allowBlock` is false for keys.
    static func scalarRepr(_ node: Node, _ scalar: Scalar, allowBlock: Bool, topLevel: Bool) -> Repr {
        let text = scalar.text
        guard let tag = node.tag else {
            if scalar.style == .plain {
                if text.isEmpty { return Repr(tag: nil, body: .empty) }
                if YAMLQuoting.isLegalPlain(text) { return Repr(tag: nil, body: .inline(text)) }
            }
            return Repr(tag: nil, body: stringBody(text, allowBlock: allowBlock, topLevel: topLevel))
        }
        switch tag {
        case Tag.str:
            return Repr(tag: nil, body: stringBody(text, allowBlock: allowBlock, topLevel: topLevel))
        case Tag.null:
            if text.isEmpty || text == "~" || text.lowercased() == "null" { return Repr(tag: nil, body: .inline("null")) }
            return typed(text, tag: tag, matches: false)
        case Tag.bool:
            return typed(text, tag: tag, matches: ScalarResolver.resolve(text).isBool)
        case Tag.int:
            if case .int = ScalarResolver.resolve(text) { return typed(text, tag: tag, matches: true) }
            return typed(text, tag: tag, matches: false)
        case Tag.float:
            return typed(text, tag: tag, matches: ScalarResolver.resolve(text).isNumber)
        default:
            let shown = shortTag(tag)
            if scalar.style == .plain && YAMLQuoting.isLegalPlain(text) {
                return Repr(tag: shown, body: .inline(text))
            }
            if scalar.style == .plain && text.isEmpty { return Repr(tag: shown, body: .inline("''")) }
            return Repr(tag: shown, body: stringBody(text, allowBlock: allowBlock, topLevel: topLevel))
        }
    }

    /// A scalar with a core-schema tag: plain when its text reads back as that type, otherwise
    /// quoted with the tag spelled out so no reader takes it for a string.
    private static func typed(_ text: String, tag: String, matches: Bool) -> Repr {
        if matches && YAMLQuoting.isLegalPlain(text) { return Repr(tag: nil, body: .inline(text)) }
        return Repr(tag: shortTag(tag), body: stringBody(text, allowBlock: false, topLevel: false))
    }

    private static func stringBody(_ text: String, allowBlock: Bool, topLevel: Bool) -> Body {
        switch YAMLQuoting.style(for: text, allowBlock: allowBlock) {
        case .plain: return .inline(text)
        case .singleQuoted: return .inline(YAMLQuoting.singleQuoted(text))
        case .doubleQuoted: return .inline(YAMLQuoting.doubleQuoted(text))
        case .literal:
            // At the top level, readers disagree on where an indentation indicator counts from.
            if topLevel && needsIndentationIndicator(text) {
                return .inline(YAMLQuoting.doubleQuoted(text))
            }
            return .literal(text)
        }
    }

    /// Whether a literal block needs an explicit indentation indicator: its first line starts
    /// with a space, a tab (libyaml rejects a tab where it detects indentation) or is empty.
    static func needsIndentationIndicator(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        return first == " " || first == "\t" || first == "\n"
    }

    /// The key text when the key fits on the `key:` line, else nil (an explicit `?` entry).
    static func implicitKey(_ key: Node) -> String? {
        guard case .scalar(let scalar) = key.content else { return nil }
        let repr = scalarRepr(key, scalar, allowBlock: false, topLevel: false)
        let text: String
        switch repr.body {
        case .empty: text = "null"
        case .inline(let t): text = t
        case .literal: return nil
        }
        let full = repr.tag.map { $0 + " " + text } ?? text
        return full.utf8.count <= maxImplicitKeyLength ? full : nil
    }

    /// The tag to write for a collection, or nil when it is the default for its kind.
    static func collectionTag(_ node: Node, default defaultTag: String) -> String? {
        guard let tag = node.tag, tag != defaultTag else { return nil }
        return shortTag(tag)
    }

    /// `!!name` for yaml.org tags, local tags as written, `!<…>` for other global tags.
    static func shortTag(_ tag: String) -> String {
        let yamlOrg = "tag:yaml.org,2002:"
        if tag.hasPrefix(yamlOrg) { return "!!" + tag.dropFirst(yamlOrg.count) }
        if tag.hasPrefix("!") { return tag }
        return "!<" + tag + ">"
    }
}
