import Foundation
import VigilCore
import VigilDiff

/// `vigil diff` on two synthetic trees of Kubernetes objects (100 per file) that differ in 1 %
/// of the objects: time and peak memory at 5 000 objects, and time at 2 500 and 10 000 to show
/// that the cost grows linearly (time per 1 000 objects stays flat).
enum DiffBench: BenchSuite {
    static let name = "diff"

    static func run(_ options: Options) async {
        var perThousand: [Double] = []
        for count in [2_500, 5_000, 10_000] {
            let old = tree(objects: count, changed: false)
            let new = tree(objects: count, changed: true)
            let bytes = old.values.reduce(0) { $0 + $1.bytes.count } + new.values.reduce(0) { $0 + $1.bytes.count }
            var reported = 0
            let time = best(options.repeats) {
                let result = SemanticDiff.diff(old: old, new: new)
                reported = result.files.reduce(0) { $0 + $1.documents.count }
                _ = TextFormatter().render(result)
            }
            // Reading both sides into documents, which the diff includes.
            let loadTime = best(options.repeats) {
                for f in old.values { _ = YAMLLoader.load(f) }
                for f in new.values { _ = YAMLLoader.load(f) }
            }
            perThousand.append(time / Double(count) * 1_000)
            let line = String(format: "diff %6d objects, 1%% changed (%.1f MB)", count, Double(bytes) / 1_048_576)
            let padded = line.count >= 44 ? line : line + String(repeating: " ", count: 44 - line.count)
            print(padded + String(format: " %8.1f ms (loading %.0f%%)  %6.2f ms per 1000 objects  %d objects reported  peak RSS %.0f MB",
                                  time * 1000, loadTime / time * 100, time / Double(count) * 1_000_000, reported, peakResidentMegabytes()))
        }
        if let first = perThousand.first, let last = perThousand.last, first > 0 {
            print(String(format: "growth 2 500 → 10 000 objects: time per object ×%.2f (1.00 is linear)", last / first))
        }
    }

    /// `objects` Deployments in files of 100; with `changed`, every 100th has another replica
    /// count (1 % of the objects).
    static func tree(objects: Int, changed: Bool) -> [String: SourceFile] {
        var files: [String: SourceFile] = [:]
        let perFile = 100
        for f in 0..<(objects + perFile - 1) / perFile {
            var text = ""
            for i in (f * perFile)..<min(objects, (f + 1) * perFile) {
                if !text.isEmpty { text += "---\n" }
                text += SyntheticInputs.deployment(i, replicas: changed && i % 100 == 42 ? 5 : 2)
            }
            let path = "kubernetes/apps-\(f).yaml"
            files[path] = SourceFile(path: (changed ? "new/" : "old/") + path, text: text)
        }
        return files
    }

    /// The process's peak resident set so far (`getrusage`; Linux reports KiB); the sizes run in
    /// ascending order, so each line shows the peak of its own size.
    static func peakResidentMegabytes() -> Double {
        var usage = rusage()
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
        return Double(usage.ru_maxrss) / 1024
    }
}
