import Foundation
import Testing

/// An Alertmanager config kept in a ConfigMap or Secret is linted like a file, with positions in
/// the manifest: inside the value for `data`/`stringData` text, at the key for base64 `data`.
@Suite struct AlertmanagerEmbeddedTests {
    static let config = """
    route:
      receiver: nobody
      group_wait: 10m
    receivers:
      - name: team
        pagerduty_configs:
          - routing_key: S3CR3T-pd-key

    """

    static func indented(_ text: String, by n: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : String(repeating: " ", count: n) + $0 }.joined(separator: "\n")
    }

    static func lintJSON(_ manifest: String, extra: [String] = []) throws -> (CLI.Output, [[String: Any]]) {
        let dir = try CLI.temporaryDirectory()
        try manifest.write(to: dir.appendingPathComponent("manifest.yaml"), atomically: true, encoding: .utf8)
        let r = try CLI.run(["lint", "--format", "json", "manifest.yaml"] + extra, in: dir)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        return (r, json?["diagnostics"] as? [[String: Any]] ?? [])
    }

    static func find(_ diags: [[String: Any]], _ rule: String) -> [String: Any]? {
        diags.first { $0["rule"] as? String == rule }
    }

    @Test func configMapDataIsLintedWithLinesOfTheManifest() throws {
        let manifest = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: alertmanager\ndata:\n  alertmanager.yml: |\n"
            + Self.indented(Self.config, by: 4)
        let (r, diags) = try Self.lintJSON(manifest)
        #expect(r.status == 1)
        let undefined = try #require(Self.find(diags, "alertmanager/undefined-receiver"))
        #expect(undefined["file"] as? String == "manifest.yaml")
        #expect(undefined["line"] as? Int == 8)
        #expect(undefined["column"] as? Int == 17)
        let timing = try #require(Self.find(diags, "alertmanager/timing"))
        #expect(timing["line"] as? Int == 9)
        #expect(timing["column"] as? Int == 19)
        // In a ConfigMap an inline key is a finding.
        let secret = try #require(Self.find(diags, "alertmanager/plaintext-secret"))
        #expect(secret["line"] as? Int == 13)
        #expect(!r.stdout.contains("S3CR3T"))
    }

    @Test func secretStringDataIsLintedInsideTheBlock() throws {
        let manifest = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: alertmanager-main\ntype: Opaque\nstringData:\n  alertmanager.yml: |\n"
            + Self.indented(Self.config, by: 4)
        let (r, diags) = try Self.lintJSON(manifest)
        #expect(r.status == 1)
        let undefined = try #require(Self.find(diags, "alertmanager/undefined-receiver"))
        #expect(undefined["line"] as? Int == 9)
        #expect(undefined["column"] as? Int == 17)
        #expect(Self.find(diags, "alertmanager/timing")?["line"] as? Int == 10)
        #expect(Self.find(diags, "alertmanager/unused-receiver")?["line"] as? Int == 12)
        // A Secret is where credentials belong.
        #expect(Self.find(diags, "alertmanager/plaintext-secret") == nil)

        let dir = try CLI.temporaryDirectory()
        try manifest.write(to: dir.appendingPathComponent("secret.yaml"), atomically: true, encoding: .utf8)
        let text = try CLI.run(["lint", "secret.yaml"], in: dir)
        #expect(text.stdout.contains("secret.yaml:9:17: error[alertmanager/undefined-receiver]: undefined receiver \"nobody\" used in route\n 9 |       receiver: nobody\n"))
        #expect(!(text.stdout + text.stderr).contains("S3CR3T"))
    }

    @Test func secretBase64DataIsLintedAtTheKey() throws {
        let encoded = Data(Self.config.utf8).base64EncodedString()
        let manifest = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: alertmanager-main\ndata:\n  alertmanager.yml: \(encoded)\n  other: c2VjcmV0\n"
        let (r, diags) = try Self.lintJSON(manifest)
        #expect(r.status == 1)
        let undefined = try #require(Self.find(diags, "alertmanager/undefined-receiver"))
        #expect(undefined["line"] as? Int == 6)
        #expect(undefined["column"] as? Int == 3)
        #expect(Self.find(diags, "alertmanager/timing")?["line"] as? Int == 6)
        #expect(Self.find(diags, "alertmanager/plaintext-secret") == nil)

        let dir = try CLI.temporaryDirectory()
        try manifest.write(to: dir.appendingPathComponent("secret.yaml"), atomically: true, encoding: .utf8)
        let text = try CLI.run(["lint", "secret.yaml"], in: dir)
        // The line inside the decoded config is a note; the encoded value is never shown.
        #expect(text.stdout.contains("secret.yaml:6:3: error[alertmanager/undefined-receiver]: undefined receiver \"nobody\" used in route\n 6 |   alertmanager.yml: <redacted>\n"))
        #expect(text.stdout.contains("note: at line 2, column 13 of the base64-decoded data.alertmanager.yml"))
        #expect(!text.stdout.contains(encoded) && !text.stdout.contains("c2VjcmV0"))
    }

    @Test func invalidBase64IsAnErrorAtTheKey() throws {
        let manifest = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: alertmanager-main\ndata:\n  alertmanager.yml: 'route: {receiver: x}'\n"
        let (r, diags) = try Self.lintJSON(manifest)
        #expect(r.status == 1)
        let d = try #require(Self.find(diags, "schema/invalid-value"))
        #expect(d["line"] as? Int == 6)
        #expect(d["message"] as? String == "data.alertmanager.yml: illegal base64 data; Kubernetes rejects the Secret")
        #expect(!r.stdout.contains("receiver: x"))
    }

    @Test func cleanConfigInASecretPasses() throws {
        let clean = "route:\n  receiver: team\nreceivers:\n  - name: team\n    webhook_configs:\n      - url: http://hooks.corp.internal/alert\n"
        let manifest = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: alertmanager-main\ndata:\n  alertmanager.yaml: \(Data(clean.utf8).base64EncodedString())\n"
        let (r, diags) = try Self.lintJSON(manifest)
        let rules = diags.compactMap { $0["rule"] as? String }
        #expect(rules.isEmpty, "\(rules)")
        #expect(r.status == 0)
    }

    @Test func binarySecretValuesAreLeftAlone() throws {
        let binary = Data([0x00, 0x01, 0xFF, 0xFE, 0x7B]).base64EncodedString()
        let manifest = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: keystore\ndata:\n  keystore.json: \(binary)\n"
        let (r, diags) = try Self.lintJSON(manifest)
        #expect(r.status == 0)
        #expect(diags.isEmpty)
    }
}
