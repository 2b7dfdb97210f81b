import Testing
import VigilCore
@testable import VigilDiff

/// Secret values never reach any output format; a changed secret is still reported, as a
/// note that it differs.
@Suite struct MaskingTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let what: String
        let old: String
        let new: String
        /// The path of the one expected change.
        let path: String
        /// Strings that must not appear in any output.
        let secrets: [String]
        var testDescription: String { what }
    }

    static let cases: [Case] = [
        Case(what: "Secret data", old: "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata: {password: aHVudGVyMg==}\n",
             new: "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata: {password: c3dvcmRmaXNo}\n",
             path: "data.password", secrets: ["aHVudGVyMg==", "c3dvcmRmaXNo"]),
        Case(what: "Secret data under an innocent key", old: "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata: {config: b2xkLXZhbHVl}\n",
             new: "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata: {config: bmV3LXZhbHVl}\n",
             path: "data.config", secrets: ["b2xkLXZhbHVl", "bmV3LXZhbHVl"]),
        Case(what: "Alertmanager slack_api_url", old: "global: {slack_api_url: 'https://hooks.slack.com/services/T0/B0/old-token'}\n",
             new: "global: {slack_api_url: 'https://hooks.slack.com/services/T0/B0/new-token'}\n",
             path: "global.slack_api_url", secrets: ["old-token", "new-token"]),
        Case(what: "Alertmanager PagerDuty routing_key", old: "receivers: [{name: p, pagerduty_configs: [{routing_key: 0ld5ecretkey}]}]\n",
             new: "receivers: [{name: p, pagerduty_configs: [{routing_key: n3w5ecretkey}]}]\n",
             path: "receivers[name=p].pagerduty_configs[0].routing_key", secrets: ["0ld5ecretkey", "n3w5ecretkey"]),
        Case(what: "Alertmanager webhook url", old: "receivers: [{name: w, webhook_configs: [{url: 'https://hook.example/abc123'}]}]\n",
             new: "receivers: [{name: w, webhook_configs: [{url: 'https://hook.example/xyz789'}]}]\n",
             path: "receivers[name=w].webhook_configs[0].url", secrets: ["abc123", "xyz789"]),
        Case(what: "Alertmanager SMTP password", old: "global: {smtp_auth_password: oldpass}\n", new: "global: {smtp_auth_password: newpass}\n",
             path: "global.smtp_auth_password", secrets: ["oldpass", "newpass"]),
        Case(what: "environment variable holding a credential", old: "env: [{name: DB_PASSWORD, value: oldpass}]\n", new: "env: [{name: DB_PASSWORD, value: newpass}]\n",
             path: "env[name=DB_PASSWORD].value", secrets: ["oldpass", "newpass"]),
        Case(what: "Alertmanager config embedded in a ConfigMap",
             old: "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: am}\ndata:\n  alertmanager.yml: |\n    receivers:\n      - name: p\n        pagerduty_configs: [{service_key: oldkey1}]\n",
             new: "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: am}\ndata:\n  alertmanager.yml: |\n    receivers:\n      - name: p\n        pagerduty_configs: [{service_key: newkey2}]\n",
             path: "data[\"alertmanager.yml\"]/receivers[name=p].pagerduty_configs[0].service_key", secrets: ["oldkey1", "newkey2"]),
    ]

    @Test(arguments: cases)
    func aChangedSecretIsReportedButNeverPrinted(_ c: Case) throws {
        let r = Diffing.files(c.old, c.new)
        let change = try #require(r.allChanges.first)
        #expect(r.allChanges.count == 1)
        #expect(change.path.description == c.path)
        #expect(change.isRedacted)
        #expect(change.notes.contains(SecretPolicy.differsNote))
        for format in DiffFormat.allCases {
            let out = DiffTool.render(r, format: format)
            for s in c.secrets { #expect(!out.contains(s), "\(format) shows \(s)") }
            #expect(out.contains(SecretPolicy.placeholder) || format == .brief, "\(format)")
        }
    }

    @Test(arguments: cases)
    func anAddedSecretIsMaskedToo(_ c: Case) {
        // The whole document appears on one side only.
        let r = Diffing.trees([:], ["f.yaml": c.new])
        #expect(r.hasDifferences)
        for format in DiffFormat.allCases {
            let out = DiffTool.render(r, format: format)
            for s in c.secrets { #expect(!out.contains(s), "\(format) shows \(s)") }
        }
    }

    @Test func anUnchangedSecretIsNoDifference() {
        let s = "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata: {password: aHVudGVyMg==}\n"
        #expect(!Diffing.files(s, s).hasDifferences)
    }

    @Test func aPasswordInAURLIsMasked() {
        let r = Diffing.files("remote_write: [{url: 'https://u:hunter2@metrics.example/api'}]\n", "remote_write: [{url: 'https://u:hunter2@metrics.example/v2'}]\n")
        let out = DiffTool.render(r, format: .text)
        #expect(r.hasDifferences)
        #expect(!out.contains("hunter2"))
        #expect(out.contains("https://u:<redacted>@metrics.example/v2"))
    }

    @Test func aLogstashPasswordIsMaskedLineByLine() {
        let a = "output { elasticsearch { hosts => [\"es:9200\"] password => \"oldpass\" } }\n"
        let b = "output { elasticsearch { hosts => [\"es:9201\"] password => \"newpass\" } }\n"
        let r = Diffing.trees(["p.conf": a], ["p.conf": b])
        #expect(r.hasDifferences)
        for format in DiffFormat.allCases {
            let out = DiffTool.render(r, format: format)
            #expect(!out.contains("oldpass") && !out.contains("newpass"), "\(format)")
        }
    }

    @Test(arguments: [
        ("password => \"x\"", "password => \"<redacted>\""),
        ("  token: abc def", "  token: \"<redacted>\""),
        ("api_key = 123", "api_key = \"<redacted>\""),
        ("elasticsearch { user => \"u\" password => \"p\" api_key => k1 }", "elasticsearch { user => \"u\" password => \"<redacted>\" api_key => \"<redacted>\" }"),
        ("\"password\" => \"x\"", "\"password\" => \"<redacted>\""),
        ("hosts => [\"es:9200\"]", "hosts => [\"es:9200\"]"),
        ("password_file: /etc/p", "password_file: /etc/p"),
        ("password => {", "password => {"),
    ])
    func credentialValuesInALineAreMasked(_ line: String, _ expected: String) {
        #expect(SecretPolicy.redactLine(line).0 == expected)
        #expect(SecretPolicy.redactLine(line).1 == (line != expected))
    }
}
