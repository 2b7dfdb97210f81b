/// How a scalar was written (or should be written).
public enum ScalarStyle: Sendable, Hashable {
    case plain, singleQuoted, doubleQuoted, literal, folded

    /// Whether the text was quoted or a block scalar, i.e. certainly a string in YAML.
    public var isQuotedOrBlock: Bool { self != .plain }
}

/// Well-known YAML tags, in the long form libyaml reports.
public enum Tag {
    public static let str = "tag:yaml.org,2002:str"
    public static let int = "tag:yaml.org,2002:int"
    public static let float = "tag:yaml.org,2002:float"
    public static let bool = "tag:yaml.org,2002:bool"
    public static let null = "tag:yaml.org,2002:null"
    public static let map = "tag:yaml.org,2002:map"
    public static let seq = "tag:yaml.org,2002:seq"
    public static let merge = "tag:yaml.org,2002:merge"
}

/// A scalar's text exactly as the document holds it, and its style.
public struct Scalar: Sendable, Hashable {
    public let text: String
    public let style: ScalarStyle

    public init(_ text: String, style: ScalarStyle = .plain) {
        self.text = text
        self.style = style
    }
}

/// One key/value pair of a mapping.
public struct Pair: Sendable {
    public let key: Node
    public let value: Node

    public init(key: Node, value: Node) {
        self.key = key
        self.value = value
    }
}

/// A mapping: pairs in document order plus a hashed index of scalar keys for large mappings.
public struct Mapping: Sendable {
    public let pairs: [Pair]
    private let index: [String: Int]?

    /// Mappings up to this size are searched linearly; larger ones are indexed.
    static let indexThreshold = 12

    /// Builds a mapping; when a key repeats, the last pair wins in lookups (as in JSON).
    public init(_ pairs: [Pair]) {
        self.pairs = pairs
        if pairs.count > Mapping.indexThreshold {
            var idx = [String: Int](minimumCapacity: pairs.count)
            for (i, p) in pairs.enumerated() {
                if let k = p.key.scalarText { idx[k] = i }
            }
            self.index = idx
        } else {
            self.index = nil
        }
    }

    public var count: Int { pairs.count }
    public var isEmpty: Bool { pairs.isEmpty }

    /// The value for a scalar key.
    public subscript(key: String) -> Node? {
        pair(for: key)?.value
    }

    /// The pair for a scalar key (its key node carries the key's position).
    public func pair(for key: String) -> Pair? {
        index(of: key).map { pairs[$0] }
    }

    /// The position in `pairs` of the pair for a scalar key (the last one when a key repeats).
    public func index(of key: String) -> Int? {
        if let index {
            return index[key]
        }
        var i = pairs.count
        while i > 0 {
            i -= 1
            if case .scalar(let s) = pairs[i].key.content, s.text == key { return i }
        }
        return nil
    }

    /// The scalar keys in document order.
    public var keys: [String] { pairs.compactMap { $0.key.scalarText } }
}

/// A node of a YAML or JSON document with its source range.
///
/// Nodes are immutable and may be shared: an alias refers to the same `Node` as its anchor, so
/// a document with many aliases stays as small in memory as its text. `expandedSize` counts the
/// nodes a full traversal would visit, which is how alias bombs are caught before anything walks
/// them.
public final class Node: Sendable {
    public enum Content: Sendable {
        case scalar(Scalar)
        case sequence([Node])
        case mapping(Mapping)
    }

    // Stored properties are declared in this order so that the instance packs into 88 bytes
    // (the 32-bit height fills the gap after `content`): a loaded tree is mostly nodes.
    public let content: Content
    private let storedHeight: Int32
    /// The tag as written (long form, e.g. `tag:yaml.org,2002:str`) or set by the encoder.
    public let tag: String?
    /// Where the node starts and ends in its file (zero positions for generated nodes).
    public let range: SourceRange
    /// The number of nodes a traversal that expands aliases visits, including this one.
    public let expandedSize: Int

    /// Nesting depth of the deepest path below this node (0 for a scalar).
    public var height: Int { Int(storedHeight) }

    public init(_ content: Content, tag: String? = nil, range: SourceRange = Node.noRange) {
        self.content = content
        self.tag = tag
        self.range = range
        switch content {
        case .scalar:
            expandedSize = 1
            storedHeight = 0
        case .sequence(let items):
            var size = 1
            var h: Int32 = 0
            for item in items {
                size = size &+ item.expandedSize
                h = max(h, item.storedHeight)
            }
            expandedSize = size
            storedHeight = h &+ 1
        case .mapping(let m):
            var size = 1
            var h: Int32 = 0
            for p in m.pairs {
                size = size &+ p.key.expandedSize &+ p.value.expandedSize
                h = max(h, p.value.storedHeight, p.key.storedHeight)
            }
            expandedSize = size
            storedHeight = h &+ 1
        }
    }

    /// A zero range for nodes that were built in memory.
    public static let noRange = SourceRange(at: SourcePosition(line: 0, column: 0, offset: 0))

    // MARK: Convenience constructors

    /// A string scalar (quoted on output when YAML would read it as something else).
    public static func string(_ s: String, range: SourceRange = noRange) -> Node {
        Node(.scalar(Scalar(s, style: s.contains("\n") ? .literal : .plain)), tag: Tag.str, range: range)
    }

    /// A plain scalar with an explicit tag (`int`, `float`, `bool`, `null`).
    public static func plain(_ s: String, tag: String) -> Node {
        Node(.scalar(Scalar(s)), tag: tag)
    }

    public static func int<I: BinaryInteger>(_ i: I) -> Node { plain(String(i), tag: Tag.int) }
    public static func bool(_ b: Bool) -> Node { plain(b ? "true" : "false", tag: Tag.bool) }
    public static var null: Node { plain("null", tag: Tag.null) }
    public static func sequence(_ items: [Node]) -> Node { Node(.sequence(items), tag: Tag.seq) }
    public static func mapping(_ pairs: [(String, Node)]) -> Node {
        Node(.mapping(Mapping(pairs.map { Pair(key: .string($0.0), value: $0.1) })), tag: Tag.map)
    }

    // MARK: Access

    public var scalar: Scalar? {
        if case .scalar(let s) = content { return s }
        return nil
    }

    /// The scalar's text, or nil for collections.
    public var scalarText: String? {
        if case .scalar(let s) = content { return s.text }
        return nil
    }

    public var mapping: Mapping? {
        if case .mapping(let m) = content { return m }
        return nil
    }

    public var sequence: [Node]? {
        if case .sequence(let s) = content { return s }
        return nil
    }

    /// The value of a key when this node is a mapping.
    public subscript(key: String) -> Node? { mapping?[key] }

    /// What kind of node this is, in the words diagnostics use.
    public var kindName: String {
        switch content {
        case .scalar:
            switch resolvedScalar {
            case .null: return "null"
            case .bool: return "boolean"
            case .int, .float: return "number"
            case .string: return "string"
            }
        case .sequence: return "list"
        case .mapping: return "mapping"
        }
    }

    /// How a YAML 1.2 core-schema reader resolves this scalar (honouring explicit tags and
    /// quoting). Collections resolve as `.string` and should not be asked.
    public var resolvedScalar: ResolvedScalar {
        guard case .scalar(let s) = content else { return .string }
        if let tag {
            switch tag {
            case Tag.str: return .string
            case Tag.null: return .null
            case Tag.bool: return ScalarResolver.resolve(s.text).isBool ? ScalarResolver.resolve(s.text) : .string
            case Tag.int, Tag.float:
                let r = ScalarResolver.resolve(s.text)
                return r.isNumber ? r : .string
            default:
                // Any other explicit tag (`!local`, `!!binary`, `!!timestamp`) names the type, so
                // the text is not resolved as if it were untagged: `!!so ''` and `!!so` agree.
                return .string
            }
        }
        if s.style != .plain { return .string }
        return ScalarResolver.resolve(s.text)
    }
}

/// The value a plain scalar denotes under the YAML 1.2 core schema.
public enum ResolvedScalar: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case float(Double)
    case string

    public var isBool: Bool { if case .bool = self { return true } else { return false } }
    public var isNumber: Bool {
        switch self {
        case .int, .float: return true
        default: return false
        }
    }
}
