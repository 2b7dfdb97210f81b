import Testing
@testable import VigilPromQL

/// The alert and dashboard expressions of the reference ("Aurelis") stack, as written there.
@Suite("Reference stack expressions")
struct ReferenceStackTests {
    static let alerts: [(expr: String, threshold: Double, metrics: [String])] = [
        ("(\n  rate(aurelis_requests_total{status_code!~\"2..\"}[5m]) / \n  rate(aurelis_requests_total[5m])\n) * 100 > 5\n", 5,
         ["aurelis_requests_total", "aurelis_requests_total"]),
        ("(\n  rate(aurelis_requests_total{status_code!~\"2..\"}[5m]) / \n  rate(aurelis_requests_total[5m])\n) * 100 > 15\n", 15,
         ["aurelis_requests_total", "aurelis_requests_total"]),
        ("histogram_quantile(0.95, \n  rate(aurelis_request_duration_seconds_bucket[5m])\n) > 10\n", 10, ["aurelis_request_duration_seconds_bucket"]),
        ("up{job=\"aurelis\"} == 0", 0, ["up"]),
        ("(\n  container_memory_working_set_bytes{pod=~\"aurelis-.*\"} / \n  container_spec_memory_limit_bytes{pod=~\"aurelis-.*\"}\n) * 100 > 80\n", 80,
         ["container_memory_working_set_bytes", "container_spec_memory_limit_bytes"]),
        ("aurelis_github_rate_limit_remaining < 100", 100, ["aurelis_github_rate_limit_remaining"]),
        ("aurelis_cache_hit_rate < 0.7", 0.7, ["aurelis_cache_hit_rate"]),
        ("aurelis_queue_size > 1000", 1000, ["aurelis_queue_size"]),
        ("rate(errors[5m]) > 0.05  # 5% error rate", 0.05, ["errors"]),
    ]

    @Test("alert expressions", arguments: alerts.indices)
    func alert(_ index: Int) throws {
        let a = Self.alerts[index]
        let e = try PromQL.parseExpr(a.expr)
        #expect(e.selectors().map { $0.metricName ?? "" } == a.metrics)
        let t = try #require(e.thresholds().first)
        #expect(t.value == a.threshold)
        let formatted = PromQLPrinter.pretty(e)
        #expect(try PromQL.parseExpr(formatted) == e)
        #expect(PromQLPrinter.pretty(try PromQL.parseExpr(formatted)) == formatted)
    }

    @Test func unaggregatedHistogramQuantileKeepsSeriesLabels() throws {
        let catalogue: [String: Set<String>] = ["aurelis_request_duration_seconds_bucket": ["job", "instance", "le", "endpoint"]]
        let bad = try PromQL.parseExpr("histogram_quantile(0.95, rate(aurelis_request_duration_seconds_bucket[5m]))")
        #expect(bad.outputLabels { catalogue[$0] } == .exactly(["job", "instance", "endpoint"]))
        let good = try PromQL.parseExpr("histogram_quantile(0.95, sum by (le) (rate(aurelis_request_duration_seconds_bucket[5m])))")
        #expect(good.outputLabels { catalogue[$0] } == .exactly([]))
    }

    static let panels = [
        "up{job=\"aurelis\"}", "rate(aurelis_requests_total[5m])",
        "histogram_quantile(0.50, rate(aurelis_request_duration_seconds_bucket[5m]))",
        "rate(aurelis_requests_total{status_code!~\"2..\"}[5m]) / rate(aurelis_requests_total[5m]) * 100",
        "increase(aurelis_model_requests_total[1h])", "aurelis_cache_hit_rate * 100", "aurelis_github_rate_limit_remaining",
        "rate(container_cpu_usage_seconds_total{pod=~\"aurelis-.*\"}[5m]) * 100",
        "container_memory_working_set_bytes{pod=~\"aurelis-.*\"} / container_spec_memory_limit_bytes{pod=~\"aurelis-.*\"} * 100",
        "rate(aurelius_requests_total[5m])  # Use 5m rate", "topk(10, rate(aurelis_requests_total[5m]))  # Top 10 only",
    ]

    @Test("dashboard expressions", arguments: panels)
    func panel(_ expr: String) throws {
        let result = PromQL.parse(expr)
        #expect(result.isValid, "\(result.errors)")
        #expect(try #require(result.expr).thresholds().isEmpty)
        #expect(PromQLTool.check(expression: expr).exitCode == 0)
    }
}
