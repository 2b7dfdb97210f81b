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

@main
struct Bench {
    static func main() async {
        var options = Options()
        var args = CommandLine.arguments.dropFirst()
        while let a = args.popFirst() {
            switch a {
            case "--floor": options.floorTool = args.popFirst()
            case "--work": options.workDir = args.popFirst() ?? options.workDir
            case "--repeat": options.repeats = Int(args.popFirst() ?? "") ?? options.repeats
            default:
                FileHandle.standardError.write(Data("usage: vigil-bench [--floor PATH] [--work DIR] [--repeat N]\n".utf8))
                exit(2)
            }
        }
        try? FileManager.default.createDirectory(atPath: options.workDir, withIntermediateDirectories: true)


        /// Runs the C floor program and returns its best time.


        // MARK: Loading: a 5 MB multi-document YAML stream of Kubernetes-like objects.

        let yaml = SyntheticInputs.kubernetesStream(targetBytes: 5 << 20)
        let yamlPath = options.workDir + "/objects.yaml"
        FileManager.default.createFile(atPath: yamlPath, contents: Data(yaml.utf8))
        let yamlFile = SourceFile(path: yamlPath, text: yaml)
        var documents = 0
        let loadTime = best(options.repeats) { documents = YAMLLoader.load(yamlFile).documents.count }
        print("documents: \(documents)")
        report("load 5 MB YAML (nodes+positions)", bytes: yaml.utf8.count, vigil: loadTime, floor: floorTime(yamlPath, options))

        // MARK: Loading JSON: the same objects as one JSON array.

        let json = SyntheticInputs.jsonArray(targetBytes: 5 << 20)
        let jsonPath = options.workDir + "/objects.json"
        FileManager.default.createFile(atPath: jsonPath, contents: Data(json.utf8))
        let jsonFile = SourceFile(path: jsonPath, text: json)
        let jsonTime = best(options.repeats) { _ = YAMLLoader.load(jsonFile) }
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
