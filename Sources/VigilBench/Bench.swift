import Foundation
import VigilCore
import VigilStack

/// `vigil-bench`: release-build measurements for `make bench`, compared in the same run with
/// the libyaml event floor (and, where installed, the peer tools on the same input).
/// Prints ratios; absolute times depend on the machine.

struct Options {
    var floorTool: String?
    var workDir = NSTemporaryDirectory() + "vigil-bench"
    var repeats = 5
}

func best(_ n: Int, _ body: () -> Void) -> Double {
    var bestTime = Double.infinity
    let clock = ContinuousClock()
    for _ in 0..<max(1, n) {
        let d = clock.measure(body)
        let s = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        bestTime = min(bestTime, s)
    }
    return bestTime
}

func floorTime(_ path: String, _ options: Options) -> Double? {
    guard let tool = options.floorTool else { return nil }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: tool)
    p.arguments = [path, String(options.repeats)]
    let pipe = Pipe()
    p.standardOutput = pipe
    do { try p.run() } catch { return nil }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return String(decoding: data, as: UTF8.self).split(separator: " ").first.flatMap { Double($0) }
}

func report(_ name: String, bytes: Int, vigil: Double, floor: Double?) {
    let mb = Double(bytes) / 1_048_576
    let padded = name.count >= 36 ? name : name + String(repeating: " ", count: 36 - name.count)
    var line = padded + String(format: " %6.2f MB  vigil %8.1f ms  (%6.1f MB/s)", mb, vigil * 1000, mb / vigil)
    if let floor {
        line += String(format: "  libyaml floor %8.1f ms  ratio %.2fx", floor * 1000, vigil / floor)
    }
    print(line)
}

/// One group of measurements. Each area adds its own file with a suite and one line in
/// `Bench.suites`; `vigil-bench --only NAME` runs one suite.
/// Writes a generated input for the peers and the floor to read; a bench that cannot write
/// its inputs stops with a message instead of timing tools on missing files.
func writeInput(_ text: String, to path: String) {
    guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
        FileHandle.standardError.write(Data("vigil-bench: cannot write \(path)\n".utf8))
        exit(2)
    }
}

protocol BenchSuite: Sendable {
    static var name: String { get }
    static func run(_ options: Options) async
}

@main
struct Bench {
    static let suites: [any BenchSuite.Type] = [
        CoreBench.self,
        StackBench.self,
        DiffBench.self,
        GrafanaBench.self,
        PrometheusBench.self,
        KubernetesBench.self,
    ]

    /// Synchronous, so that the process never parks its main thread in `dispatch_main` (which
    /// valgrind does not survive): `valgrind --tool=callgrind vigil-bench --lint-once FILE`.
    static func main() {
        var options = Options()
        var only: String?
        var args = CommandLine.arguments.dropFirst()
        while let a = args.popFirst() {
            switch a {
            case "--floor": options.floorTool = args.popFirst()
            case "--work": options.workDir = args.popFirst() ?? options.workDir
            case "--repeat": options.repeats = Int(args.popFirst() ?? "") ?? options.repeats
            case "--only": only = args.popFirst()
            case CoreBench.loadOnceFlag:
                exit(CoreBench.loadOnce(args.popFirst() ?? ""))
            case PrometheusBench.lintOnceFlag:
                let path = args.popFirst() ?? ""
                exit(blocking { await PrometheusBench.lintOnce(path) })
            default:
                FileHandle.standardError.write(Data("usage: vigil-bench [--floor PATH] [--work DIR] [--repeat N] [--only SUITE]\n".utf8))
                exit(2)
            }
        }
        try? FileManager.default.createDirectory(atPath: options.workDir, withIntermediateDirectories: true)
        let selected = suites.filter { only == nil || only == $0.name }.map(ObjectIdentifier.init)
        let settled = options
        blocking {
            for suite in Bench.suites where selected.contains(ObjectIdentifier(suite)) {
                print("== \(suite.name)")
                await suite.run(settled)
            }
            return 0
        }
    }
}

/// The exit status of `blocking`'s task, written by it before the semaphore is signalled.
final class BlockingStatus: @unchecked Sendable {
    /// EX_SOFTWARE until the task stores its own.
    var value: Int32 = 70
}

/// Runs `body` on the concurrent executor and waits for the exit status it returns.
@discardableResult
func blocking(_ body: @escaping @Sendable () async -> Int32) -> Int32 {
    let status = BlockingStatus()
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        status.value = await body()
        done.signal()
    }
    done.wait()
    return status.value
}

/// Best wall time of running a peer tool (promtool, amtool, …) on the same input, or nil when
/// the tool is not installed. Its exit status is ignored: a peer that rejects the input still
/// did the work of reading it.
func peerTime(_ executable: String, _ arguments: [String], repeats: Int) -> Double? {
    let candidates = ["/usr/bin/", "/usr/local/bin/", "/bin/"].map { $0 + executable }
    guard let path = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
    return processTime(path, arguments, repeats: repeats)
}

/// The `vigil` executable built beside this benchmark, if any.
var vigilExecutable: String? {
    let path = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("vigil").path
    return FileManager.default.isExecutableFile(atPath: path) ? path : nil
}

/// Best wall time of `vigil ARGUMENTS` as its own process (start-up, lint, report, exit), the
/// way CI runs it; nil when `vigil` was not built beside the benchmark.
func vigilProcessTime(_ arguments: [String], repeats: Int) -> Double? {
    vigilExecutable.flatMap { processTime($0, arguments, repeats: repeats) }
}

/// Best wall time of running `path` with `arguments`, output discarded, exit status ignored.
func processTime(_ path: String, _ arguments: [String], repeats: Int) -> Double? {
    best(repeats) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = arguments
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return }
        p.waitUntilExit()
    }
}

/// Prints a Vigil-versus-peer line: the ratio is peer time over Vigil time (above 1: Vigil is faster).
func reportPeer(_ name: String, vigil: Double, peer: Double?, peerName: String) {
    let padded = name.count >= 36 ? name : name + String(repeating: " ", count: 36 - name.count)
    var line = padded + String(format: "  vigil %8.1f ms", vigil * 1000)
    if let peer {
        line += "  " + peerName + String(format: " %8.1f ms  vigil is %.1fx faster", peer * 1000, peer / vigil)
    } else {
        line += "  (\(peerName) not installed)"
    }
    print(line)
}
