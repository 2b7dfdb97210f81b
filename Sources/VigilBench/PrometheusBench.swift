import Foundation
import VigilCore
import VigilPrometheus
import VigilStack

/// `vigil lint` of 10 000 generated alerting rules (about 5 MB, groups of 20) against
/// `promtool check rules` on the same file and the libyaml event floor, in the same run; and the
/// peak memory of both as processes (issue 4's targets: 10× faster than promtool, within 3× of
/// the floor, less memory than promtool).
enum PrometheusBench: BenchSuite {
    static let name = "prometheus"

    static let ruleCount = 10_000

    static func run(_ options: Options) async {
        let text = RuleFileGenerator.alertingRules(count: ruleCount, groupSize: 20)
        let path = options.workDir + "/rules-\(ruleCount).yaml"
        writeInput(text, to: path)
        let bytes = text.utf8.count

        // The same code path as `vigil lint PATH`: reading the file, every kind and check.
        let linter = Linter(registry: VigilRegistry.all)
        var findings: [Diagnostic] = []
        var lintTime = Double.infinity
        for _ in 0..<max(1, options.repeats) {
            let start = ContinuousClock.now
            findings = await linter.lint(paths: [path]).diagnostics
            lintTime = min(lintTime, seconds(ContinuousClock.now - start))
        }
        let errors = findings.filter { $0.severity == .error }
        print("\(ruleCount) rules: \(findings.count) findings, \(errors.count) errors" + (errors.first.map { " (first: \($0.message))" } ?? ""))
        report("lint \(ruleCount) alerting rules", bytes: bytes, vigil: lintTime, floor: floorTime(path, options))
        let promtool = peerTime("promtool", ["check", "rules", path], repeats: options.repeats)
        reportPeer("lint vs promtool check rules", vigil: lintTime, peer: promtool, peerName: "promtool")
        // Process against process, as CI runs either: start-up, lint, report and exit included.
        if let process = vigilProcessTime(["lint", "--format", "json", path], repeats: options.repeats) {
            reportPeer("`vigil lint` vs `promtool check rules`", vigil: process, peer: promtool, peerName: "promtool")
            report("`vigil lint` process", bytes: bytes, vigil: process, floor: floorTime(path, options))
        }

        // Peak memory: each tool as its own process on the same file.
        let vigilRSS = peakResidentKiB(CommandLine.arguments[0], [lintOnceFlag, path])
        let promtoolRSS = peakResidentKiB("/usr/bin/promtool", ["check", "rules", path])
        var line = "peak RSS".padding(toLength: 36, withPad: " ", startingAt: 0)
        line += vigilRSS.map { String(format: "  vigil %6.1f MB", Double($0) / 1024) } ?? "  vigil (not measured)"
        if let promtoolRSS {
            line += String(format: "  promtool %6.1f MB", Double(promtoolRSS) / 1024)
            if let vigilRSS { line += String(format: "  vigil uses %.2fx promtool's memory", Double(vigilRSS) / Double(promtoolRSS)) }
        } else {
            line += "  (promtool not installed)"
        }
        print(line)
    }

    /// The hidden flag with which the bench runs one lint in a child process, for its peak RSS.
    static let lintOnceFlag = "--lint-once"

    /// Lints `path` once as `vigil lint` does; exit status 1 when there are errors.
    static func lintOnce(_ path: String) async -> Int32 {
        let result = await Linter(registry: VigilRegistry.all).lint(paths: [path])
        return result.count(.error) > 0 ? 1 : 0
    }

    static func seconds(_ d: Swift.Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    /// The peak resident set of one run of `executable` (KiB), measured by `/usr/bin/time -f %M`,
    /// or nil when either cannot be run. Output is discarded.
    ///
    /// Not `wait4` on a child of this process: Linux counts the memory a child had before
    /// `exec` in its peak, and `posix_spawn` children share this (large) process's memory until
    /// then; `time` is a small process, so its child's peak is the tool's own.
    static func peakResidentKiB(_ executable: String, _ arguments: [String]) -> Int? {
        let time = "/usr/bin/time"
        guard FileManager.default.isExecutableFile(atPath: executable), FileManager.default.isExecutableFile(atPath: time) else { return nil }
        let output = NSTemporaryDirectory() + "vigil-bench-rss-\(ProcessInfo.processInfo.processIdentifier).txt"
        defer { try? FileManager.default.removeItem(atPath: output) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: time)
        p.arguments = ["-f", "%M", "-o", output, executable] + arguments
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return nil }
        p.waitUntilExit()
        guard let text = try? String(contentsOfFile: output, encoding: .utf8) else { return nil }
        // The last line is the number (earlier ones report a non-zero exit status).
        return text.split(separator: "\n").last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    }
}
