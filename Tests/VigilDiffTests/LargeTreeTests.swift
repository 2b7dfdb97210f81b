import Testing
import VigilCore
@testable import VigilDiff

/// Large inputs: exactly the changed objects and items are reported (the matching is by hash,
/// so this also runs in linear time; no timing is asserted).
@Suite struct LargeTreeTests {
    static func deployment(_ i: Int, replicas: Int = 2, image: String = "v1", logLevel: String = "info") -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: app-\(i)
          namespace: ns-\(i % 7)
          labels: {app: app-\(i), tier: backend}
        spec:
          replicas: \(replicas)
          template:
            spec:
              containers:
                - name: app
                  image: registry.example/app-\(i):\(image)
                  env:
                    - {name: LOG_LEVEL, value: \(logLevel)}
                    - {name: INDEX, value: '\(i)'}
                  ports:
                    - {name: http, containerPort: 8080}
                    - {name: metrics, containerPort: 9090}

        """
    }

    /// 5 000 Deployments in 50 files of 100.
    static func tree(_ object: (Int) -> String?) -> [String: String] {
        var files: [String: String] = [:]
        for f in 0..<50 {
            files["apps/file-\(f).yaml"] = (0..<100).compactMap { object(f * 100 + $0) }.joined(separator: "---\n")
        }
        return files
    }

    @Test func fiveThousandObjectsWithOnePercentChanged() {
        let old = Self.tree { Self.deployment($0) }
        // 50 old objects differ (1 %): 20 replica counts, 15 images, 5 log levels, 10 removed,
        // and 5 new ones take the place of 5 of the removed.
        let new = Self.tree { i in
            switch i % 100 {
            case 1 where i < 2_000: return Self.deployment(i, replicas: 3)
            case 3 where i < 1_500: return Self.deployment(i, image: "v2")
            case 5 where i < 500: return Self.deployment(i, logLevel: "debug")
            case 6 where i < 500: return nil
            case 7 where i < 500: return Self.deployment(10_000 + i)
            default: return Self.deployment(i)
            }
        }
        let r = Diffing.trees(old, new)
        var expected: [String: [String]] = [:]
        for i in 0..<5_000 {
            let id = "apps/v1 Deployment ns-\(i % 7)/app-\(i)"
            switch i % 100 {
            case 1 where i < 2_000: expected[id] = ["changed spec.replicas"]
            case 3 where i < 1_500: expected[id] = ["changed spec.template.spec.containers[name=app].image"]
            case 5 where i < 500: expected[id] = ["changed spec.template.spec.containers[name=app].env[name=LOG_LEVEL].value"]
            case 6 where i < 500, 7 where i < 500: expected[id] = ["removed ."]
            default: break
            }
            if i % 100 == 7 && i < 500 { expected["apps/v1 Deployment ns-\((10_000 + i) % 7)/app-\(10_000 + i)"] = ["added ."] }
        }
        var reported: [String: [String]] = [:]
        for f in r.files {
            for d in f.documents { reported[d.identity.description, default: []] += d.changes.map { "\($0.kind.rawValue) \($0.path)" } }
        }
        #expect(expected.count == 55)
        #expect(reported == expected)
        #expect(r.counts.total == 55)
    }

    @Test func fiveThousandRulesInOneGroupWithOnePercentChanged() {
        func rules(_ rule: (Int) -> String?) -> String {
            "groups:\n  - name: big\n    rules:\n" + (0..<5_000).compactMap(rule).joined()
        }
        func rule(_ i: Int, threshold: Int = 1) -> String { "      - alert: Alert\(i)\n        expr: metric_\(i) > \(threshold)\n        for: 5m\n" }
        let old = rules { rule($0) }
        // 50 thresholds changed; rule 0 moved to the end (one move, nothing else).
        let new = rules { i in i == 0 ? nil : rule(i, threshold: i % 100 == 50 ? 2 : 1) } + rule(0)
        let r = Diffing.files(old, new)
        var expected = (0..<5_000).filter { $0 % 100 == 50 }.map { "changed groups[name=big].rules[alert=Alert\($0)].expr" }
        expected.insert("moved groups[name=big].rules[alert=Alert0]", at: expected.count)
        #expect(r.summaries.sorted() == expected.sorted())
    }

    @Test func fiveThousandItemsWithoutIdentity() {
        let old = "args:\n" + (0..<5_000).map { "  - --flag-\($0)\n" }.joined()
        let new = "args:\n" + (0..<5_000).map { $0 % 100 == 0 ? "  - --changed-\($0)\n" : "  - --flag-\($0)\n" }.joined()
        let r = Diffing.files(old, new)
        #expect(r.summaries == (0..<5_000).filter { $0 % 100 == 0 }.map { "changed args[\($0)]" })
    }

    // The two cases below took quadratic time before (key look-up fell back to a scan of the
    // whole mapping; rename candidates were searched from the start every time).

    @Test func aMappingWhoseTenThousandKeysAllChanged() {
        let old = "labels:\n" + (0..<10_000).map { "  old-\($0): x\n" }.joined()
        let new = "labels:\n" + (0..<10_000).map { "  new-\($0): x\n" }.joined()
        let r = Diffing.files(old, new)
        #expect(r.counts.removed == 10_000 && r.counts.added == 10_000 && r.counts.total == 20_000)
        #expect(r.allChanges.first.map { "\($0.kind.rawValue) \($0.path)" } == "removed labels.old-0")
    }

    @Test func fiveThousandRenamedFilesOfIdenticalContent() {
        let old = Dictionary(uniqueKeysWithValues: (0..<5_000).map { ("a/\($0).yaml", "enabled: true\n") })
        let new = Dictionary(uniqueKeysWithValues: (0..<5_000).map { ("b/\($0).yaml", "enabled: true\n") })
        let r = Diffing.trees(old, new)
        #expect(r.files.count == 5_000)
        #expect(r.files.allSatisfy { $0.status == .renamed && $0.documents.isEmpty })
        #expect(Set(r.files.compactMap(\.oldPath)).count == 5_000)
    }
}
