import Foundation
import VigilCore
import VigilStack

/// Loading and whole-lint throughput on 5 MB inputs, against the libyaml event floor.
enum CoreBench: BenchSuite {
    static let name = "core"

    /// The hidden flag that loads one file once and exits, for instruction counts against the
    /// floor program: `valgrind --tool=callgrind vigil-bench --load-once FILE`.
    static let loadOnceFlag = "--load-once"

    /// Loads `path` as `vigil lint` does (the whole file, every document); 1 when unreadable.
    static func loadOnce(_ path: String) -> Int32 {
        guard case .success(let file) = SourceFile.read(path) else { return 1 }
        return YAMLLoader.load(file).documents.isEmpty ? 1 : 0
    }

    static func run(_ options: Options) async {
        // MARK: Loading: a 5 MB multi-document YAML stream of Kubernetes-like objects.

        let yaml = SyntheticInputs.kubernetesStream(targetBytes: 5 << 20)
        let yamlPath = options.workDir + "/objects.yaml"
        writeInput(yaml, to: yamlPath)
        let yamlFile = SourceFile(path: yamlPath, text: yaml)
        // Timed: the load until its documents are ready. Each run's tree is kept, so every run
        // starts on fresh memory as a `vigil lint` process does, and `vigil lint` holds what it
        // loaded until exit; the teardown a library caller pays is timed on its own line.
        var loaded: [LoadResult] = []
        let loadTime = best(options.repeats) { loaded.append(YAMLLoader.load(yamlFile)) }
        print("documents: \(loaded.first?.documents.count ?? 0)")
        report("load 5 MB YAML (nodes+positions)", bytes: yaml.utf8.count, vigil: loadTime, floor: floorTime(yamlPath, options))
        let teardown = best(loaded.count) { _ = loaded.popLast() }
        report("  free the loaded tree", bytes: yaml.utf8.count, vigil: teardown, floor: nil)

        // MARK: Loading JSON: the same objects as one JSON array.

        let json = SyntheticInputs.jsonArray(targetBytes: 5 << 20)
        let jsonPath = options.workDir + "/objects.json"
        writeInput(json, to: jsonPath)
        let jsonFile = SourceFile(path: jsonPath, text: json)
        let jsonTime = best(options.repeats) { loaded.append(YAMLLoader.load(jsonFile)) }
        loaded.removeAll()
        report("load 5 MB JSON", bytes: json.utf8.count, vigil: jsonTime, floor: floorTime(jsonPath, options))

        // MARK: Whole lint of the YAML stream (load, detect, decode, check).

        let linter = Linter(registry: VigilRegistry.all)
        var lintTime = Double.infinity
        for _ in 0..<max(1, options.repeats) {
            let start = ContinuousClock.now
            _ = await linter.lint(files: [yamlFile])
            let d = ContinuousClock.now - start
            lintTime = min(lintTime, Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)
        }
        report("lint 5 MB YAML (all kinds)", bytes: yaml.utf8.count, vigil: lintTime, floor: floorTime(yamlPath, options))

    }
}
