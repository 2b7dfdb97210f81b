import Foundation
import Testing
import VigilAlertmanager
import VigilCore

/// Shared helpers: linters, fixture paths, amtool.
enum Support {
    static let linter = Linter(registry: CoreRules.registry.merging(AlertmanagerLint.registry))

    /// The package root (two levels above this file's folder).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let corpus = packageRoot.appendingPathComponent(".corpus/alertmanager/testdata")

    static let amtoolPath: String? = {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let p = "\(dir)/amtool"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }()
    static var hasAmtool: Bool { amtoolPath != nil }
    static var hasCorpus: Bool { (try? FileManager.default.contentsOfDirectory(atPath: corpus.path))?.contains { $0.hasPrefix("conf.") } ?? false }

    /// Runs amtool with arguments; returns exit status and standard output.
    static func amtool(_ args: [String]) throws -> (status: Int32, out: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: amtoolPath ?? "/usr/bin/amtool")
        p.arguments = args
        let out = Pipe()
        p.standardOutput = out
        p.standardError = Pipe()
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Lints a text as an Alertmanager config (forced kind) and returns error diagnostics.
    static func errors(_ text: String, path: String = "alertmanager.yml") async -> [Diagnostic] {
        await AlertmanagerCheck.check(text: text, path: path).diagnostics.filter { $0.severity == .error }
    }
}
