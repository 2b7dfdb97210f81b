import Foundation
import Testing

/// `vigil diff --env staging --env production examples/aurelis/vigil.yaml`, byte for byte, in
/// the text and json formats (`Fixtures/diff/aurelis-staging-production.FORMAT`).
/// Re-record with `make golden` (VIGIL_RECORD_GOLDEN=1) and review the diff.
@Suite struct DiffGoldenTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/diff")
    static var recording: Bool { ProcessInfo.processInfo.environment["VIGIL_RECORD_GOLDEN"] == "1" }

    @Test(arguments: ["text", "json"])
    func stagingAgainstProductionMatchesGolden(format: String) throws {
        // Run from the package root with a relative stack path, so the output names no machine path.
        let r = try CLI.run(["diff", "--env", "staging", "--env", "production", "examples/aurelis/vigil.yaml", "--format", format], in: CLI.packageRoot)
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.isEmpty, "\(r.stderr)")
        let golden = Self.fixtures.appendingPathComponent("aurelis-staging-production.\(format == "text" ? "txt" : format)")
        if Self.recording {
            try Data(r.stdout.utf8).write(to: golden)
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        if expected != r.stdout {
            Issue.record("vigil diff --format \(format) differs from \(golden.lastPathComponent) (run `make golden`):\n\(Self.firstDifference(expected, r.stdout))")
        }
        if format == "json" {
            // The golden JSON is itself valid JSON.
            #expect(try JSONSerialization.jsonObject(with: Data(expected.utf8)) is [String: Any])
        }
    }

    /// The first differing line with two lines of context on each side.
    static func firstDifference(_ a: String, _ b: String) -> String {
        let x = a.split(separator: "\n", omittingEmptySubsequences: false)
        let y = b.split(separator: "\n", omittingEmptySubsequences: false)
        var i = 0
        while i < min(x.count, y.count), x[i] == y[i] { i += 1 }
        var out = "@@ line \(i + 1) @@\n"
        for l in x[max(0, i - 2)..<i] { out += " \(l)\n" }
        for l in x[min(i, x.count)..<min(i + 3, x.count)] { out += "-\(l)\n" }
        for l in y[min(i, y.count)..<min(i + 3, y.count)] { out += "+\(l)\n" }
        return out
    }
}
