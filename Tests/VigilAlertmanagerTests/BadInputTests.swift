import Foundation
import Testing
import VigilAlertmanager
import VigilCore

/// Broken input never crashes the checks or the routing commands, and every finding points
/// inside the file.
@Suite struct BadInputTests {
    static let sources: [String] = ["check/good/all-integrations.yml", "check/good/time-intervals.yml", "routing/platform.yml", "routing/quoting.yml"]

    @Test(arguments: sources)
    func truncationsAndMutationsAreHandled(fixture: String) async throws {
        let text = try String(contentsOfFile: Support.fixtures.appendingPathComponent(fixture).path, encoding: .utf8)
        let bytes = Array(text.utf8)
        var variants: [[UInt8]] = []
        for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 40)) { variants.append(Array(bytes[..<cut])) }
        // Deterministic single-byte mutations into YAML-significant characters.
        let specials: [UInt8] = Array(":-[]{}'\"\\|>&*!#\t\n ".utf8)
        var state: UInt64 = 42
        for _ in 0..<40 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            var v = bytes
            let at = Int((state >> 33) % UInt64(max(1, v.count)))
            if !v.isEmpty { v[at] = specials[Int((state >> 17) % UInt64(specials.count))] }
            variants.append(v)
        }
        for v in variants {
            let file = SourceFile(path: "mutated.yml", bytes: v)
            let r = await AlertmanagerCheck.check(file: file)
            for d in r.diagnostics {
                if let range = d.range { #expect(range.start.line >= 1 && range.start.line <= max(1, file.lineCount)) }
            }
            let routed = await RoutesTool.test(text: String(decoding: v, as: UTF8.self), path: "mutated.yml", labels: ["severity=critical"], tree: true)
            #expect([0, 2].contains(routed.exitCode))
            #expect(routed.exitCode == 0 || !routed.stderr.isEmpty)
        }
    }

    @Test func deeplyNestedRoutesAreBounded() async {
        var text = "route:\n  receiver: a\n"
        var indent = "  "
        for _ in 0..<150 {
            text += "\(indent)routes:\n\(indent)  - matchers: [x=y]\n"
            indent += "    "
        }
        text += "receivers:\n  - name: a\n"
        let r = await AlertmanagerCheck.check(text: text, path: "deep.yml")
        #expect(!r.diagnostics.isEmpty || r.configs.count == 1)
        let out = await RoutesTool.show(text: text, path: "deep.yml")
        #expect([0, 2].contains(out.exitCode))
    }
}
