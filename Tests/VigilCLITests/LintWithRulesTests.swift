import Foundation
import Testing

/// `vigil lint --rules FILES CONFIG`: the rules' alerts are routed through a hand-written
/// Alertmanager config without a stack.
@Suite struct LintWithRulesTests {
    static let alertmanager = """
    route:
      receiver: default
      group_by: [alertname, servce]
      routes:
        - receiver: pager
          matchers: ['severity="critical"']
        - receiver: dba
          matchers: ['team="db"']
    receivers:
      - name: default
      - name: pager
      - name: dba

    """

    static let apiRules = """
    groups:
      - name: api
        rules:
          - alert: ApiDown
            expr: sum by (service) (up{job="api"}) == 0
            labels: {severity: critical}
          - alert: ApiSlow
            expr: sum by (service) (rate(http_request_duration_seconds_sum[5m])) > 1
            labels: {severity: page}

    """

    static let diskRules = """
    groups:
      - name: disk
        rules:
          - alert: DiskFull
            expr: sum by (service) (disk_free_ratio) < 0.1
            labels: {severity: warning}

    """

    static func directory(_ files: [String: String]) throws -> URL {
        let dir = try CLI.temporaryDirectory()
        for (name, text) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return dir
    }

    @Test func theRulesAlertsAreRoutedThroughTheConfig() throws {
        let dir = try Self.directory(["am.yml": Self.alertmanager, "rules/api.yml": Self.apiRules])
        let plain = try CLI.run(["lint", "am.yml"], in: dir)
        #expect(!plain.stdout.contains("alert-not-routed") && !plain.stdout.contains("unreachable-receiver") && !plain.stdout.contains("group-by-unknown-label"))

        let r = try CLI.run(["lint", "--rules", "rules/api.yml", "am.yml"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("rules/api.yml:7:16: warning[alertmanager/alert-not-routed]: alert ApiSlow {severity=\"page\"} matches no route in am.yml; only the root receiver \"default\" gets it"))
        #expect(!r.stdout.contains("alert ApiDown"))
        #expect(r.stdout.contains("am.yml:12:11: warning[alertmanager/unreachable-receiver]: no known alert can reach receiver \"dba\""))
        #expect(r.stdout.contains("am.yml:3:25: warning[alertmanager/group-by-unknown-label]: group_by label \"servce\" is carried by none of the 2 known alerts"))
        #expect(r.stdout.contains("hint: did you mean \"service\"?"))
        // The rule files are knowledge, not linted files.
        #expect(r.stdout.hasSuffix("in 1 file.\n"))
        #expect(try CLI.run(["lint", "--strict", "--rules", "rules/api.yml", "am.yml"], in: dir).status == 1)
    }

    @Test func globsDirectoriesAndRepeatedFlagsCombine() throws {
        let dir = try Self.directory(["am.yml": Self.alertmanager, "rules/api.yml": Self.apiRules, "rules/disk.yaml": Self.diskRules,
                                      "rules/nested/more.yml": Self.diskRules.replacingOccurrences(of: "DiskFull", with: "DiskSlow")])
        let glob = try CLI.run(["lint", "--format", "json", "--rules", "rules/*.y*ml", "am.yml"], in: dir)
        #expect(glob.stdout.contains("carried by none of the 3 known alerts"))
        #expect(glob.stdout.contains("alert DiskFull {severity=\\\"warning\\\"} matches no route"))
        #expect(!glob.stdout.contains("DiskSlow"))

        let deep = try CLI.run(["lint", "--rules", "rules/**/*.yml", "am.yml"], in: dir)
        #expect(deep.stdout.contains("alert DiskSlow"))
        #expect(deep.stdout.contains("alert ApiSlow"))
        #expect(!deep.stdout.contains("alert DiskFull"))

        let directory = try CLI.run(["lint", "--rules", "rules", "am.yml"], in: dir)
        #expect(directory.stdout.contains("carried by none of the 4 known alerts"))

        let repeated = try CLI.run(["lint", "--rules", "rules/api.yml", "--rules", "rules/disk.yaml", "am.yml"], in: dir)
        #expect(repeated.stdout.contains("carried by none of the 3 known alerts"))

        // A rule file both given and linted counts once.
        let both = try CLI.run(["lint", "--rules", "rules/api.yml", "am.yml", "rules/api.yml"], in: dir)
        #expect(both.stdout.contains("carried by none of the 2 known alerts"))
        let spelledOtherwise = try CLI.run(["lint", "--rules", "rules/api.yml", "./am.yml", "./rules/api.yml"], in: dir)
        #expect(spelledOtherwise.stdout.contains("carried by none of the 2 known alerts"))
    }

    @Test func prometheusRuleResourcesAndConfigMapsAreRuleFiles() throws {
        let resource = "apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: api\nspec:\n"
            + Self.apiRules.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n"
        let configMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: rules\ndata:\n  disk.rules.yml: |\n"
            + Self.diskRules.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n") + "\n"
        let dir = try Self.directory(["am.yml": Self.alertmanager, "k8s/api-rules.yaml": resource, "k8s/rules-cm.yaml": configMap])
        let r = try CLI.run(["lint", "--rules", "k8s", "am.yml"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("k8s/api-rules.yaml:12:18: warning[alertmanager/alert-not-routed]: alert ApiSlow"))
        #expect(r.stdout.contains("k8s/rules-cm.yaml:10:20: warning[alertmanager/alert-not-routed]: alert DiskFull"))
        #expect(r.stdout.contains("carried by none of the 3 known alerts"))
    }

    @Test func rulesCombineWithTheStacksAlerts() throws {
        let dir = try Self.directory(["am.yml": Self.alertmanager, "rules/disk.yaml": Self.diskRules])
        let stack = CLI.packageRoot.appendingPathComponent("examples/aurelis/vigil.yaml").path
        let r = try CLI.run(["lint", "--stack", stack, "--env", "staging", "--rules", "rules/disk.yaml", "am.yml"], in: dir)
        #expect(r.stdout.contains("alert DiskFull {severity=\"warning\"} matches no route in am.yml"))
        #expect(r.stdout.contains("warning[alertmanager/alert-not-routed]: alert AurelisHighErrorRate"))
    }

    @Test func directoriesSkipOtherFilesButMustHoldRules() throws {
        let deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n"
        let dir = try Self.directory(["am.yml": Self.alertmanager, "k8s/api.yml": Self.apiRules, "k8s/deploy.yaml": deployment,
                                      "k8s/broken.yaml": "a: [\n", "other/deploy.yaml": deployment])
        let mixed = try CLI.run(["lint", "--rules", "k8s", "am.yml"], in: dir)
        #expect(mixed.status == 0, "\(mixed.stderr)")
        #expect(mixed.stderr.contains("k8s/broken.yaml:2:1: warning[yaml/syntax]"))
        #expect(mixed.stdout.contains("carried by none of the 2 known alerts"))
        let none = try CLI.run(["lint", "--rules", "other", "am.yml"], in: dir)
        #expect(none.status == 2)
        #expect(none.stderr.contains("--rules other: no Prometheus rule file among 1 file"))
        let glob = try CLI.run(["lint", "--rules", "other/*.yaml", "am.yml"], in: dir)
        #expect(glob.status == 2)
    }

    @Test func unusableRuleFilesAreUsageErrors() throws {
        let dir = try Self.directory(["am.yml": Self.alertmanager, "broken.yml": "groups: [\n"])
        let missing = try CLI.run(["lint", "--rules", "nope.yml", "am.yml"], in: dir)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nope.yml: error[io/unreadable]: no such file or directory"))
        let noMatch = try CLI.run(["lint", "--rules", "rules/*.yml", "am.yml"], in: dir)
        #expect(noMatch.status == 2)
        #expect(noMatch.stderr.contains("--rules rules/*.yml matches no file"))
        let notRules = try CLI.run(["lint", "--rules", "am.yml", "am.yml"], in: dir)
        #expect(notRules.status == 2)
        #expect(notRules.stderr.contains("am.yml: error[io/unreadable]: not a Prometheus rule file"))
        let broken = try CLI.run(["lint", "--rules", "broken.yml", "am.yml"], in: dir)
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("broken.yml:2:1: error[yaml/syntax]"))
        #expect(broken.stderr.contains("vigil: fix the --rules files first"))
    }

    /// Problems in the --rules files show their line, as findings in linted files do.
    @Test func ruleFileProblemsShowTheirLine() throws {
        let dir = try Self.directory(["am.yml": Self.alertmanager, "bad.yml": "groups:\n  - name: x\n    rules: {a: b: c}\n"])
        let r = try CLI.run(["lint", "--rules", "bad.yml", "am.yml"], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr.contains("bad.yml:3:"))
        #expect(r.stderr.contains("3 |     rules: {a: b: c}"), "\(r.stderr)")
    }
}
