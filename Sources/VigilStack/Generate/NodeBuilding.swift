import VigilCore

/// Small helpers to build output documents in declaration order.
enum N {
    /// A mapping; nil values are left out, so optional settings read naturally.
    static func map(_ pairs: KeyValuePairs<String, Node?>) -> Node {
        .mapping(pairs.compactMap { k, v in v.map { (k, $0) } })
    }

    static func map(_ pairs: [(String, Node)]) -> Node { .mapping(pairs) }

    static func str(_ s: String) -> Node { .string(s) }
    static func optional(_ s: String?) -> Node? { s.map { .string($0) } }
    static func int(_ i: Int) -> Node { .int(i) }
    static func bool(_ b: Bool) -> Node { .bool(b) }
    static func list(_ items: [Node]) -> Node { .sequence(items) }
    static func strings(_ items: [String]) -> Node { .sequence(items.map { .string($0) }) }

    /// A number as Prometheus and Grafana write it (`0.05`, `10`).
    static func number(_ d: Double) -> Node { Node.plain(NumberText.float(d), tag: Tag.float) }

    /// A sorted string map (labels, annotations).
    static func labels(_ pairs: [(String, String)]) -> Node {
        .mapping(pairs.sorted { $0.0 < $1.0 }.map { ($0.0, .string($0.1)) })
    }

    /// A duration in Prometheus's canonical form.
    static func duration(_ d: Duration) -> Node { .string(d.description) }
    static func optionalDuration(_ d: Duration?) -> Node? { d.map { .string($0.description) } }
}

/// A rendered file: a path relative to the output folder and its bytes.
public struct RenderedFile: Sendable, Hashable {
    public let path: String
    public let bytes: [UInt8]

    public init(path: String, text: String) {
        self.path = path
        self.bytes = Array(text.utf8)
    }

    public var text: String { String(decoding: bytes, as: UTF8.self) }
}

extension YAMLEmitter {
    /// Emits, turning the (impossible for generated trees) limit errors into a comment.
    func render(_ node: Node) -> String {
        (try? emit(node)) ?? "# vigil: output too large to emit\n"
    }

    func render(documents: [Node]) -> String {
        (try? emit(documents: documents)) ?? "# vigil: output too large to emit\n"
    }
}

extension JSONEmitter {
    func render(_ node: Node) -> String {
        (try? emit(node)) ?? "{}\n"
    }
}
