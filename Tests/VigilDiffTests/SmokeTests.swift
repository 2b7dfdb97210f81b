import Testing
import VigilCore
@testable import VigilDiff

@Suite struct SmokeTests {
    func diff(_ a: String, _ b: String) -> DiffResult {
        SemanticDiff.diff(oldFile: SourceFile(path: "a.yaml", text: a), newFile: SourceFile(path: "b.yaml", text: b))
    }

    @Test func reorderedKeysAndListsByNameAreNoChange() {
        let r = diff("a: 1\nb: [{name: x, v: 1}, {name: y, v: 2}]\n", "b: [{name: x, v: 1}, {name: y, v: 2}]\na: 1\n")
        #expect(!r.hasDifferences)
    }

    @Test func scalarChangeHasPathAndValues() {
        let r = diff("spec: {replicas: 1}\n", "spec: {replicas: 3}\n")
        let c = r.files.first?.documents.first?.changes.first
        #expect(c?.path.description == "spec.replicas")
        #expect(c?.old?.scalarText == "1" && c?.new?.scalarText == "3")
        #expect(r.exitCode == 1)
    }

    @Test func quotedNumberDiffersFromNumber() {
        #expect(diff("p: \"8080\"\n", "p: 8080\n").hasDifferences)
        #expect(!diff("p: 'x'\n", "p: x\n").hasDifferences)
    }

    @Test func reformattedPromQLIsNoChange() {
        let r = diff("groups: [{name: g, rules: [{alert: A, expr: 'sum(rate(x[5m]))>1'}]}]\n",
                     "groups: [{name: g, rules: [{alert: A, expr: 'sum(rate(x[5m])) > 1'}]}]\n")
        #expect(!r.hasDifferences)
    }

    @Test func embeddedPrometheusConfigIsDiffedStructurally() {
        let a = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: p}\ndata:\n  prometheus.yml: |\n    scrape_configs:\n      - job_name: api\n        scrape_interval: 30s\n"
        let b = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: p}\ndata:\n  prometheus.yml: |\n    scrape_configs:\n      - job_name: api\n        scrape_interval: 15s\n"
        let paths = diff(a, b).files.flatMap { $0.documents.flatMap { $0.changes.map(\.path.description) } }
        #expect(paths == ["data[\"prometheus.yml\"]/scrape_configs[job_name=api].scrape_interval"])
    }

    @Test func secretValuesAreMasked() {
        let a = "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData: {token: hunter2}\n"
        let b = "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData: {token: swordfish}\n"
        let r = diff(a, b)
        for f in DiffFormat.allCases {
            let out = DiffTool.render(r, format: f)
            #expect(!out.contains("hunter2") && !out.contains("swordfish"))
        }
        #expect(r.files.first?.documents.first?.changes.first?.isRedacted == true)
    }

    @Test func moveIsReported() {
        let r = diff("l: [{name: a}, {name: b}, {name: c}]\n", "l: [{name: c}, {name: a}, {name: b}]\n")
        let kinds = r.files.flatMap { $0.documents.flatMap { $0.changes.map(\.kind) } }
        #expect(kinds == [.moved])
    }
}
