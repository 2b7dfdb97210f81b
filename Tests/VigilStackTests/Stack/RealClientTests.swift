import Foundation
import Testing
import VigilCore
@testable import VigilStack

/// The rendered output passes the real tools: promtool (Debian `prometheus`) and amtool
/// (Debian `prometheus-alertmanager`), installed by `make test`.
@Suite struct RealClientTests {
    static func which(_ tool: String) -> String? {
        for dir in ["/usr/bin", "/usr/local/bin", "/bin"] where FileManager.default.isExecutableFile(atPath: "\(dir)/\(tool)") {
            return "\(dir)/\(tool)"
        }
        return nil
    }

    static func run(_ tool: String, _ args: [String]) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = args
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func renderToDisk(_ env: String) throws -> URL {
        let (resolved, _) = try AurelisExample.resolve(env)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-real-\(env)-\(UUID().uuidString)")
        for f in StackRenderer(stack: resolved.stack).render() {
            let url = dir.appendingPathComponent(f.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(f.bytes).write(to: url)
        }
        return dir
    }

    @Test(.enabled(if: which("promtool") != nil, "promtool is not installed (Debian package prometheus)"), arguments: ["production", "staging"])
    func promtoolAcceptsTheRules(env: String) throws {
        let dir = try Self.renderToDisk(env)
        let (status, output) = try Self.run(try #require(Self.which("promtool")), ["check", "rules", dir.appendingPathComponent("prometheus/rules/aurelis.yml").path])
        #expect(status == 0, "\(output)")
        #expect(output.contains("SUCCESS"))
    }

    /// Debian builds promtool without Kubernetes service discovery, so the jobs that use it are
    /// left out of what this promtool checks; everything else must pass as rendered.
    @Test(.enabled(if: which("promtool") != nil, "promtool is not installed (Debian package prometheus)"), arguments: ["production", "staging"])
    func promtoolAcceptsTheConfig(env: String) throws {
        let dir = try Self.renderToDisk(env)
        let path = dir.appendingPathComponent("prometheus/prometheus.yml").path
        let root = try #require(YAMLLoader.load(text: try String(contentsOfFile: path, encoding: .utf8), path: path).documents.first?.root)
        let (full, fullOutput) = try Self.run(try #require(Self.which("promtool")), ["check", "config", "--syntax-only", path])
        if full != 0 {
            // Only the missing discovery mechanism may be what this promtool objects to.
            let objections = fullOutput.split(separator: "\n").filter { $0.contains("not found in type") }
            #expect(objections.allSatisfy { $0.contains("kubernetes_sd_configs") }, "\(fullOutput)")
        }
        let jobs = root["scrape_configs"]?.sequence?.filter { $0["kubernetes_sd_configs"] == nil } ?? []
        let pairs = try #require(root.mapping?.pairs).map { p in
            p.key.scalarText == "scrape_configs" ? Pair(key: p.key, value: .sequence(jobs)) : p
        }
        let reduced = dir.appendingPathComponent("prometheus/prometheus-static.yml")
        try YAMLEmitter().emit(Node(.mapping(Mapping(pairs)))).write(to: reduced, atomically: true, encoding: .utf8)
        let (status, output) = try Self.run(try #require(Self.which("promtool")), ["check", "config", "--syntax-only", reduced.path])
        #expect(status == 0, "\(output)")
    }

    @Test(.enabled(if: which("amtool") != nil, "amtool is not installed (Debian package prometheus-alertmanager)"), arguments: ["production", "staging"])
    func amtoolAcceptsTheAlertmanagerConfig(env: String) throws {
        let dir = try Self.renderToDisk(env)
        let (status, output) = try Self.run(try #require(Self.which("amtool")), ["check-config", dir.appendingPathComponent("alertmanager/alertmanager.yml").path])
        #expect(status == 0, "\(output)")
        #expect(output.contains("SUCCESS"))
    }

    @Test(arguments: ["production", "staging"])
    func vigilFindsNoErrorsOrWarningsInItsOwnOutput(env: String) throws {
        let (resolved, _) = try AurelisExample.resolve(env)
        let (_, result) = StackValidation.validate(resolved)
        let serious = result.diagnostics.filter { $0.severity != .info }
        #expect(serious.isEmpty, "\(serious.map { "\($0.file):\($0.range?.start.line ?? 0): \($0.rule): \($0.message)" })")
    }
}
