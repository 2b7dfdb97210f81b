import Testing
@testable import VigilGrafana

@Suite("Grafana units")
struct UnitTests {
    @Test("built-in ids and custom units are known", arguments: ["s", "ms", "bytes", "percentunit", "reqps", "suffix:req", "prefix:$", "si:B", "count:req", "currency:€", "time:HH:mm", "bool:yes/no", ""])
    func known(_ unit: String) {
        #expect(GrafanaUnits.isKnown(unit))
    }

    @Test("unknown ids are not, and an empty custom unit is not", arguments: ["seconds", "megabytes", "suffix:", "Seconds", "req/s"])
    func unknown(_ unit: String) {
        #expect(!GrafanaUnits.isKnown(unit))
    }

    @Test("suggestions name the Grafana id")
    func suggestions() {
        #expect(GrafanaUnits.suggestion(for: "seconds") == "s")
        #expect(GrafanaUnits.suggestion(for: "BYTES") == "bytes")
        #expect(GrafanaUnits.suggestion(for: "frobs") == nil)
    }
}
