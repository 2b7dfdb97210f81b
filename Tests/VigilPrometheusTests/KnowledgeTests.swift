import Testing
import VigilCore
@testable import VigilPrometheus

/// Checks use metric knowledge (a catalogue) when given and settings such as the scrape interval.
@Suite struct KnowledgeTests {
    static let table = MetricTable(types: ["jobs_processed": .counter, "queue_total": .gauge, "latency": .histogram],
                                   labels: ["jobs_processed": ["job", "instance", "queue"]])

    func rules(_ text: String, knowledge: [any Sendable] = [], settings: [String: String] = [:]) async -> [String] {
        await TestLinter.make(settings: settings, knowledge: knowledge).lint(text: text, path: "r.yaml").diagnostics.map(\.rule)
    }

    @Test func catalogueTypesOverrideNaming() async {
        let counter = Example.alert("rate(jobs_processed[5m]) > 1").text
        #expect(await rules(counter).contains("promql/rate-on-non-counter"))
        #expect(!(await rules(counter, knowledge: [Self.table])).contains("promql/rate-on-non-counter"))
        let gauge = Example.alert("rate(queue_total[5m]) > 1").text
        #expect(!(await rules(gauge)).contains("promql/rate-on-non-counter"))
        #expect(await rules(gauge, knowledge: [Self.table]).contains("promql/rate-on-non-counter"))
        #expect(!(await rules(Example.alert("rate(latency_bucket[5m]) > 1").text, knowledge: [Self.table])).contains("promql/rate-on-non-counter"))
    }

    @Test func catalogueLabelsFindMissingTemplateLabels() async {
        let text = Example.alert("rate(jobs_processed[5m]) > 1", annotations: [("summary", "{{ $labels.pod }} on {{ $labels.queue }}")]).text
        #expect(!(await rules(text)).contains("alerts/template-label-missing"))
        let known = await TestLinter.make(knowledge: [Self.table]).lint(text: text, path: "r.yaml").diagnostics
        let found = known.filter { $0.rule == "alerts/template-label-missing" }
        #expect(found.count == 1)
        #expect(found.first?.message.contains("$labels.pod") ?? false)
    }

    @Test func scrapeIntervalSettingEnablesRangeCheck() async {
        let text = Example.alert("rate(http_requests_total[1m]) > 1").text
        #expect(!(await rules(text)).contains("promql/range-too-short"))
        #expect(await rules(text, settings: ["scrape-interval": "1m"]).contains("promql/range-too-short"))
        #expect(!(await rules(text, settings: ["scrape-interval": "15s"])).contains("promql/range-too-short"))
    }

    @Test func evaluationIntervalSettingEnablesForCheck() async {
        let text = Example.alert("up == 0", for: "30s").text
        #expect(!(await rules(text)).contains("rules/for-shorter-than-interval"))
        #expect(await rules(text, settings: ["evaluation-interval": "1m"]).contains("rules/for-shorter-than-interval"))
    }
}
