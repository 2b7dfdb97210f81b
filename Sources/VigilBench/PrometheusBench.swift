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
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
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
        reportPeer("lint vs promtool check rules", vigil: lintTime,
                   peer: peerTime("promtool", ["check", "rules", path], repeats: options.repeats), peerName: "promtool")

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

    /// The peak resident set of one run of `executable` (KiB, from `wait4`), or nil when it
    /// cannot be started. Output is discarded.
    static func peakResidentKiB(_ executable: String, _ arguments: [String]) -> Int? {
        guard FileManager.default.isExecutableFile(atPath: executable) else { return nil }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([executable] + arguments).map { strdup($0) }
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = (argv + [nil]).withUnsafeBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return posix_spawn(&pid, executable, &actions, nil, base, environ)
        }
        guard spawned == 0 else { return nil }
        var status: Int32 = 0
        var usage = rusage()
        guard wait4(pid, &status, 0, &usage) == pid else { return nil }
        return usage.ru_maxrss
    }
}
