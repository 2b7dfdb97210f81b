import VigilPromQL

/// The values an expression can take, as far as the functions and metrics in it tell.
struct ValueBounds: Equatable {
    var lower: Double
    var upper: Double
    /// Only whole numbers (`up`, `count`, `changes`).
    var integral: Bool

    static let nonNegative = ValueBounds(lower: 0, upper: .infinity, integral: false)
    static let unknown = ValueBounds(lower: -.infinity, upper: .infinity, integral: false)

    /// What is known about the values of `e`; nil when nothing is.
    static func of(_ e: Expr, depth: Int = 0) -> ValueBounds? {
        guard depth < 50 else { return nil }
        switch e.unparenthesized.kind {
        case .vectorSelector(let vs):
            if vs.metricName == "up" { return ValueBounds(lower: 0, upper: 1, integral: true) }
            return nil
        case .call(let c):
            switch c.function.name {
            case "absent", "absent_over_time": return ValueBounds(lower: 1, upper: 1, integral: true)
            case "rate", "irate", "increase", "abs", "sqrt", "count_over_time", "histogram_count", "exp":
                return .nonNegative
            case "resets", "changes": return ValueBounds(lower: 0, upper: .infinity, integral: true)
            default: return nil
            }
        case .aggregate(let a):
            switch a.op {
            case .count: return ValueBounds(lower: 0, upper: .infinity, integral: true)
            case .sum, .min, .max, .avg, .topk, .bottomk:
                guard let inner = of(a.expr, depth: depth + 1) else { return nil }
                if a.op == .sum { return ValueBounds(lower: inner.lower >= 0 ? 0 : -.infinity, upper: inner.upper <= 0 ? 0 : .infinity, integral: inner.integral) }
                return inner
            default: return nil
            }
        case .binary(let b) where b.op == .mul || b.op == .div:
            if let c = b.rhs.constantValue, c > 0, let inner = of(b.lhs, depth: depth + 1) {
                let f = b.op == .mul ? c : 1 / c
                return ValueBounds(lower: inner.lower * f, upper: inner.upper * f, integral: inner.integral && b.op == .mul && c == c.rounded())
            }
            if b.op == .mul, let c = b.lhs.constantValue, c > 0, let inner = of(b.rhs, depth: depth + 1) {
                return ValueBounds(lower: inner.lower * c, upper: inner.upper * c, integral: inner.integral && c == c.rounded())
            }
            if b.op == .div, isSubsetRatio(b) { return ValueBounds(lower: 0, upper: 1, integral: false) }
            if let l = of(b.lhs, depth: depth + 1), let r = of(b.rhs, depth: depth + 1), l.lower >= 0, r.lower >= 0 {
                return .nonNegative
            }
            return nil
        default:
            return nil
        }
    }

    /// `sum(rate(x{a="b"}[5m])) / sum(rate(x[5m]))` (aggregated alike, no other arithmetic):
    /// a share of a non-negative whole, between 0 and 1.
    static func isSubsetRatio(_ b: Binary) -> Bool {
        let ls = b.lhs.selectors(), rs = b.rhs.selectors()
        guard ls.count == 1, rs.count == 1, let n = ls[0].metricName, n == rs[0].metricName else { return false }
        guard case .aggregate(let la) = b.lhs.unparenthesized.kind, case .aggregate(let ra) = b.rhs.unparenthesized.kind,
              la.op == .sum, ra.op == .sum, la.grouping == ra.grouping, b.matching == nil else { return false }
        guard ExprFacts.isRateLike(la.expr), ExprFacts.isRateLike(ra.expr) else { return false }
        return rs[0].matchers.allSatisfy { ls[0].matchers.contains($0) }
    }

    /// Whether `value` is a value these bounds allow.
    func allows(_ value: Double) -> Bool {
        value >= lower && value <= upper && (!integral || value == value.rounded())
    }
}

/// Whether a comparison with a constant is decided by the bounds alone.
enum ComparisonVerdict {
    case neverTrue, alwaysTrue

    static func of(_ t: Threshold, bounds: ValueBounds) -> ComparisonVerdict? {
        let v = t.value
        switch t.normalizedOp {
        case .gtr:
            if bounds.upper <= v { return .neverTrue }
            if bounds.lower > v { return .alwaysTrue }
        case .gte:
            if bounds.upper < v { return .neverTrue }
            if bounds.lower >= v { return .alwaysTrue }
        case .lss:
            if bounds.lower >= v { return .neverTrue }
            if bounds.upper < v { return .alwaysTrue }
        case .lte:
            if bounds.lower > v { return .neverTrue }
            if bounds.upper <= v { return .alwaysTrue }
        case .eql:
            if !bounds.allows(v) { return .neverTrue }
            if bounds.lower == bounds.upper && bounds.lower == v { return .alwaysTrue }
        case .neq:
            if !bounds.allows(v) { return .alwaysTrue }
            if bounds.lower == bounds.upper && bounds.lower == v { return .neverTrue }
        default: break
        }
        return nil
    }
}

extension ValueBounds {
    var description: String {
        func f(_ d: Double) -> String {
            if d.isInfinite { return d < 0 ? "-Inf" : "+Inf" }
            return PromQLPrinter.formatNumber(NumberLiteral(d))
        }
        if integral && upper == lower + 1 { return "\(f(lower)) or \(f(upper))" }
        if lower == upper { return "always \(f(lower))" }
        return "between \(f(lower)) and \(f(upper))"
    }
}
