import Foundation
import VigilCore
import VigilStack

/// Linting 500 real-sized dashboards: Debian's ceph dashboards from `.corpus/grafana`
/// (`make corpus`) repeated, or the guide's dashboard when the corpus is missing; every
/// Grafana check runs (PromQL parsing after variable substitution included). Reports time,
/// throughput and peak memory.
enum GrafanaBench: BenchSuite {
    static let name = "grafana"
    static let count = 500

    /// The dashboard files to repeat, sorted for a stable mix.
    static func sources() -> [(path: String, bytes: [UInt8])] {
        let root = ".corpus/grafana"
        var paths: [String] = []
        if let e = FileManager.default.enumerator(atPath: root) {
            while let p = e.nextObject() as? String {
                if p.hasSuffix(".json") { paths.append(root + "/" + p) }
            }
        }
        if paths.isEmpty { paths = ["examples/guide-as-written/aurelis-dashboard.json"] }
        return paths.sorted().compactMap { p in FileManager.default.contents(atPath: p).map { (p, [UInt8]($0)) } }
    }

    static func run(_ options: Options) async {
        let originals = sources()
        guard !originals.isEmpty else {
            print("grafana: no dashboards found (run from the repository root; `make corpus` fetches the ceph ones)")
            return
        }
        let files = (0..<count).map { i -> SourceFile in
            let o = originals[i % originals.count]
            return SourceFile(path: "dashboards/\(i)-" + (o.path.split(separator: "/").last.map(String.init) ?? "d.json"), bytes: o.bytes)
        }
        let bytes = files.reduce(0) { $0 + $1.bytes.count }
        let linter = Linter(registry: VigilRegistry.all)
        let before = DiffBench.peakResidentMegabytes()
        var findings = 0
        var detected = 0
        var bestTime = Double.infinity
        let clock = ContinuousClock()
        for _ in 0..<max(1, options.repeats) {
            var result: LintResult?
            let d = await clock.measure {
                result = await linter.lint(files: files)
            }
            let s = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
            bestTime = min(bestTime, s)
            findings = result?.diagnostics.count ?? 0
            detected = result?.fileCount ?? 0
        }
        // Loading and decoding alone (one thread), to show what the checks add.
        let registry = VigilRegistry.all
        let decodeTime = best(options.repeats) {
            for f in files { _ = registry.decode(file: f) }
        }
        let mb = Double(bytes) / 1_048_576
        let source = originals.count == 1 ? "the guide's dashboard" : "\(originals.count) ceph dashboards"
        print(String(format: "lint %d dashboards (%@ repeated, %.1f MB)  %8.1f ms  %.2f ms per dashboard  (%.1f MB/s)",
                     count, source, mb, bestTime * 1000, bestTime / Double(count) * 1000, mb / bestTime))
        print(String(format: "  %d files, %d findings; peak RSS %.0f MB (%.0f MB before this suite)", detected, findings, DiffBench.peakResidentMegabytes(), before))
        print(String(format: "  load + decode alone, one thread: %8.1f ms (%.2f ms per dashboard)", decodeTime * 1000, decodeTime / Double(count) * 1000))
    }
}
