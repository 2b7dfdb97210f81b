import Foundation
import Testing

/// `vigil lint --stack vigil.yaml PATH…` applies the stack's knowledge to configs it did not write.
@Suite struct LintWithStackTests {
    static var stack: String { CLI.packageRoot.appendingPathComponent("examples/aurelis/vigil.yaml").path }

    static func directory(_ files: [String: String]) throws -> URL {
        let dir = try CLI.temporaryDirectory()
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return dir
    }

    @Test func catalogueAndScrapeIntervalComeFromTheStack() throws {
        let dir = try Self.directory(["r.yaml": "groups:\n  - name: g\n    rules:\n      - {alert: X, expr: 'rate(aurelis_request_total[30s]) > 1', for: 5m, labels: {severity: warning}}\n"])
        let plain = try CLI.run(["lint", "r.yaml"], in: dir)
        #expect(!plain.stdout.contains("catalogue/unknown-metric"))
        #expect(!plain.stdout.contains("promql/range-too-short"))
        let withStack = try CLI.run(["lint", "--stack", Self.stack, "r.yaml"], in: dir)
        #expect(withStack.status == 1)
        #expect(withStack.stdout.contains("r.yaml:4:32: error[catalogue/unknown-metric]"))
        #expect(withStack.stdout.contains("did you mean \"aurelis_requests_total\"?"))
        #expect(withStack.stdout.contains("warning[promql/range-too-short]: range [30s] is shorter than twice the scrape interval (30s)"))
    }

    @Test func aHandWrittenAlertmanagerConfigIsCheckedAgainstTheStacksAlerts() throws {
        let dir = try Self.directory(["am.yml": """
            route:
              receiver: default
              routes:
                - receiver: pager
                  matchers: ['severity="critical"']
            receivers:
              - name: default
              - name: pager
                webhook_configs:
                  - url_file: /etc/alertmanager/pager-url
            """])
        #expect(try CLI.run(["lint", "--strict", "am.yml"], in: dir).status == 0)
        let r = try CLI.run(["lint", "--stack", Self.stack, "--env", "staging", "am.yml"], in: dir)
        #expect(r.stdout.contains("warning[alertmanager/alert-not-routed]: alert AurelisHighErrorRate {service=\"aurelis\", severity=\"warning\"} matches no route in am.yml"))
        #expect(r.stdout.contains("vigil.yaml@staging/prometheus/rules/aurelis.yml:"))
        #expect(!r.stdout.contains("severity=\"critical\"} matches no route"))
    }

    @Test func anUnknownEnvironmentIsAUsageError() throws {
        let dir = try Self.directory(["r.yaml": "groups: []\n"])
        let r = try CLI.run(["lint", "--stack", Self.stack, "--env", "qa", "r.yaml"], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr.contains("the stack has no environment \"qa\": it declares production, staging"))
        #expect(try CLI.run(["lint", "--env", "qa", "r.yaml"], in: dir).status == 2)
        #expect(try CLI.run(["lint", "--no-such-option", "r.yaml"], in: dir).status == 2)
    }

    /// A broken stack file is a usage error that shows the line at fault.
    @Test func aBrokenStackShowsTheLineAtFault() throws {
        let dir = try Self.directory(["r.yaml": "groups: []\n", "stack.yaml": "apiVersion: vigil/v1\nkind: Stack\nservice: {name: a: b}\n"])
        let r = try CLI.run(["lint", "--stack", "stack.yaml", "r.yaml"], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr.contains("stack.yaml:3:"), "\(r.stderr)")
        #expect(r.stderr.contains("3 | service: {name: a: b}"), "\(r.stderr)")
    }
}
