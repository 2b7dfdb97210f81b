import Foundation
import Testing
import VigilCore
import VigilPromQL
@testable import VigilPrometheus

/// The unit reasoning behind `thresholds/unit-mismatch` and `thresholds/quantile-coarse-bucket`.
@Suite struct ThresholdUnitTests {
    static let index = CatalogueIndex([try! CatalogueTests.catalogue("""
    kind: MetricCatalogue
    include: [cadvisor]
    metrics:
      - {name: app_cache_hits, type: gauge, unit: ratio}
      - {name: app_disk_used, type: gauge, unit: percent}
      - {name: app_error_rate, type: gauge, help: Current error rate percentage}
      - {name: app_error_share, type: gauge, unit: ratio, help: Share of failed requests in percent}
      - {name: app_queue_size, type: gauge, help: Items waiting}
    """)])

    static func finding(_ expr: String) throws -> ThresholdUnitMismatch.Finding? {
        let e = try PromQL.parseExpr(expr)
        let t = try #require(e.thresholds().first, "no threshold in \(expr)")
        return ThresholdUnitMismatch.finding(t, index: index)
    }

    @Test(arguments: [
        ("app_cache_hits < 70", "is a ratio (0–1) (the catalogue gives app_cache_hits unit ratio)"),
        ("avg by (pod) (app_cache_hits) > 1.5", "is a ratio (0–1)"),
        ("max_over_time(node_load_ratio[10m]) > 80", "its name ends in _ratio"),
        ("app_disk_used > 0.9", "is a percentage (0–100) (the catalogue gives app_disk_used unit percent)"),
        ("app_cache_hits * 100 < 0.7", "the expression multiplies a ratio by 100"),
        ("(app_cache_hits) * 100 <= 1", "the expression multiplies a ratio by 100"),
        ("container_memory_working_set_bytes / container_spec_memory_limit_bytes > 90", "divides bytes by bytes"),
        ("app_error_rate > 0.05", "its help says \"Current error rate percentage\""),
        ("app_error_share > 0.05", "the catalogue's unit is ratio but its help says"),
    ])
    func mismatches(expr: String, expected: String) throws {
        let f = try #require(try Self.finding(expr), "no finding for \(expr)")
        #expect(f.message.contains(expected), "\(f.message)")
    }

    @Test(arguments: [
        "app_cache_hits < 0.7", "app_cache_hits * 100 < 70", "100 * app_cache_hits < 70",
        "app_disk_used > 90", "app_disk_used / 100 > 0.9",
        "container_memory_working_set_bytes / container_spec_memory_limit_bytes > 0.9",
        "container_memory_working_set_bytes / container_spec_memory_limit_bytes > 1.5",
        "app_error_rate > 5", "app_queue_size < 0.5",
        // A sum of ratios is no ratio, and a rate of one has its own unit.
        "sum(app_cache_hits) > 2", "rate(app_cache_hits[5m]) > 2",
        "histogram_quantile(0.9, rate(app_request_duration_seconds_bucket[5m])) > 0.5",
    ])
    func consistent(expr: String) throws {
        let f = try Self.finding(expr)
        #expect(f == nil, "\(f?.message ?? "")")
    }

    @Test func ratioAboveOneIsAnErrorAndPercentagesAreWarnings() throws {
        #expect(try Self.finding("app_cache_hits > 5")?.severity == .error)
        #expect(try Self.finding("app_disk_used > 0.5")?.severity == nil)
    }

    @Test(arguments: [
        (2.0, [0.1, 0.5, 1, 5], true), (1.0, [0.1, 0.5, 1, 5], false), (0.7, [0.1, 0.5, 1, 5], false),
        (0.3, [0.1, 0.5, 1, 5], true), (0.05, [0.1, 0.5, 1, 5], false), (20, [0.1, 0.5, 1, 5], false),
        (4.0, [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], false),
    ])
    func coarseBuckets(threshold: Double, buckets: [Double], coarse: Bool) {
        let b = QuantileCoarseBucket.bucket(containing: threshold, in: buckets)
        #expect((b.map { $0.1 / $0.0 >= QuantileCoarseBucket.coarseFactor } ?? false) == coarse)
    }
}
