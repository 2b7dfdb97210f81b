import Foundation
import Testing
import VigilCore
@testable import VigilStack

enum AurelisExample {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let directory = root.appendingPathComponent("examples/aurelis")

    static func read(_ relative: String) -> SourceFile? {
        let path = directory.appendingPathComponent(relative).path
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return SourceFile(path: "examples/aurelis/\(relative)", bytes: [UInt8](data))
    }

    static func resolve(_ env: String?) throws -> (ResolvedStack, [Diagnostic]) {
        let file = try #require(read("vigil.yaml"))
        let (stack, diagnostics) = StackLoader.load(file, environment: env, readFile: read)
        return (try #require(stack), diagnostics)
    }
}

@Suite struct StackRenderingTests {
    @Test(arguments: ["production", "staging"])
    func exampleResolvesWithoutProblems(env: String) throws {
        let (resolved, diagnostics) = try AurelisExample.resolve(env)
        #expect(diagnostics.isEmpty, "\(diagnostics.map { "\($0.file):\($0.range?.start.line ?? 0): \($0.message)" })")
        #expect(resolved.stack.environment == env)
        let files = StackRenderer(stack: resolved.stack).render()
        #expect(files.contains { $0.path == "prometheus/prometheus.yml" })
        if ProcessInfo.processInfo.environment["VIGIL_DUMP_RENDER"] != nil {
            for f in files {
                let url = URL(fileURLWithPath: "/tmp/vigil-render/\(env)/\(f.path)")
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(f.bytes).write(to: url)
            }
        }
    }
}

@Suite struct PresetTests {
    @Test(arguments: Presets.names)
    func presetsLoad(name: String) throws {
        let text = try #require(Presets.text(named: name))
        let r = YAMLLoader.load(text: text, path: "\(name).yaml")
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics.map(\.message))")
        #expect(Presets.node(named: name)?.mapping != nil)
    }

    @Test func embeddedPresetsMatchTemplates() throws {
        let dir = AurelisExample.root.appendingPathComponent("templates/presets")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files.map { String($0.dropLast(5)) } == Presets.names)
        for name in Presets.names {
            let onDisk = try String(contentsOf: dir.appendingPathComponent(name + ".yaml"), encoding: .utf8)
            #expect(onDisk.trimmingCharacters(in: .newlines) == Presets.text(named: name), "\(name).yaml changed: run `make generate`")
        }
    }
}
