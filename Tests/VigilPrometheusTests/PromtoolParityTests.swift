import Foundation
import Testing
import VigilCore
@testable import VigilPrometheus

/// Vigil and promtool agree on which files are valid: every file promtool rejects has a Vigil
/// error, every file promtool accepts has none (corpus under `Fixtures/promtool/`).
@Suite public struct PromtoolParityTests {
    static let promtool: String? = promtoolPath
    /// Where promtool is installed, if it is.
    public static let promtoolPath: String? = ["/usr/bin/promtool", "/usr/local/bin/promtool"].first { FileManager.default.isExecutableFile(atPath: $0) }

    struct Case: CustomTestStringConvertible, Sendable {
        let path: String
        let kind: String
        let expectValid: Bool
        var testDescription: String { "\(kind)/\(expectValid ? "good" : "bad")/\((path as NSString).lastPathComponent)" }
    }

    static func cases(_ kind: String) -> [Case] {
        var out: [Case] = []
        for verdict in ["good", "bad"] {
            let dir = TestLinter.fixtures + "/promtool/\(kind)/\(verdict)"
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
            for n in names.sorted() { out.append(Case(path: dir + "/" + n, kind: kind, expectValid: verdict == "good")) }
        }
        return out
    }

    /// Runs promtool; nil when the file is marked `# promtool-skip:` (Debian's build lacks a feature).
    static func promtoolAccepts(_ c: Case) throws -> Bool? {
        let text = try String(contentsOfFile: c.path, encoding: .utf8)
        if text.hasPrefix("# promtool-skip:") { return nil }
        guard let promtool else { return nil }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: promtool)
        p.arguments = c.kind == "rules" ? ["check", "rules", c.path] : ["check", "config", "--syntax-only", c.path]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        return p.terminationStatus == 0
    }

    static func vigilErrors(_ c: Case) async -> [Diagnostic] {
        let result = await TestLinter.make().lint(paths: [c.path])
        return result.diagnostics.filter { $0.severity == .error }
    }

    @Test(arguments: cases("rules") + cases("config"))
    func corpusVerdictIsAsLabelled(_ c: Case) async throws {
        let errors = await Self.vigilErrors(c)
        if c.expectValid {
            #expect(errors.isEmpty, "Vigil reports errors on a valid file: \(errors.map(\.message))")
        } else {
            #expect(!errors.isEmpty, "Vigil accepts an invalid file")
            // Every error has a position in the file.
            #expect(errors.allSatisfy { $0.range != nil && $0.range?.start.line ?? 0 > 0 }, "\(errors)")
        }
    }

    @Test(.enabled(if: promtool != nil, "promtool is not installed (apt-get install prometheus)"), arguments: cases("rules") + cases("config"))
    func promtoolAgrees(_ c: Case) async throws {
        guard let accepted = try Self.promtoolAccepts(c) else { return }
        #expect(accepted == c.expectValid, "promtool \(accepted ? "accepts" : "rejects") a file labelled \(c.expectValid ? "good" : "bad")")
        let errors = await Self.vigilErrors(c)
        #expect(errors.isEmpty == accepted, "promtool \(accepted ? "accepts" : "rejects"), Vigil reports \(errors.map(\.message))")
    }
}
