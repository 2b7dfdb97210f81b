import Foundation
import Testing
import VigilCore
@testable import VigilPrometheus

@Suite struct CatalogueTests {
    static func catalogue(_ text: String) throws -> MetricCatalogue {
        let (c, problems) = MetricCatalogueKind.load(SourceFile(path: "c.yaml", text: text))
        #expect(problems.isEmpty, "\(problems.map(\.message))")
        return try #require(c)
    }

    @Test func labelDomainsDecodeInEveryForm() throws {
        let c = try Self.catalogue("""
        kind: MetricCatalogue
        metrics:
          - name: x_total
            type: counter
            labels: {a: [p, q, r], b: {max: 7}, c: 5, d: unbounded}
        """)
        let labels = try #require(c.metrics.first?.labels)
        #expect(labels["a"] == .values(["p", "q", "r"]))
        #expect(labels["b"] == .bounded(7))
        #expect(labels["c"] == .bounded(5))
        #expect(labels["d"] == .unbounded)
        #expect(Array(labels.keys) == ["a", "b", "c", "d"])
    }

    @Test func badDomainIsReportedWithPosition() {
        let (_, problems) = MetricCatalogueKind.load(SourceFile(path: "c.yaml", text: """
        kind: MetricCatalogue
        metrics:
          - {name: x_total, type: countr}
          - {name: y_total, type: counter, labels: {a: lots}}
        """))
        #expect(problems.contains { $0.rule == SchemaRule.invalidValue && $0.message.contains("\"countr\"") && $0.hint == "did you mean \"counter\"?" })
        #expect(problems.contains { $0.message.contains("not \"lots\"") && $0.range?.start.line == 4 })
    }

    @Test(arguments: [
        // (type, labels, buckets, objectives, expected series per target)
        ("counter", "{a: [x, y], b: {max: 10}}", "", "", 20),
        ("gauge", "{}", "", "", 1),
        ("histogram", "{a: [x, y]}", "buckets: [0.1, 1, 10]", "", 2 * (3 + 1 + 2)),
        ("histogram", "{}", "", "", SeriesEstimate.defaultBucketCount + 3),
        ("summary", "{a: {max: 3}}", "", "objectives: [0.5, 0.9, 0.99]", 3 * (3 + 2)),
    ])
    func seriesEstimate(type: String, labels: String, buckets: String, objectives: String, expected: Int) throws {
        var text = "kind: MetricCatalogue\nmetrics:\n  - name: m\n    type: \(type)\n    labels: \(labels)\n"
        if !buckets.isEmpty { text += "    \(buckets)\n" }
        if !objectives.isEmpty { text += "    \(objectives)\n" }
        let c = try Self.catalogue(text)
        let e = SeriesEstimate(try #require(c.metrics.first))
        #expect(e.perTarget == expected)
        #expect(e.total(targets: 3) == expected * 3)
    }

    @Test func unboundedLabelMakesTheEstimateUnbounded() throws {
        let c = try Self.catalogue("kind: MetricCatalogue\nmetrics:\n  - {name: m, type: counter, labels: {path: unbounded, a: [x]}}\n")
        let e = SeriesEstimate(try #require(c.metrics.first))
        #expect(e.perTarget == nil)
        #expect(e.unboundedLabels == ["path"])
        #expect(CardinalityReport(catalogue: c).table().contains("unbounded"))
    }

    @Test func indexKnowsSeriesNamesLabelsAndIncludes() throws {
        let c = try Self.catalogue("""
        kind: MetricCatalogue
        scrapeLabels: [job, instance, pod]
        include: [node-exporter]
        metrics:
          - {name: app_duration_seconds, type: histogram, labels: {route: {max: 5}}}
        """)
        let index = CatalogueIndex([c])
        #expect(index.type(of: "app_duration_seconds_bucket") == .counter)
        #expect(index.labels(of: "app_duration_seconds_bucket") == ["route", "le", "job", "instance", "pod"])
        #expect(index.labels(of: "app_duration_seconds_sum")?.contains("le") == false)
        #expect(index.type(of: "node_cpu_seconds_total") == .counter)
        #expect(index.labels(of: "node_cpu_seconds_total")?.contains("mode") == true)
        #expect(index.definition(of: "nope") == nil)
    }

    @Test func builtinCataloguesAreValid() {
        #expect(BuiltinCatalogues.problems().isEmpty)
        #expect(BuiltinCatalogues.names == ["cadvisor", "kube-state-metrics", "nginx-exporter", "node-exporter", "prometheus", "redis-exporter"])
        for name in BuiltinCatalogues.names {
            #expect(BuiltinCatalogues.catalogue(named: name)?.metrics.isEmpty == false)
        }
    }

    /// The embedded sources are generated from templates/catalogues: they must not be stale.
    @Test func embeddedSourcesMatchTemplates() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let dir = root.appendingPathComponent("templates/catalogues")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files.map { String($0.dropLast(5)) } == BuiltinCatalogues.sources.map(\.name))
        for (name, text) in BuiltinCatalogues.sources {
            let onDisk = try String(contentsOf: dir.appendingPathComponent(name + ".yaml"), encoding: .utf8)
            #expect(onDisk.trimmingCharacters(in: .newlines) == text, "\(name).yaml changed: run `make generate`")
        }
    }

    @Test(arguments: ["user_id", "request_id", "email", "client_ip", "session_id", "trace_id", "customer_uuid"])
    func identifierNames(label: String) { #expect(IdentifierLabel.isIdentifier(label)) }

    @Test(arguments: ["endpoint", "route", "method", "status_code", "model", "user_tier", "path_template"])
    func categoryNames(label: String) { #expect(!IdentifierLabel.isIdentifier(label)) }
}
