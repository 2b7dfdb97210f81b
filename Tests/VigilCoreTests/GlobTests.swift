import Testing
import VigilCore

@Suite struct GlobTests {
    @Test(arguments: [
        ("rules/**/*.yml", "rules/nested/deeper/a.yml", true),
        ("rules/**/*.yml", "rules/a.yml", true),
        ("rules/**/*.yml", "rules/nested/a.yaml", false),
        ("rules/*.yml", "rules/nested/a.yml", false),
        ("rules/*.yml", "rules/a.yml", true),
        ("vendor/**", "vendor/x/y.yaml", true),
        ("vendor/**", "src/vendor.yaml", false),
        ("*.yaml", "deep/dir/x.yaml", true),
        ("a?c/*-prod.y*ml", "abc/svc-prod.yaml", true),
        ("a?c/*-prod.y*ml", "a/c/svc-prod.yaml", false),
        ("**/secrets/*", "k8s/base/secrets/am.yaml", true),
    ])
    func matches(pattern: String, path: String, expected: Bool) {
        #expect(Glob.matches(pattern, path) == expected, "\(pattern) ~ \(path)")
    }
}
