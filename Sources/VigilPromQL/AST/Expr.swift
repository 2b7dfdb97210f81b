/// A PromQL expression node: what it is (`kind`) and where it is (`range`, UTF-8 byte offsets
/// into the parsed expression, half-open).
///
/// Equality and hashing look at `kind` only, so two trees parsed from differently formatted
/// text compare equal when they mean the same expression.
public struct Expr: Sendable, Hashable, CustomStringConvertible {
    public var kind: Kind {
        didSet { height = 1 + kind.childHeight }
    }
    /// UTF-8 byte offsets of the node in the expression it was parsed from.
    public var range: Range<Int>
    /// Height of the tree below this node (1 for a leaf), kept so walkers can refuse deep trees.
    public internal(set) var height: Int

    public init(_ kind: Kind, range: Range<Int> = 0..<0) {
        self.kind = kind
        self.range = range
        self.height = 1 + kind.childHeight
    }

    public static func == (a: Expr, b: Expr) -> Bool { a.kind == b.kind }
    public func hash(into hasher: inout Hasher) { hasher.combine(kind) }

    /// The compact one-line canonical form.
    public var description: String { PromQLPrinter.compact(self) }

    /// The kinds of PromQL expression.
    public indirect enum Kind: Sendable, Hashable {
        case number(NumberLiteral)
        case string(String)
        case vectorSelector(VectorSelector)
        case matrixSelector(MatrixSelector)
        case subquery(Subquery)
        case call(Call)
        case aggregate(Aggregate)
        case binary(Binary)
        case unary(Unary)
        case paren(Expr)

        var childHeight: Int {
            switch self {
            case .number, .string, .vectorSelector, .matrixSelector: return 0
            case .subquery(let s): return s.expr.height
            case .call(let c): return c.args.reduce(0) { max($0, $1.height) }
            case .aggregate(let a): return max(a.expr.height, a.param?.height ?? 0)
            case .binary(let b): return max(b.lhs.height, b.rhs.height)
            case .unary(let u): return u.expr.height
            case .paren(let e): return e.height
            }
        }
    }

    /// The direct children, left to right.
    public var children: [Expr] {
        switch kind {
        case .number, .string, .vectorSelector, .matrixSelector: return []
        case .subquery(let s): return [s.expr]
        case .call(let c): return c.args
        case .aggregate(let a): return a.param.map { [$0, a.expr] } ?? [a.expr]
        case .binary(let b): return [b.lhs, b.rhs]
        case .unary(let u): return [u.expr]
        case .paren(let e): return [e]
        }
    }

    /// The expression with enclosing parentheses removed.
    public var unparenthesized: Expr {
        var e = self
        while case .paren(let inner) = e.kind { e = inner }
        return e
    }
}

/// A number literal. `isDuration` records that it was written as a duration (`1h`), which the
/// printer keeps. NaN equals NaN here so that parse/print round trips compare equal.
public struct NumberLiteral: Sendable, Hashable {
    public var value: Double
    public var isDuration: Bool

    public init(_ value: Double, isDuration: Bool = false) {
        self.value = value
        self.isDuration = isDuration
    }

    public static func == (a: NumberLiteral, b: NumberLiteral) -> Bool {
        a.isDuration == b.isDuration && (a.value == b.value || (a.value.isNaN && b.value.isNaN))
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(isDuration)
        hasher.combine(value.isNaN ? Double.nan.bitPattern : (value == 0 ? 0 : value.bitPattern))
    }
}

/// A label matcher operator.
public enum MatchOp: String, Sendable, Hashable, CaseIterable {
    case equal = "="
    case notEqual = "!="
    case regexMatch = "=~"
    case regexNoMatch = "!~"
}

/// One `label op "value"` matcher of a vector selector.
public struct LabelMatcher: Sendable, Hashable {
    public var name: String
    public var op: MatchOp
    public var value: String
    /// UTF-8 byte offsets of the matcher in the expression.
    public var range: Range<Int>

    public init(name: String, op: MatchOp, value: String, range: Range<Int> = 0..<0) {
        self.name = name
        self.op = op
        self.value = value
        self.range = range
    }

    public static func == (a: LabelMatcher, b: LabelMatcher) -> Bool {
        a.name == b.name && a.op == b.op && a.value == b.value
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(op)
        hasher.combine(value)
    }
}

/// The `@` modifier: a fixed timestamp (milliseconds since the epoch) or the query's start/end.
public enum AtModifier: Sendable, Hashable {
    case timestamp(milliseconds: Int64)
    case start
    case end
}

/// An instant vector selector: `name{matchers} @ t offset d`.
public struct VectorSelector: Sendable, Hashable {
    /// The metric name written before the braces or as a lone quoted string inside them.
    public var name: String?
    /// The matchers inside the braces, in source order (not including `name`).
    public var matchers: [LabelMatcher]
    /// Offset in milliseconds; negative looks into the future.
    public var offset: Int64?
    public var at: AtModifier?

    public init(name: String? = nil, matchers: [LabelMatcher] = [], offset: Int64? = nil, at: AtModifier? = nil) {
        self.name = name
        self.matchers = matchers
        self.offset = offset
        self.at = at
    }

    /// The metric name: `name`, or the value of a `__name__="…"` matcher.
    public var metricName: String? {
        if let name { return name }
        return matchers.first { $0.name == "__name__" && $0.op == .equal }?.value
    }
}

/// A range vector selector: `selector[range]`.
public struct MatrixSelector: Sendable, Hashable {
    public var selector: VectorSelector
    /// Range in milliseconds.
    public var range: Int64

    public init(selector: VectorSelector, range: Int64) {
        self.selector = selector
        self.range = range
    }
}

/// A subquery: `expr[range:step] @ t offset d`.
public struct Subquery: Sendable, Hashable {
    public var expr: Expr
    /// Range in milliseconds.
    public var range: Int64
    /// Resolution step in milliseconds; nil uses the global evaluation interval (`[1h:]`).
    public var step: Int64?
    public var offset: Int64?
    public var at: AtModifier?

    public init(expr: Expr, range: Int64, step: Int64? = nil, offset: Int64? = nil, at: AtModifier? = nil) {
        self.expr = expr
        self.range = range
        self.step = step
        self.offset = offset
        self.at = at
    }
}

/// A function call; `function` is the built-in's signature from `PromQLFunction.all`.
public struct Call: Sendable, Hashable {
    public var function: PromQLFunction
    public var args: [Expr]

    public init(function: PromQLFunction, args: [Expr]) {
        self.function = function
        self.args = args
    }
}

/// The aggregation operators.
public enum AggregationOp: String, Sendable, Hashable, CaseIterable {
    case sum, min, max, avg, group, stddev, stdvar, count
    case countValues = "count_values"
    case bottomk, topk, quantile, limitk
    case limitRatio = "limit_ratio"

    /// Whether the operator takes a parameter before the vector (`topk(5, x)`).
    public var takesParameter: Bool {
        switch self {
        case .countValues, .bottomk, .topk, .quantile, .limitk, .limitRatio: return true
        default: return false
        }
    }

    /// The parameter's type, when it takes one.
    public var parameterType: ValueType? {
        switch self {
        case .countValues: return .string
        case .bottomk, .topk, .quantile, .limitk, .limitRatio: return .scalar
        default: return nil
        }
    }

    /// Experimental in Prometheus 3 (behind `promql-experimental-functions`).
    public var isExperimental: Bool { self == .limitk || self == .limitRatio }

    /// Operators that return input series unchanged (labels and metric name kept).
    public var keepsInputSeries: Bool {
        switch self {
        case .topk, .bottomk, .limitk, .limitRatio: return true
        default: return false
        }
    }
}

/// The grouping clause of an aggregation.
public enum Grouping: Sendable, Hashable {
    case none
    case by([String])
    case without([String])
}

/// An aggregation: `op by (labels) (param, expr)`.
public struct Aggregate: Sendable, Hashable {
    public var op: AggregationOp
    public var expr: Expr
    public var param: Expr?
    public var grouping: Grouping
    /// Whether `by`/`without` was written after the body (`sum(x) by (job)`); not part of `==`.
    public var groupingAfterBody: Bool

    public init(op: AggregationOp, expr: Expr, param: Expr? = nil, grouping: Grouping = .none, groupingAfterBody: Bool = false) {
        self.op = op
        self.expr = expr
        self.param = param
        self.grouping = grouping
        self.groupingAfterBody = groupingAfterBody
    }

    public static func == (a: Aggregate, b: Aggregate) -> Bool {
        a.op == b.op && a.expr == b.expr && a.param == b.param && a.grouping == b.grouping
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(op)
        hasher.combine(expr)
        hasher.combine(param)
        hasher.combine(grouping)
    }
}

/// Binary operators, from loosest to tightest binding: `or`; `and unless`; comparisons;
/// `+ -`; `* / % atan2`; `^` (right-associative).
public enum BinaryOp: String, Sendable, Hashable, CaseIterable {
    case add = "+", sub = "-", mul = "*", div = "/", mod = "%", pow = "^", atan2
    case eql = "==", neq = "!=", gtr = ">", lss = "<", gte = ">=", lte = "<="
    case and, or, unless

    /// Binding strength; higher binds tighter.
    public var precedence: Int {
        switch self {
        case .or: return 1
        case .and, .unless: return 2
        case .eql, .neq, .gtr, .lss, .gte, .lte: return 3
        case .add, .sub: return 4
        case .mul, .div, .mod, .atan2: return 5
        case .pow: return 6
        }
    }

    public var isRightAssociative: Bool { self == .pow }
    public var isComparison: Bool { precedence == 3 }
    public var isSetOperator: Bool { self == .and || self == .or || self == .unless }
    /// Arithmetic operators drop `__name__` from their result.
    public var isArithmetic: Bool { !isComparison && !isSetOperator }
}

/// How the two sides of a vector/vector binary operation are matched.
public enum Cardinality: Sendable, Hashable {
    case oneToOne
    /// `group_left(labels)`: many on the left, labels copied from the right.
    case manyToOne([String])
    /// `group_right(labels)`: many on the right, labels copied from the left.
    case oneToMany([String])
}

/// `on(labels)` / `ignoring(labels)` with an optional `group_left`/`group_right`.
public struct VectorMatching: Sendable, Hashable {
    /// true for `on`, false for `ignoring`.
    public var on: Bool
    public var labels: [String]
    public var cardinality: Cardinality

    public init(on: Bool, labels: [String], cardinality: Cardinality = .oneToOne) {
        self.on = on
        self.labels = labels
        self.cardinality = cardinality
    }
}

/// A binary operation: `lhs op bool on(…) group_left(…) rhs`.
public struct Binary: Sendable, Hashable {
    public var op: BinaryOp
    public var lhs: Expr
    public var rhs: Expr
    public var returnBool: Bool
    /// nil when no `on`/`ignoring` clause was written (an empty `ignoring()` is the same as none).
    public var matching: VectorMatching?

    public init(op: BinaryOp, lhs: Expr, rhs: Expr, returnBool: Bool = false, matching: VectorMatching? = nil) {
        self.op = op
        self.lhs = lhs
        self.rhs = rhs
        self.returnBool = returnBool
        self.matching = matching
    }
}

/// Unary `+` or `-` on a non-literal (a sign on a number literal is folded into it).
public struct Unary: Sendable, Hashable {
    public var negative: Bool
    public var expr: Expr

    public init(negative: Bool, expr: Expr) {
        self.negative = negative
        self.expr = expr
    }
}
