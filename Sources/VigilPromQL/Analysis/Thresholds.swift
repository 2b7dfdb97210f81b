/// Which way a comparison against a constant goes, read as "subject OP constant".
public enum ThresholdDirection: String, Sendable, Hashable {
    /// `x > c` or `x >= c` (also written `c < x`).
    case above
    /// `x < c` or `x <= c`.
    case below
    case equal
    case notEqual
}

/// A comparison of a non-constant expression with a constant, such as `rate(errors[5m]) > 0.05`.
public struct Threshold: Sendable, Hashable {
    /// The whole comparison node.
    public var comparison: Expr
    /// The non-constant side.
    public var subject: Expr
    /// The operator as written.
    public var op: BinaryOp
    /// The operator with the constant moved to the right (`5 < x` gives `>`).
    public var normalizedOp: BinaryOp
    /// The constant, folded from literals (`100 * 0.95` gives 95).
    public var value: Double
    public var returnBool: Bool
    public var direction: ThresholdDirection
    /// Whether the constant was written on the left.
    public var constantOnLeft: Bool
    /// Whether the bound itself passes (`>=`, `<=`, `==`).
    public var inclusive: Bool
}

extension Expr {
    /// The value of a constant scalar expression made only of number literals, parentheses,
    /// signs and arithmetic; nil for anything else.
    public var constantValue: Double? {
        switch kind {
        case .number(let n): return n.value
        case .paren(let e): return e.constantValue
        case .unary(let u): return u.expr.constantValue.map { u.negative ? -$0 : $0 }
        case .binary(let b) where b.op.isArithmetic:
            guard let l = b.lhs.constantValue, let r = b.rhs.constantValue else { return nil }
            switch b.op {
            case .add: return l + r
            case .sub: return l - r
            case .mul: return l * r
            case .div: return l / r
            case .mod: return l.truncatingRemainder(dividingBy: r)
            case .pow: return _pow(l, r)
            case .atan2: return nil
            default: return nil
            }
        default: return nil
        }
    }

    /// Every comparison with a constant on one side, in source order.
    public func thresholds(maxDepth: Int = 500) -> [Threshold] {
        var out: [Threshold] = []
        PromQLWalker(maxDepth: maxDepth).walk(self) { e, _ in
            guard case .binary(let b) = e.kind, b.op.isComparison else { return .descend }
            let lc = b.lhs.constantValue, rc = b.rhs.constantValue
            let constantOnLeft: Bool
            let value: Double
            let subject: Expr
            switch (lc, rc) {
            case (nil, .some(let r)):
                constantOnLeft = false
                value = r
                subject = b.lhs
            case (.some(let l), nil):
                constantOnLeft = true
                value = l
                subject = b.rhs
            default:
                return .descend
            }
            let normalized = constantOnLeft ? Expr.flip(b.op) : b.op
            let direction: ThresholdDirection
            switch normalized {
            case .gtr, .gte: direction = .above
            case .lss, .lte: direction = .below
            case .eql: direction = .equal
            default: direction = .notEqual
            }
            out.append(Threshold(comparison: e, subject: subject, op: b.op, normalizedOp: normalized, value: value,
                                 returnBool: b.returnBool, direction: direction, constantOnLeft: constantOnLeft,
                                 inclusive: normalized == .gte || normalized == .lte || normalized == .eql))
            return .descend
        }
        return out
    }

    static func flip(_ op: BinaryOp) -> BinaryOp {
        switch op {
        case .gtr: return .lss
        case .lss: return .gtr
        case .gte: return .lte
        case .lte: return .gte
        default: return op
        }
    }
}

/// `x ^ y` for integral `y` (nil otherwise), without Foundation.
func _pow(_ x: Double, _ y: Double) -> Double? {
    if y == 0 { return 1 }
    if y == y.rounded(), abs(y) <= 1024 {
        var result = 1.0
        var base = x
        var n = Int(abs(y))
        while n > 0 {
            if n & 1 == 1 { result *= base }
            base *= base
            n >>= 1
        }
        return y < 0 ? 1 / result : result
    }
    return nil
}
