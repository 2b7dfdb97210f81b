@testable import VigilPromQL

/// Expressions shared by several suites.
enum Corpus {
    static let experimental = ParseOptions(experimentalFunctions: true)

    /// Hand-written valid expressions covering every construct.
    static let handWritten: [String] = [
        // Literals
        "1", "1.5", ".5", "5.", "0x1F", "0X1f", "1e3", "1E-3", "2.5e+10", "010", "09", "-1", "+1", "- 1",
        "Inf", "-Inf", "+inf", "NaN", "nan", "INF", "1h", "1h30m", "500ms", "1y2w3d", "-5m",
        "\"double\"", "'single'", "`raw \\n string`", "\"esc\\\"aped\\n\\t\\\\\"", "'it\\'s'", "\"\\x41\\u00e9\\U0001F600\\101\"",
        "\"ünïcødé ✓\"",
        // Selectors
        "foo", "foo:bar:baz", "_underscore", "foo{}", "{job=\"x\"}", "foo{job=\"api\"}", "foo{job!=\"api\"}",
        "foo{job=~\"api|web\"}", "foo{job!~\"test.*\"}", "foo{a=\"1\", b=\"2\",}", "foo{a=\"1\",b!=\"2\",c=~\"3\",d!~\"4\"}",
        "{__name__=\"foo\"}", "{__name__=~\"foo.*\", job=\"x\"}", "{\"http.requests\"}", "{\"http.requests\", \"le\"=\"1\"}",
        "{\"ünï\"=\"x\"}", "foo{\"dotted.label\"=\"v\"}", "foo{on=\"x\", by=\"y\", sum=\"z\", bool=\"b\", offset=\"o\"}",
        "foo{nan=\"1\", inf=\"2\"}", "foo{job='single'}", "foo{job=`raw`}", "{job=\"\", instance=\"x\"}",
        "{job=~\".+\"}", "{job!=\"\"}", "start", "end", "step", "range", "foo_bucket{le=\"+Inf\"}",
        // Ranges and modifiers
        "foo[5m]", "foo[1h30m]", "foo[300]", "foo[1.5]", "foo{job=\"x\"}[500ms]", "foo offset 5m", "foo offset -5m",
        "foo offset 300", "foo[5m] offset 1w", "foo @ 1609746000", "foo @ 1609746000.5", "foo @ -100", "foo @ start()",
        "foo @ end()", "foo[5m] @ end()", "foo @ 100 offset 5m", "foo offset 5m @ 100", "foo[5m] offset 5m @ start()",
        "foo offset 1y", "foo[1d:1h]", "foo[1h:]", "foo[1h:5m] offset 10m", "foo[1h:5m] @ end()",
        "rate(foo[5m])[30m:1m]", "max_over_time(rate(foo[5m])[1h:])", "(foo + bar)[5m:]", "sum(foo)[10m:1m] offset 1h",
        "foo @ 10 [5m:]",
        // Aggregations
        "sum(foo)", "sum by (job) (foo)", "sum(foo) by (job)", "sum without (instance) (foo)", "sum(foo) without (instance)",
        "sum by (job, instance) (foo)", "sum by (job,) (foo)", "sum by () (foo)", "sum without () (foo)",
        "sum by (\"dotted.label\") (foo)", "sum by (on, bool, sum) (foo)", "SUM(foo)", "Sum By (job) (foo)",
        "min(foo)", "max(foo)", "avg(foo)", "group(foo)", "stddev(foo)", "stdvar(foo)", "count(foo)",
        "count_values(\"value\", foo)", "bottomk(3, foo)", "topk(5, foo)", "quantile(0.9, foo)", "limitk(2, foo)",
        "limit_ratio(0.5, foo)", "topk by (job) (5, foo)", "topk(5, foo) by (job)", "quantile without (x) (0.99, foo)",
        "count_values by (job) (\"v\", foo)", "topk(scalar(bar), foo)", "sum(sum(foo) by (a)) by (b)",
        // Binary operators
        "1 + 2", "foo + bar", "foo - bar", "foo * bar", "foo / bar", "foo % bar", "foo ^ bar", "foo atan2 bar",
        "foo == bar", "foo != bar", "foo > bar", "foo < bar", "foo >= bar", "foo <= bar", "foo and bar", "foo or bar",
        "foo unless bar", "foo AND bar", "foo > bool bar", "1 > bool 2", "1 == bool 1", "foo > 5", "5 < foo",
        "foo + on (job) bar", "foo + ignoring (instance) bar", "foo + on () bar", "foo + ignoring () bar",
        "foo * on (job) group_left bar", "foo * on (job) group_left (team) bar", "foo * on (job) group_right (team) bar",
        "foo * ignoring (instance) group_left bar", "foo * ignoring (instance) group_right () bar",
        "foo > bool on (job) bar", "foo > bool ignoring (x) group_left (y) bar", "foo and on (job) bar",
        "foo unless ignoring (instance) bar", "foo or on () bar", "foo / on (\"dotted.label\") bar",
        "1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "(2 ^ 3) ^ 2", "1 - 2 - 3", "1 - (2 - 3)", "foo or bar and baz",
        "(foo or bar) and baz", "foo + bar > baz", "foo > bar + baz", "foo and bar or baz unless qux",
        "-foo", "+foo", "-foo ^ 2", "(-foo) ^ 2", "-(foo + bar)", "2 ^ -foo", "foo * -bar", "- - foo", "-rate(foo[5m])",
        "1 - -1", "-2 ^ 2", "(-2) ^ 2", "2 ^ -1", "foo offset 5m + bar", "-foo offset 5m",
        "foo + 1h", "time() - 1h", "foo > 1e3", "foo < -Inf",
        // Functions
        "rate(foo[5m])", "irate(foo[1m])", "increase(foo[1h])", "delta(foo[10m])", "idelta(foo[10m])",
        "deriv(foo[10m])", "predict_linear(foo[1h], 4 * 3600)", "holt_winters_free", "time()", "pi()", "vector(1)",
        "scalar(foo)", "absent(foo{job=\"x\"})", "absent_over_time(foo[5m])", "present_over_time(foo[5m])",
        "label_replace(foo, \"dst\", \"$1\", \"src\", \"(.*)\")", "label_join(foo, \"dst\", \",\", \"a\", \"b\", \"c\")",
        "label_join(foo, \"dst\", \",\")", "round(foo)", "round(foo, 0.5)", "clamp(foo, 0, 1)", "clamp_min(foo, 0)",
        "clamp_max(foo, 100)", "histogram_quantile(0.99, foo_bucket)", "histogram_fraction(0, 0.5, foo)",
        "quantile_over_time(0.5, foo[1h])", "day_of_week()", "day_of_week(foo)", "hour(timestamp(foo))",
        "sort(foo)", "sort_desc(foo)", "sort_by_label(foo, \"a\")", "sort_by_label(foo, \"a\", \"b\")",
        "sort_by_label_desc(foo, \"a\")", "double_exponential_smoothing(foo[1h], 0.5, 0.5)",
        "info(foo)", "info(foo, {k8s_cluster_name=~\".+\"})", "info(foo, {__name__=\"target_info\"})",
        "ts_of_max_over_time(foo[1h])", "ts_of_min_over_time(foo[1h])", "ts_of_last_over_time(foo[1h])",
        "ts_of_first_over_time(foo[1h])", "first_over_time(foo[1h])", "mad_over_time(foo[1h])", "integral(foo[1h])",
        "histogram_quantiles(foo, \"q\", 0.5, 0.9, 0.99)", "start()", "end()", "step()", "range()",
        "rate(foo[5m],)", "abs(-foo)", "ln(foo)", "exp(foo)", "timestamp(foo)", "changes(foo[1h])", "resets(foo[1h])",
        // Comments and layout
        "foo # comment", "# leading comment\nfoo", "sum(\n  rate(foo[5m]) # per second\n)", "foo\n+\nbar", "\tfoo\t",
        // Realistic rules
        "histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))",
        "histogram_quantile(0.95, sum by (le, job) (rate(aurelis_request_duration_seconds_bucket{job=\"aurelis\"}[5m]))) > 2",
        "sum(rate(http_requests_total{status_code=~\"5..\"}[5m])) / sum(rate(http_requests_total[5m])) > 0.05",
        "sum by (job) (rate(errors_total[5m])) / on (job) sum by (job) (rate(requests_total[5m]))",
        "absent(up{job=\"aurelis\"})", "absent(up{job=\"aurelis\"} == 1)",
        "predict_linear(node_filesystem_avail_bytes{fstype!=\"tmpfs\"}[6h], 4 * 3600) < 0",
        "label_replace(up, \"host\", \"$1\", \"instance\", \"(.*):.*\")",
        "up == 0 and on (instance) node_boot_time_seconds > 0",
        "sum by (namespace, pod) (container_memory_working_set_bytes) / on (namespace, pod) group_left (node) kube_pod_info",
        "max by (pod) (kube_pod_container_resource_limits{resource=\"memory\"}) * on (pod) group_left () max by (pod) (up)",
        "count by (job) (up == 1) < 2", "avg_over_time(aurelis_cache_hit_rate[10m]) < 0.5",
        "rate(process_cpu_seconds_total[5m]) * 100 > 90",
        "(node_memory_MemTotal_bytes - node_memory_MemAvailable_bytes) / node_memory_MemTotal_bytes * 100 > 85",
        "increase(kube_pod_container_status_restarts_total[1h]) > 3",
        "time() - process_start_time_seconds < 300", "sum(up{job=~\"aurelis.*\"}) by (job) == 0",
        "topk(10, sum by (endpoint) (rate(aurelis_requests_total[5m])))",
        "1 - sum(rate(http_requests_total{code!~\"5..\"}[30d])) / sum(rate(http_requests_total[30d]))",
        "max_over_time(deriv(rate(foo[5m])[30m:1m])[1h:])", "sum(rate(foo[5m] offset 1d)) / sum(rate(foo[5m]))",
        "rate(foo[5m] @ end())", "clamp_min(sum(rate(a[5m])), 1) / clamp_min(sum(rate(b[5m])), 1)",
        "aurelis_requests_total{method=\"GET\", endpoint=~\"/api/.*\", status_code!=\"200\"}",
        "sum by (le) (rate(aurelis_request_duration_seconds_bucket[5m])) > bool 0",
    ]

    /// One valid call per built-in, with arguments of the declared types.
    static var oneCallPerFunction: [String] {
        PromQLFunction.all.map { fn in
            var args: [String] = []
            let count = fn.name == "info" ? 1 : fn.minArgs + (fn.variadic != 0 ? 1 : 0)
            for i in 0..<count {
                switch fn.argType(at: i) ?? .scalar {
                case .scalar: args.append("0.5")
                case .instantVector: args.append("some_metric")
                case .rangeVector: args.append("some_metric[5m]")
                case .string: args.append("\"label\"")
                }
            }
            return fn.name + "(" + args.joined(separator: ", ") + ")"
        }
    }

    /// Every aggregation with every grouping form.
    static var aggregationForms: [String] {
        AggregationOp.allCases.flatMap { op -> [String] in
            let body: String
            switch op.parameterType {
            case .string?: body = "(\"out\", m)"
            case .scalar?: body = "(0.5, m)"
            default: body = "(m)"
            }
            let o = op.rawValue
            return [o + body, o + " by (a) " + body, o + " without (a, b) " + body, o + body + " by (a)", o + body + " without (c)"]
        }
    }

    /// Every binary operator between vectors, vector and scalar, with matching modifiers.
    static var binaryForms: [String] {
        BinaryOp.allCases.flatMap { op -> [String] in
            let o = op.rawValue
            var forms = ["a \(o) b", "a \(o) on (x) b", "a \(o) ignoring (x, y) b"]
            if !op.isSetOperator {
                forms += ["a \(o) 1", "1 \(o) a", "a \(o) on (x) group_left (y) b", "a \(o) ignoring (x) group_right b"]
            }
            if op.isComparison { forms += ["1 \(o) bool 2", "a \(o) bool b", "a \(o) bool on (x) group_left b"] }
            if !op.isComparison && !op.isSetOperator { forms += ["1 \(o) 2"] }
            return forms
        }
    }

    static let allValid: [String] = {
        var seen = Set<String>()
        return (handWritten + oneCallPerFunction + aggregationForms + binaryForms).filter { seen.insert($0).inserted }
    }()
}
