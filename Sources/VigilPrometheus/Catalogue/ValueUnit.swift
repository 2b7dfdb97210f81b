import VigilPromQL

/// The unit of an expression's values, as far as the catalogue, the metric names and the
/// arithmetic in it tell: what threshold checks need to tell a ratio from a percentage.
enum ValueUnit: Equatable {
    /// Between 0 and 1: a catalogue `unit: ratio` or a `_ratio` metric.
    case ratio
    /// A quotient of two quantities of the same unit (`bytes / bytes`): a ratio that may pass 1.
    case quotient(of: String)
    /// Between 0 and 100: a catalogue `unit: percent`, a `_percent` metric, or a ratio × 100.
    case percent
    /// Another named unit (seconds, bytes, …).
    case named(String)

    /// Why the unit is what it is, for messages: the metric and where its unit comes from.
    struct Evidence {
        var unit: ValueUnit
        /// The metric the unit was read from, when one was.
        var metric: String?
        /// Whether the expression scales a ratio by 100 (or a percentage by 1/100) itself.
        var scaled: Bool
    }

    /// The unit of `e`; nil when nothing is known.
    static func of(_ e: Expr, index: CatalogueIndex?, depth: Int = 0) -> Evidence? {
        guard depth < 64 else { return nil }
        switch e.unparenthesized.kind {
        case .vectorSelector(let vs):
            guard let name = vs.metricName else { return nil }
            return unit(ofMetric: name, index: index).map { Evidence(unit: $0, metric: name, scaled: false) }
        case .call(let c):
            guard preservingFunctions.contains(c.function.name), let first = c.args.first(where: { !$0.isConstantArgument }) else { return nil }
            if case .matrixSelector(let m) = first.unparenthesized.kind {
                guard let name = m.selector.metricName else { return nil }
                return unit(ofMetric: name, index: index).map { Evidence(unit: $0, metric: name, scaled: false) }
            }
            return of(first, index: index, depth: depth + 1)
        case .aggregate(let a):
            // A sum of ratios is no ratio; min, max, averages and quantiles stay in range.
            guard [.min, .max, .avg, .quantile, .topk, .bottomk].contains(a.op) else { return nil }
            return of(a.expr, index: index, depth: depth + 1)
        case .binary(let b):
            return binary(b, index: index, depth: depth)
        default:
            return nil
        }
    }

    private static func binary(_ b: Binary, index: CatalogueIndex?, depth: Int) -> Evidence? {
        if b.op.isComparison || b.op == .and || b.op == .unless {
            return of(b.lhs, index: index, depth: depth + 1)
        }
        let lc = b.lhs.constantValue, rc = b.rhs.constantValue
        switch b.op {
        case .mul:
            if let c = rc ?? lc, let inner = of(rc != nil ? b.lhs : b.rhs, index: index, depth: depth + 1) {
                if c == 100, inner.unit.isRatioLike { return Evidence(unit: .percent, metric: inner.metric, scaled: true) }
                return c == 1 ? inner : nil
            }
            return nil
        case .div:
            if let c = rc, let inner = of(b.lhs, index: index, depth: depth + 1) {
                if c == 100, inner.unit == .percent { return Evidence(unit: .ratio, metric: inner.metric, scaled: true) }
                return c == 1 ? inner : nil
            }
            guard lc == nil, rc == nil, let l = of(b.lhs, index: index, depth: depth + 1),
                  let r = of(b.rhs, index: index, depth: depth + 1),
                  case .named(let lu) = l.unit, case .named(let ru) = r.unit, lu == ru else { return nil }
            return Evidence(unit: .quotient(of: lu), metric: nil, scaled: false)
        default:
            return nil
        }
    }

    /// The unit of one metric: the catalogue's `unit`, else the naming convention's suffix.
    static func unit(ofMetric name: String, index: CatalogueIndex?) -> ValueUnit? {
        if let d = index?.definition(of: name) {
            if d.type == .histogram || d.type == .summary, name != d.name, !name.hasSuffix("_sum") { return nil }
            if let u = d.unit?.lowercased() { return reading(u) }
        }
        for (suffix, unit) in suffixes where name.hasSuffix(suffix) { return unit }
        return nil
    }

    /// The unit a catalogue's `unit` text names.
    static func reading(_ text: String) -> ValueUnit {
        switch text {
        case "ratio", "fraction": return .ratio
        case "percent", "percentage", "%": return .percent
        default: return .named(text)
        }
    }

    var isRatioLike: Bool {
        switch self {
        case .ratio, .quotient: return true
        default: return false
        }
    }

    /// Metric name suffixes of Prometheus's naming conventions, checked in order.
    static let suffixes: [(String, ValueUnit)] = [
        ("_ratio", .ratio), ("_percent", .percent), ("_percentage", .percent),
        ("_seconds", .named("seconds")), ("_bytes", .named("bytes")),
    ]

    /// Functions whose result has the unit of their (first non-constant) argument.
    static let preservingFunctions: Set<String> = [
        "abs", "ceil", "floor", "round", "clamp", "clamp_min", "clamp_max",
        "avg_over_time", "min_over_time", "max_over_time", "quantile_over_time", "last_over_time",
        "sort", "sort_desc", "label_replace", "label_join",
    ]
}

private extension Expr {
    /// A number or string argument (`quantile_over_time(0.9, …)`'s 0.9).
    var isConstantArgument: Bool {
        switch unparenthesized.kind {
        case .number, .string: return true
        default: return constantValue != nil
        }
    }
}
