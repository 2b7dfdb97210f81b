/// The signature of a built-in PromQL function, kept as data.
///
/// `argTypes` lists the parameters. `variadic` follows Prometheus: 0 means exactly
/// `argTypes.count` arguments; n > 0 means the last parameter may be left out or repeated up to n
/// times in all (`round(v)`, `round(v, s)`); -1 means it may be left out or repeated without bound
/// (`label_join`).
public struct PromQLFunction: Sendable, Hashable {
    public var name: String
    public var argTypes: [ValueType]
    /// Prometheus's `Variadic`: 0 fixed, n > 0 last parameter 0…n times, -1 unbounded.
    public var variadic: Int
    public var returnType: ValueType
    /// Needs `--enable-feature=promql-experimental-functions` in Prometheus.
    public var experimental: Bool
    /// Whether the result loses `__name__`.
    public var dropsMetricName: Bool

    public init(
        name: String, argTypes: [ValueType], variadic: Int = 0,
        returnType: ValueType, experimental: Bool = false, dropsMetricName: Bool = true
    ) {
        self.name = name
        self.argTypes = argTypes
        self.variadic = variadic
        self.returnType = returnType
        self.experimental = experimental
        self.dropsMetricName = dropsMetricName
    }

    public static func == (a: PromQLFunction, b: PromQLFunction) -> Bool { a.name == b.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }

    /// Fewest arguments a call needs.
    public var minArgs: Int { variadic == 0 ? argTypes.count : argTypes.count - 1 }
    /// Most arguments a call may have; nil when unbounded.
    public var maxArgs: Int? { variadic < 0 ? nil : (variadic == 0 ? argTypes.count : argTypes.count - 1 + variadic) }

    /// The expected type of argument `index` (the last type repeats for variadic functions).
    public func argType(at index: Int) -> ValueType? {
        if index < argTypes.count { return argTypes[index] }
        return variadic != 0 ? argTypes.last : nil
    }

    /// Looks up a built-in by name.
    public static func named(_ name: String) -> PromQLFunction? { table[name] }

    /// Every built-in, sorted by name.
    public static let all: [PromQLFunction] = {
        let v = ValueType.instantVector, m = ValueType.rangeVector, s = ValueType.scalar, str = ValueType.string
        func f(_ name: String, _ args: [ValueType], opt: Int = 0, variadic: Bool = false, ret: ValueType = .instantVector,
               experimental: Bool = false, dropsName: Bool = true) -> PromQLFunction {
            PromQLFunction(name: name, argTypes: args, variadic: variadic ? -1 : opt, returnType: ret,
                           experimental: experimental, dropsMetricName: dropsName)
        }
        var list: [PromQLFunction] = [
            f("abs", [v]), f("absent", [v]), f("absent_over_time", [m]),
            f("acos", [v]), f("acosh", [v]), f("asin", [v]), f("asinh", [v]), f("atan", [v]), f("atanh", [v]),
            f("avg_over_time", [m]), f("ceil", [v]), f("changes", [m]),
            f("clamp", [v, s, s]), f("clamp_max", [v, s]), f("clamp_min", [v, s]),
            f("cos", [v]), f("cosh", [v]), f("count_over_time", [m]),
            f("days_in_month", [v], opt: 1), f("day_of_month", [v], opt: 1), f("day_of_week", [v], opt: 1),
            f("day_of_year", [v], opt: 1), f("deg", [v]), f("delta", [m]), f("deriv", [m]),
            f("double_exponential_smoothing", [m, s, s], experimental: true),
            f("end", [], ret: s, experimental: true),
            f("exp", [v]), f("first_over_time", [m], experimental: true, dropsName: false), f("floor", [v]),
            f("histogram_avg", [v]), f("histogram_count", [v]), f("histogram_fraction", [s, s, v]),
            f("histogram_quantile", [s, v]),
            f("histogram_quantiles", [v, str, s, s], opt: 9, experimental: true),
            f("histogram_stddev", [v]), f("histogram_stdvar", [v]), f("histogram_sum", [v]),
            f("hour", [v], opt: 1), f("idelta", [m]), f("increase", [m]),
            f("info", [v, v], opt: 1, experimental: true, dropsName: false),
            f("integral", [m, s], opt: 1, experimental: true),
            f("irate", [m]),
            f("label_join", [v, str, str, str], variadic: true, dropsName: false),
            f("label_replace", [v, str, str, str, str], dropsName: false),
            f("last_over_time", [m], dropsName: false), f("ln", [v]), f("log10", [v]), f("log2", [v]),
            f("mad_over_time", [m], experimental: true), f("max_over_time", [m]), f("min_over_time", [m]),
            f("minute", [v], opt: 1), f("month", [v], opt: 1), f("pi", [], ret: s),
            f("predict_linear", [m, s]), f("present_over_time", [m]), f("quantile_over_time", [s, m]),
            f("rad", [v]), f("range", [], ret: s, experimental: true), f("rate", [m]), f("resets", [m]),
            f("round", [v, s], opt: 1), f("scalar", [v], ret: s), f("sgn", [v]), f("sin", [v]), f("sinh", [v]),
            f("sort", [v], dropsName: false), f("sort_by_label", [v, str], variadic: true, experimental: true, dropsName: false),
            f("sort_by_label_desc", [v, str], variadic: true, experimental: true, dropsName: false),
            f("sort_desc", [v], dropsName: false), f("sqrt", [v]),
            f("start", [], ret: s, experimental: true), f("step", [], ret: s, experimental: true),
            f("stddev_over_time", [m]), f("stdvar_over_time", [m]), f("sum_over_time", [m]),
            f("tan", [v]), f("tanh", [v]), f("time", [], ret: s), f("timestamp", [v]),
            f("ts_of_first_over_time", [m], experimental: true), f("ts_of_last_over_time", [m], experimental: true),
            f("ts_of_max_over_time", [m], experimental: true), f("ts_of_min_over_time", [m], experimental: true),
            f("vector", [s]), f("year", [v], opt: 1),
        ]
        list.sort { $0.name < $1.name }
        return list
    }()

    private static let table: [String: PromQLFunction] = {
        var t: [String: PromQLFunction] = [:]
        for fn in all { t[fn.name] = fn }
        return t
    }()
}
