import Foundation
import Testing

/// Whatever the kind of file, printed source lines hide the values of `password`-like keys,
/// of environment variables named like credentials, and URLs with a password.
@Suite struct CredentialRedactionTests {
    @Test func excerptsOfAnyKindHideCredentials() throws {
        let dir = try CLI.temporaryDirectory()
        let pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: es\nspec:\n  containers:\n    - name: es\n      image: elasticsearch:8.11.0\n      env:\n        - name: ELASTIC_PASSWORD\n          value: S3CR3T-es\n"
        let prometheus = "global:\n  scrape_interval: 15s\nscrape_configs:\n  - job_name: x\n    basic_auth: {username: u, password: S3CR3T-prom}\n    authorization: {credentials: S3CR3T-cred}\n    static_configs: [{targets: ['a:1']}]\n"
        try pod.write(to: dir.appendingPathComponent("es.yaml"), atomically: true, encoding: .utf8)
        try prometheus.write(to: dir.appendingPathComponent("prometheus.yml"), atomically: true, encoding: .utf8)
        let pipeline = "output {\n  elasticsearch {\n    hosts => [\"https://es:9200\"]\n    user => \"logstash\"\n    password => \"S3CR3T-ls\"\n  }\n}\n"
        try pipeline.write(to: dir.appendingPathComponent("pipeline.conf"), atomically: true, encoding: .utf8)
        let r = try CLI.run(["lint", "es.yaml", "prometheus.yml", "pipeline.conf"], in: dir)
        #expect(r.status == 1)
        #expect(r.stdout.contains("es.yaml:11:18: error[elastic/inline-credentials]"))
        #expect(r.stdout.contains(" 11 |           value: <redacted>\n"))
        #expect(r.stdout.contains(" 6 |     authorization: {credentials: <redacted>}\n"))
        #expect(r.stdout.contains("pipeline.conf:5:17: error[elastic/inline-credentials]"))
        #expect(r.stdout.contains(" 5 |     password => <redacted>\n"))
        #expect(!r.stdout.contains("S3CR3T"), "\(r.stdout)")
    }
}
