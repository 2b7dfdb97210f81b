/// A document written as Swift literals: `["replicas": 1, "labels": ["tier": "web"]]`.
///
/// For the parts of a model that stay raw until they are merged — a stack's environment
/// overlays are partial stacks — so Swift code can write them as a YAML file would.
public indirect enum NodeLiteral: Sendable, NodeRepresentable, ExpressibleByDictionaryLiteral, ExpressibleByArrayLiteral,
    ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral {
    case mapping([(String, NodeLiteral)])
    case sequence([NodeLiteral])
    case string(String)
    case int(Int)
    case float(Double)
    case bool(Bool)

    public init(dictionaryLiteral elements: (String, NodeLiteral)...) { self = .mapping(elements) }
    public init(arrayLiteral elements: NodeLiteral...) { self = .sequence(elements) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .float(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }

    /// The node this literal stands for, keys in the order written.
    public func makeNode() -> Node {
        switch self {
        case .mapping(let pairs): return .mapping(pairs.map { ($0.0, $0.1.makeNode()) })
        case .sequence(let items): return .sequence(items.map { $0.makeNode() })
        case .string(let s): return .string(s)
        case .int(let i): return .int(i)
        case .float(let d): return .plain(NumberText.float(d), tag: Tag.float)
        case .bool(let b): return .bool(b)
        }
    }
}

extension RawNode: ExpressibleByDictionaryLiteral {
    /// A raw mapping written as Swift literals (see `NodeLiteral`).
    public init(dictionaryLiteral elements: (String, NodeLiteral)...) {
        self.init(NodeLiteral.mapping(elements).makeNode())
    }
}
