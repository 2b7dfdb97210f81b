/// One vector selector an expression reads, with everything that decides which samples it reads.
public struct SelectorUse: Sendable, Hashable {
    /// The selector as written (its own offset and `@` included).
    public var selector: VectorSelector
    /// The metric name, from the name or a `__name__="…"` matcher.
    public var metricName: String? { selector.metricName }
    public var matchers: [LabelMatcher] { selector.matchers }
    /// The range of a range selector (`[5m]`), in milliseconds.
    public var range: Int64?
    /// The range of the innermost enclosing subquery, in milliseconds.
    public var subqueryRange: Int64?
    /// The step of the innermost enclosing subquery (nil: default step or no subquery).
    public var subqueryStep: Int64?
    /// The selector's own offset in milliseconds.
    public var offset: Int64? { selector.offset }
    /// The selector's offset plus those of enclosing subqueries.
    public var totalOffset: Int64
    public var at: AtModifier? { selector.at }
    /// Where the selector (with its range and modifiers) is in the expression.
    public var position: Range<Int>
    /// The function whose argument the selector (or its range selector) directly is, e.g. `rate`.
    public var enclosingFunction: String?
}

extension Expr {
    /// Every vector selector the expression reads, in source order.
    public func selectors(maxDepth: Int = 500) -> [SelectorUse] {
        var out: [SelectorUse] = []
        PromQLWalker(maxDepth: maxDepth).walk(self) { e, ancestors in
            let sel: VectorSelector
            var range: Int64?
            switch e.kind {
            case .vectorSelector(let vs): sel = vs
            case .matrixSelector(let ms):
                sel = ms.selector
                range = ms.range
            default: return .descend
            }
            var subRange: Int64?, subStep: Int64?
            var total = sel.offset ?? 0
            var function: String?
            for (index, a) in ancestors.enumerated().reversed() {
                if case .subquery(let sq) = a.kind {
                    if subRange == nil {
                        subRange = sq.range
                        subStep = sq.step
                    }
                    total += sq.offset ?? 0
                }
                if index == ancestors.count - 1, case .call(let c) = a.kind { function = c.function.name }
            }
            out.append(SelectorUse(selector: sel, range: range, subqueryRange: subRange, subqueryStep: subStep,
                                   totalOffset: total, position: e.range, enclosingFunction: function))
            return .skipChildren
        }
        return out
    }

    /// Names of all functions called, in source order (with repeats).
    public func calledFunctions(maxDepth: Int = 500) -> [String] {
        var out: [String] = []
        PromQLWalker(maxDepth: maxDepth).walk(self) { e, _ in
            if case .call(let c) = e.kind { out.append(c.function.name) }
            return .descend
        }
        return out
    }
}
