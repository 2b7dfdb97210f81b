import Testing
import VigilCore
@testable import VigilKubernetes

/// Label and annotation syntax as the API server validates it.
@Suite struct LabelSyntaxTests {
    @Test(arguments: ["app", "App_Name.v2", "app.kubernetes.io/name", "example.com/MyName", "a", "x" + String(repeating: "y", count: 62),
                      "prometheus.io/scrape", "k8s.io/0", "a-b.c-d.io/x_y", "0.io/Name", String(repeating: "a", count: 253) + "/app"])
    func validKeys(key: String) { #expect(LabelSyntax.keyProblem(key) == nil) }

    @Test(arguments: [
        ("-app", "name part must consist of"), ("app-", "name part must consist of"), ("my app", "name part must consist of"),
        ("a/b/c", "a qualified name must consist of"), ("/app", "prefix part must be non-empty"), ("example.com/", "name part must be non-empty"),
        ("Example.com/app", "prefix part a lowercase RFC 1123 subdomain"), ("x" + String(repeating: "y", count: 63), "no more than 63 characters"),
        ("a..b/app", "prefix part"), ("a-.com/app", "prefix part"), ("-a.com/app", "prefix part"), (".a.com/app", "prefix part"),
        ("a.com./app", "prefix part"), ("ex_ample.com/app", "prefix part"), ("example.com/-x", "name part must consist of"),
        (String(repeating: "a", count: 254) + "/app", "prefix part"),
    ])
    func invalidKeys(key: String, expected: String) {
        let p = LabelSyntax.keyProblem(key)
        #expect(p?.contains(expected) == true, "\(key): \(p ?? "valid")")
    }

    @Test(arguments: ["", "v1", "1.2.3", "release_2024-01", "A"])
    func validValues(value: String) { #expect(LabelSyntax.valueProblem(value) == nil) }

    @Test(arguments: ["1.2.3 beta", "v1:latest", "-x", "x.", "é", String(repeating: "a", count: 64)])
    func invalidValues(value: String) { #expect(LabelSyntax.valueProblem(value) != nil) }

    @Test func findingsPointAtTheKeyOrTheValue() async {
        let text = """
        apiVersion: v1
        kind: Service
        metadata:
          name: api
          labels:
            team: "platform team"
          annotations:
            "a/b/c": x
        spec:
          selector: {app: api}
          ports: [{port: 80, targetPort: 8080}]
        """
        let r = await Linter(registry: KubernetesLint.registry).lint(text: text, path: "svc.yaml")
        let d = r.diagnostics.filter { $0.rule == "k8s/invalid-label" }
        #expect(d.count == 2)
        #expect(d.contains { $0.message.contains("label \"team\" has an invalid value \"platform team\"") && $0.range?.start.line == 6 && $0.range?.start.column == 11 })
        #expect(d.contains { $0.message.contains("annotation key \"a/b/c\"") && $0.range?.start.line == 8 && $0.range?.start.column == 5 })
    }
}
