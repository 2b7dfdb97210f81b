/// What a walker's visitor wants next.
public enum WalkAction: Sendable {
    /// Visit this node's children.
    case descend
    /// Do not visit this node's children.
    case skipChildren
    /// Stop the walk.
    case stop
}

/// Depth-first, pre-order traversal of a PromQL tree with a depth limit.
public struct PromQLWalker: Sendable {
    /// Deepest level visited (the root is level 0); deeper nodes are not visited.
    public var maxDepth: Int

    public init(maxDepth: Int = 500) {
        self.maxDepth = maxDepth
    }

    /// Visits `root` and its descendants; `visit` gets each node and the chain of its ancestors
    /// (outermost first). Returns false when some node lay deeper than `maxDepth` and was skipped.
    @discardableResult
    public func walk(_ root: Expr, _ visit: (_ node: Expr, _ ancestors: [Expr]) -> WalkAction) -> Bool {
        var ancestors: [Expr] = []
        // Every check walks every expression: one allocation for the chain, not a doubling per level.
        ancestors.reserveCapacity(min(root.height, maxDepth + 1))
        var complete = true
        var stopped = false
        func go(_ e: Expr) {
            if stopped { return }
            if ancestors.count > maxDepth {
                complete = false
                return
            }
            switch visit(e, ancestors) {
            case .stop:
                stopped = true
                return
            case .skipChildren:
                return
            case .descend:
                ancestors.append(e)
                // The children in order, without building `Expr.children`'s array per node.
                switch e.kind {
                case .number, .string, .vectorSelector, .matrixSelector: break
                case .subquery(let s): go(s.expr)
                case .call(let c): for arg in c.args { go(arg) }
                case .aggregate(let a):
                    if let p = a.param { go(p) }
                    go(a.expr)
                case .binary(let b):
                    go(b.lhs)
                    go(b.rhs)
                case .unary(let u): go(u.expr)
                case .paren(let inner): go(inner)
                }
                ancestors.removeLast()
            }
        }
        go(root)
        return complete
    }

    /// Every node, pre-order.
    public func nodes(_ root: Expr) -> [Expr] {
        var out: [Expr] = []
        walk(root) { e, _ in
            out.append(e)
            return .descend
        }
        return out
    }
}
