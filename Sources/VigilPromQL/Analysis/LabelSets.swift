/// What is known about the labels of the series an expression returns.
///
/// `__name__` counts as a label here, so functions that drop the metric name remove it.
public enum LabelSet: Sendable, Hashable, CustomStringConvertible {
    /// The series have exactly these labels.
    case exactly(Set<String>)
    /// The series have at least `including`, maybe more, but none of `excluding`.
    case open(including: Set<String>, excluding: Set<String>)

    /// Nothing is known.
    public static let unknown = LabelSet.open(including: [], excluding: [])
    /// No labels at all (scalars, strings, `vector(1)`).
    public static let empty = LabelSet.exactly([])

    /// Labels certainly present.
    public var certain: Set<String> {
        switch self {
        case .exactly(let s): return s
        case .open(let s, _): return s
        }
    }

    /// Whether the set is known exactly.
    public var isExact: Bool { if case .exactly = self { return true } else { return false } }

    /// Whether `label` may be present: true, false, or nil when unknown.
    public func contains(_ label: String) -> Bool? {
        switch self {
        case .exactly(let s): return s.contains(label)
        case .open(let inc, let exc):
            if inc.contains(label) { return true }
            if exc.contains(label) { return false }
            return nil
        }
    }

    /// Whether `label` is certainly absent.
    public func lacks(_ label: String) -> Bool { contains(label) == false }

    public func removing(_ labels: Set<String>) -> LabelSet {
        switch self {
        case .exactly(let s): return .exactly(s.subtracting(labels))
        case .open(let inc, let exc): return .open(including: inc.subtracting(labels), excluding: exc.union(labels))
        }
    }

    /// `removing([label])` without building a set, and `self` when nothing changes (most
    /// often: `__name__`, which every function and operator that drops the name removes).
    public func removing(_ label: String) -> LabelSet {
        switch self {
        case .exactly(var s):
            guard s.remove(label) != nil else { return self }
            return .exactly(s)
        case .open(var inc, var exc):
            let removed = inc.remove(label) != nil
            let added = exc.insert(label).inserted
            return removed || added ? .open(including: inc, excluding: exc) : self
        }
    }

    public func adding(_ labels: Set<String>) -> LabelSet {
        switch self {
        case .exactly(let s): return .exactly(s.union(labels))
        case .open(let inc, let exc): return .open(including: inc.union(labels), excluding: exc.subtracting(labels))
        }
    }

    /// Only `labels` survive (`on(…)`, `by(…)`). Labels an open input may lack are assumed present.
    public func keepingOnly(_ labels: Set<String>) -> LabelSet {
        switch self {
        case .exactly(let s): return .exactly(s.intersection(labels))
        case .open(_, let exc): return .exactly(labels.subtracting(exc))
        }
    }

    /// What is known about series that come from either `self` or `other` (`or`).
    public func union(_ other: LabelSet) -> LabelSet {
        if self == other { return self }
        switch (self, other) {
        case (.exactly(let a), .exactly(let b)):
            return .open(including: a.intersection(b), excluding: [])
        default:
            let exc: Set<String>
            switch (self, other) {
            case (.open(_, let a), .open(_, let b)): exc = a.intersection(b)
            default: exc = []
            }
            return .open(including: certain.intersection(other.certain), excluding: exc)
        }
    }

    public var description: String {
        switch self {
        case .exactly(let s): return "{" + s.sorted().joined(separator: ", ") + "}"
        case .open(let inc, let exc):
            var d = "{" + inc.sorted().joined(separator: ", ") + (inc.isEmpty ? "…}" : ", …}")
            if !exc.isEmpty { d += " without {" + exc.sorted().joined(separator: ", ") + "}" }
            return d
        }
    }
}

/// The output labels of both operands of one binary operation, found by its range.
public struct OperandLabels: Sendable {
    /// The binary expression's range (no two binary nodes of one tree share one).
    public var range: Range<Int>
    public var lhs: LabelSet
    public var rhs: LabelSet
}

extension Array where Element == OperandLabels {
    /// The operands' labels of the binary expression at `range`, when they were recorded.
    public func operands(at range: Range<Int>) -> (lhs: LabelSet, rhs: LabelSet)? {
        first { $0.range == range }.map { ($0.lhs, $0.rhs) }
    }
}

/// Works out the output labels of each node of a tree.
public struct LabelAnalyzer {
    /// The labels a metric's series carry (without `__name__`), when known.
    public var knownLabels: (String) -> Set<String>?
    public var maxDepth: Int

    public init(maxDepth: Int = 500, knownLabels: @escaping (String) -> Set<String>? = { _ in nil }) {
        self.knownLabels = knownLabels
        self.maxDepth = maxDepth
    }

    /// The output labels of `e`; `.unknown` below `maxDepth`.
    public func labels(of e: Expr) -> LabelSet { labels(e, depth: 0) }

    /// The output labels of `e`, and those of both operands of every binary operation the
    /// analysis went through (what `labels(of:)` gives for each operand alone), so that checks
    /// of vector matching need not work them out again. Nothing is recorded for trees deeper
    /// than `maxDepth`, where the analysis of a part could differ from that of the whole.
    public func labelsRecordingOperands(of e: Expr) -> (labels: LabelSet, operands: [OperandLabels]) {
        guard e.height <= maxDepth else { return (labels(of: e), []) }
        var analyzer = self
        let recorder = OperandRecorder()
        analyzer.recorder = recorder
        let out = analyzer.labels(e, depth: 0)
        return (out, recorder.operands)
    }

    /// Collects the operands' labels during one analysis.
    final class OperandRecorder {
        var operands: [OperandLabels] = []
    }
    var recorder: OperandRecorder?

    func selectorLabels(_ vs: VectorSelector) -> LabelSet {
        if let name = vs.metricName, let known = knownLabels(name) {
            var s = known
            s.insert("__name__")
            // A selector for an equality with empty value only reads series without that label.
            for m in vs.matchers where m.op == .equal && m.value.isEmpty { s.remove(m.name) }
            return .exactly(s)
        }
        var inc: Set<String> = vs.metricName == nil ? [] : ["__name__"]
        var exc: Set<String> = []
        for m in vs.matchers where m.name != "__name__" {
            if MatcherSemantics.matchesEmpty(m) {
                if m.op == .equal { exc.insert(m.name) }
            } else {
                inc.insert(m.name)
            }
        }
        if vs.metricName == nil, vs.matchers.contains(where: { $0.name == "__name__" && !MatcherSemantics.matchesEmpty($0) }) {
            inc.insert("__name__")
        }
        return .open(including: inc, excluding: exc)
    }

    func labels(_ e: Expr, depth: Int) -> LabelSet {
        guard depth <= maxDepth else { return .unknown }
        let d = depth + 1
        switch e.kind {
        case .number, .string: return .empty
        case .vectorSelector(let vs): return selectorLabels(vs)
        case .matrixSelector(let ms): return selectorLabels(ms.selector)
        case .subquery(let sq): return labels(sq.expr, depth: d)
        case .paren(let inner): return labels(inner, depth: d)
        case .unary(let u):
            return labels(u.expr, depth: d).removing("__name__")
        case .aggregate(let a):
            let input = labels(a.expr, depth: d)
            if a.op.keepsInputSeries { return input }
            var out: LabelSet
            switch a.grouping {
            case .none: out = .empty
            case .by(let l):
                var keep = Set(l)
                keep.remove("__name__")
                out = input.keepingOnly(keep)
            case .without(let l):
                var drop = Set(l)
                drop.insert("__name__")
                out = input.removing(drop)
            }
            if a.op == .countValues, case .string(let label)? = a.param?.unparenthesized.kind {
                out = out.adding([label])
            }
            return out
        case .call(let c):
            return callLabels(c, depth: d)
        case .binary(let b):
            return binaryLabels(b, range: e.range, depth: d)
        }
    }

    func callLabels(_ c: Call, depth: Int) -> LabelSet {
        let fn = c.function
        if fn.returnType == .scalar || fn.returnType == .string { return .empty }
        func stringArg(_ i: Int) -> String? {
            guard i < c.args.count, case .string(let s) = c.args[i].unparenthesized.kind else { return nil }
            return s
        }
        switch fn.name {
        case "vector": return .empty
        case "absent", "absent_over_time":
            guard let arg = c.args.first?.unparenthesized else { return .empty }
            let vs: VectorSelector
            switch arg.kind {
            case .vectorSelector(let v): vs = v
            case .matrixSelector(let m): vs = m.selector
            default: return .empty
            }
            var set: Set<String> = []
            var seen: [String: Int] = [:]
            for m in vs.matchers { seen[m.name, default: 0] += 1 }
            for m in vs.matchers where m.op == .equal && m.name != "__name__" && seen[m.name] == 1 { set.insert(m.name) }
            return .exactly(set)
        default: break
        }
        guard let first = c.args.first else { return .empty }
        var input = labels(first, depth: depth)
        if fn.dropsMetricName { input = input.removing("__name__") }
        switch fn.name {
        case "histogram_quantile", "histogram_fraction":
            let vectorIndex = fn.name == "histogram_quantile" ? 1 : 2
            guard vectorIndex < c.args.count else { return .unknown }
            return labels(c.args[vectorIndex], depth: depth).removing(["__name__", "le"])
        case "quantile_over_time":
            guard c.args.count > 1 else { return .unknown }
            return labels(c.args[1], depth: depth).removing("__name__")
        case "label_replace", "label_join":
            guard let dst = stringArg(1) else { return openUp(input) }
            return input.adding([dst])
        case "info":
            return openUp(input)
        default:
            return input
        }
    }

    /// The same known labels, but more may appear.
    func openUp(_ s: LabelSet) -> LabelSet {
        switch s {
        case .exactly(let inc): return .open(including: inc, excluding: [])
        case .open(let inc, _): return .open(including: inc, excluding: [])
        }
    }

    func binaryLabels(_ b: Binary, range: Range<Int>, depth: Int) -> LabelSet {
        let lt = b.lhs.type, rt = b.rhs.type
        let dropName = b.op.isArithmetic || (b.op.isComparison && b.returnBool)
        if lt == .scalar && rt == .scalar { return .empty }
        let l = labels(b.lhs, depth: depth), r = labels(b.rhs, depth: depth)
        recorder?.operands.append(OperandLabels(range: range, lhs: l, rhs: r))
        if lt == .scalar || rt == .scalar {
            let v = lt == .scalar ? r : l
            return dropName ? v.removing("__name__") : v
        }
        switch b.op {
        case .and, .unless: return l
        case .or: return l.union(r)
        default: break
        }
        var out: LabelSet
        let m = b.matching
        switch m?.cardinality ?? .oneToOne {
        case .oneToOne:
            if let m, m.on { out = l.keepingOnly(Set(m.labels)) } else if let m { out = l.removing(Set(m.labels)) } else { out = l }
        case .manyToOne(let include):
            out = l.removing(Set(include)).adding(Set(include).intersection(r.certain))
            let unknownInclude = Set(include).subtracting(r.certain).subtracting(lacks(r, include))
            if !unknownInclude.isEmpty { out = openUp(out) }
        case .oneToMany(let include):
            out = r.removing(Set(include)).adding(Set(include).intersection(l.certain))
            let unknownInclude = Set(include).subtracting(l.certain).subtracting(lacks(l, include))
            if !unknownInclude.isEmpty { out = openUp(out) }
        }
        return dropName ? out.removing("__name__") : out
    }

    func lacks(_ s: LabelSet, _ labels: [String]) -> Set<String> { Set(labels.filter { s.lacks($0) }) }
}

extension Expr {
    /// The output labels of this expression; `knownLabels` gives each metric's labels when known.
    public func outputLabels(knownLabels: @escaping (String) -> Set<String>? = { _ in nil }) -> LabelSet {
        LabelAnalyzer(knownLabels: knownLabels).labels(of: self)
    }
}
