/// Why a node tree could not be written as YAML or JSON.
public enum EmitError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The tree nests deeper than the emitter's `maxDepth`.
    case tooDeep(height: Int, limit: Int)
    /// The tree (with aliases expanded) has more nodes than the emitter's `maxNodes`.
    case tooLarge(nodes: Int, limit: Int)
    /// A mapping key is a collection, which JSON cannot express.
    case collectionKey(path: String)

    public var description: String {
        switch self {
        case .tooDeep(let height, let limit):
            return "document nests \(height) levels deep; the limit is \(limit)"
        case .tooLarge(let nodes, let limit):
            return "document expands to \(nodes) nodes; the limit is \(limit)"
        case .collectionKey(let path):
            return "mapping key at \(path) is a list or mapping, which JSON cannot express"
        }
    }
}

/// Limits shared by the emitters, checked before any output is written.
enum EmitLimits {
    static func check(_ node: Node, maxDepth: Int, maxNodes: Int) throws {
        if node.height > maxDepth { throw EmitError.tooDeep(height: node.height, limit: maxDepth) }
        // `expandedSize` wraps on overflow, so a negative size is also too large.
        if node.expandedSize > maxNodes || node.expandedSize < 0 {
            throw EmitError.tooLarge(nodes: node.expandedSize, limit: maxNodes)
        }
    }
}
