import Foundation
import VigilCore
import VigilKubernetes
import VigilStack

/// `vigil lint` of 5 000 generated mixed-kind Kubernetes manifests (about 20 MB) as a directory,
/// as users run it on a manifests tree, and as one multi-document stream; each against the
/// libyaml event floor over the same bytes (issue 7's target: within 3×), with peak memory.
enum KubernetesBench: BenchSuite {
    static let name = "kubernetes"

    static let manifestCount = 5_000

    static func run(_ options: Options) async {
        let manifests = ManifestGenerator.mixed(count: manifestCount)
        let directory = options.workDir + "/k8s-manifests"
        try? FileManager.default.removeItem(atPath: directory)
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for (name, text) in manifests {
            writeInput(text, to: directory + "/" + name)
        }
        // The floor program reads one file: the same documents as one stream.
        let stream = manifests.map(\.text).joined(separator: "---\n")
        let streamPath = options.workDir + "/k8s-manifests.yaml"
        writeInput(stream, to: streamPath)
        let bytes = stream.utf8.count
        let floor = floorTime(streamPath, options)

        let linter = Linter(registry: VigilRegistry.all)
        for (label, path) in [("lint \(manifestCount) manifests (directory)", directory),
                              ("lint the same as one stream", streamPath)] {
            var findings: [Diagnostic] = []
            var lintTime = Double.infinity
            for _ in 0..<max(1, options.repeats) {
                let start = ContinuousClock.now
                findings = await linter.lint(paths: [path]).diagnostics
                lintTime = min(lintTime, PrometheusBench.seconds(ContinuousClock.now - start))
            }
            let errors = findings.filter { $0.severity == .error }
            print("\(label): \(findings.count) findings, \(errors.count) errors" + (errors.first.map { " (first: \($0.rule) \($0.message))" } ?? ""))
            report(label, bytes: bytes, vigil: lintTime, floor: floor)
        }

        if let process = vigilProcessTime(["lint", "--format", "json", directory], repeats: options.repeats) {
            report("`vigil lint` process (directory)", bytes: bytes, vigil: process, floor: floor)
        }

        let rss = PrometheusBench.peakResidentKiB(CommandLine.arguments[0], [PrometheusBench.lintOnceFlag, directory])
        print("peak RSS".padding(toLength: 36, withPad: " ", startingAt: 0)
              + (rss.map { String(format: "  vigil %6.1f MB for %.1f MB of manifests", Double($0) / 1024, Double(bytes) / 1_048_576) } ?? "  vigil (not measured)"))
    }
}
