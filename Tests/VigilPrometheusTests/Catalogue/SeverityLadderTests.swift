import Testing
import VigilCore
@testable import VigilPrometheus

/// `thresholds/severity-ladder` pairs alerts by what they compare, however it is written.
@Suite struct SeverityLadderTests {
    static let linter = Linter(registry: CoreRules.registry.merging(PrometheusLint.registry).merging(CatalogueLint.registry))

    static func ladder(critical: String, warning: String) async -> [Diagnostic] {
        let text = """
        groups:
          - name: ladder
            rules:
              - {alert: Errors, expr: '\(critical)', for: 5m, labels: {severity: critical}}
              - {alert: Errors, expr: '\(warning)', for: 5m, labels: {severity: warning}}

        """
        return await linter.lint(text: text, path: "rules.yaml").diagnostics.filter { $0.rule == SeverityLadder.rule.id }
    }

    @Test func sameSubjectWrittenDifferentlyIsOneLadder() async {
        let found = await Self.ladder(critical: "sum(rate(app_requests_total[5m])) > 10",
                                      warning: "sum( rate( app_requests_total[5m] ) )  >  50")
        #expect(found.count == 1)
        #expect(found.first?.message.contains("critical fires at 10 but warning only at 50") == true)
    }

    @Test func constantOnTheLeftIsTheSameDirection() async {
        let found = await Self.ladder(critical: "10 < sum(rate(app_requests_total[5m]))",
                                      warning: "sum(rate(app_requests_total[5m])) > 50")
        #expect(found.count == 1)
    }

    @Test(arguments: [
        ("sum(rate(app_requests_total[5m])) > 10", "sum(rate(app_requests_total[10m])) > 50"),
        ("sum(rate(app_requests_total[5m])) > 10", "sum(rate(app_requests_total[5m])) < 50"),
        ("sum by (job) (rate(app_requests_total[5m])) > 10", "sum(rate(app_requests_total[5m])) > 50"),
    ])
    func differentSubjectsAreSeparateLadders(critical: String, warning: String) async {
        #expect(await Self.ladder(critical: critical, warning: warning).isEmpty)
    }
}
