import Foundation
import Testing
import VigilCore
@testable import VigilStack

/// The rendered output of `examples/aurelis` is committed under `examples/aurelis/rendered/`;
/// this fails (with a diff) when rendering no longer produces it byte for byte.
/// Re-record with `make golden` (VIGIL_RECORD_GOLDEN=1) and review the diff.
@Suite struct AurelisGoldenTests {
    static let renderedDirectory = AurelisExample.directory.appendingPathComponent("rendered")
    static var recording: Bool { ProcessInfo.processInfo.environment["VIGIL_RECORD_GOLDEN"] == "1" }

    @Test(arguments: ["production", "staging"])
    func renderedOutputMatchesGolden(env: String) throws {
        let (resolved, diagnostics) = try AurelisExample.resolve(env)
        #expect(diagnostics.isEmpty)
        let files = StackRenderer(stack: resolved.stack).render()
        let dir = Self.renderedDirectory.appendingPathComponent(env)
        if Self.recording {
            for f in files {
                let url = dir.appendingPathComponent(f.path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(f.bytes).write(to: url)
            }
            return
        }
        var onDisk: [String] = []
        if let e = FileManager.default.enumerator(atPath: dir.path) {
            for case let p as String in e {
                var isDir: ObjCBool = false
                // `.vigil-rendered` is the manifest `vigil render` keeps beside its output.
                if p.hasSuffix(".vigil-rendered") { continue }
                if FileManager.default.fileExists(atPath: dir.appendingPathComponent(p).path, isDirectory: &isDir), !isDir.boolValue { onDisk.append(p) }
            }
        }
        #expect(onDisk.sorted() == files.map(\.path), "rendered file set changed: run `make golden`")
        for f in files {
            let expected = FileManager.default.contents(atPath: dir.appendingPathComponent(f.path).path).map { [UInt8]($0) }
            if expected != f.bytes {
                Issue.record("\(env)/\(f.path) differs from the golden file (run `make golden`):\n\(GoldenDiff.unified(old: expected.map { String(decoding: $0, as: UTF8.self) } ?? "", new: f.text))")
            }
        }
    }

    @Test func renderingIsDeterministic() throws {
        let (a, _) = try AurelisExample.resolve("production")
        let (b, _) = try AurelisExample.resolve("production")
        #expect(StackRenderer(stack: a.stack).render() == StackRenderer(stack: b.stack).render())
    }
}

/// A small line diff for golden mismatches.
enum GoldenDiff {
    static func unified(old: String, new: String, context: Int = 2) -> String {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false)
        var first = 0
        while first < min(a.count, b.count), a[first] == b[first] { first += 1 }
        var lastA = a.count - 1, lastB = b.count - 1
        while lastA >= first, lastB >= first, a[lastA] == b[lastB] { lastA -= 1; lastB -= 1 }
        var out = "@@ -\(first + 1) +\(first + 1) @@\n"
        for l in a[max(0, first - context)..<first] { out += " \(l)\n" }
        if lastA >= first { for l in a[first...lastA].prefix(30) { out += "-\(l)\n" } }
        if lastB >= first { for l in b[first...lastB].prefix(30) { out += "+\(l)\n" } }
        return out
    }
}
