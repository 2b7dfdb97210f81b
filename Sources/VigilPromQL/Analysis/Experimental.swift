/// A use of a feature Prometheus only accepts with `--enable-feature=promql-experimental-functions`.
public struct ExperimentalUse: Sendable, Hashable {
    /// The function or aggregation name (`sort_by_label`, `limitk`).
    public var name: String
    /// Where the call or aggregation is.
    public var position: Range<Int>
}

extension Expr {
    /// Every experimental function call and aggregation, in source order.
    public func experimentalUses(maxDepth: Int = 500) -> [ExperimentalUse] {
        var out: [ExperimentalUse] = []
        PromQLWalker(maxDepth: maxDepth).walk(self) { e, _ in
            switch e.kind {
            case .call(let c) where c.function.experimental:
                out.append(ExperimentalUse(name: c.function.name, position: e.range))
            case .aggregate(let a) where a.op.isExperimental:
                out.append(ExperimentalUse(name: a.op.rawValue, position: e.range))
            default: break
            }
            return .descend
        }
        return out
    }
}
