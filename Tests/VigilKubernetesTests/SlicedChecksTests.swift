import Testing
import VigilCore
@testable import VigilKubernetes

/// Probe, container, workload and object checks run by slices of the inventory on all cores;
/// what they find must be exactly what each check finds over everything at once.
@Suite struct SlicedChecksTests {
    /// `count` Deployments: every third probe times out after its period, every fourth container
    /// has no memory limit, every fifth Deployment's selector misses its template's labels and
    /// every seventh has an upper-case label key prefix.
    static func manifests(_ count: Int) -> String {
        var text = ""
        for i in 0..<count {
            let timeout = i % 3 == 0 ? 20 : 1
            let limits = i % 4 == 0 ? "{cpu: 500m}" : "{cpu: 500m, memory: 256Mi}"
            let selector = i % 5 == 0 ? "other-\(i)" : "app-\(i)"
            let label = i % 7 == 0 ? "Example.COM/tier" : "example.com/tier"
            text += """
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: app-\(i), labels: {"\(label)": web}}
            spec:
              selector: {matchLabels: {app: \(selector)}}
              template:
                metadata: {labels: {app: app-\(i)}}
                spec:
                  containers:
                    - name: app
                      image: example/app:1.0
                      ports: [{name: http, containerPort: 8080}]
                      resources: {requests: {cpu: 100m, memory: 128Mi}, limits: \(limits)}
                      livenessProbe: {httpGet: {path: /live, port: http}, periodSeconds: 10, timeoutSeconds: \(timeout), failureThreshold: 6}
                      readinessProbe: {httpGet: {path: /ready, port: http}, periodSeconds: 10, timeoutSeconds: 1}

            """
        }
        return text
    }

    @Test func slicedChecksFindWhatWholeChecksFind() async {
        let count = CheckSlicing.itemsPerSlice + 90  // more probes than two slices, workloads in two
        let file = SourceFile(path: "manifests.yaml", text: Self.manifests(count))
        let sliced = await kubernetesLinter.lint(files: [file])
        let whole = kubernetesLinter.lintSynchronously(files: [file])
        func lines(_ r: LintResult) -> [String] {
            r.diagnostics.map { "\($0.range?.start.line ?? 0):\($0.range?.start.column ?? 0) \($0.rule) \($0.message)" }
        }
        #expect(lines(sliced) == lines(whole))
        let byRule = Dictionary(grouping: sliced.diagnostics, by: \.rule).mapValues(\.count)
        #expect(byRule["probe/timeout-exceeds-period"] == (0..<count).filter { $0 % 3 == 0 }.count)
        #expect(byRule["resources/missing-memory-limit"] == (0..<count).filter { $0 % 4 == 0 }.count)
        #expect(byRule["k8s/selector-mismatch"] == (0..<count).filter { $0 % 5 == 0 }.count)
        #expect(byRule["k8s/invalid-label"] == (0..<count).filter { $0 % 7 == 0 }.count)
    }

    @Test func familiesAreSeparate() {
        #expect(ProbeTimeoutExceedsPeriod.slicing?.family == ProbeNegativeTiming.slicing?.family)
        #expect(ProbeTimeoutExceedsPeriod.slicing?.family != MissingMemoryLimit.slicing?.family)
        #expect(SelectorMismatch.slicing?.family != InvalidLabel.slicing?.family)
        // Names are compared across objects.
        #expect(DuplicateName.slicing == nil)
    }
}
