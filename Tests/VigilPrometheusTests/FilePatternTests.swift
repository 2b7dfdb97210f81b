import Foundation
import Testing
import VigilCore
@testable import VigilPrometheus

/// `rule_files` patterns: Vigil rejects the patterns Go's `filepath.Glob` rejects, as
/// `promtool check config` does, and accepts the rest.
@Suite struct FilePatternTests {
    static let valid = [
        "rules/*.yml", "alerts/[a-m]*.yaml", "r?les/x.yml", "[^a]", "[!a]", "[a]", "[z-a]", "[\\]]", "[\\-]", "a\\*b", "a\\q",
        "a]b", "[a-b]", "[ab-c]", "x/[*].yml", "dir/x*y*.yml", "[é-ü].yml", "plain.yml", "/etc/prometheus/rules/*.rules",
    ]

    static let invalid = [
        "rules/[abc.yml", "x\\", "[]a]", "[^a-]", "[a-]", "*.y[ml", "[", "[^]", "a/[-a]", "[a-b-c]", "[\\", "[a\\", "[a-\\",
    ]

    @Test(arguments: valid)
    func acceptsValidPatterns(_ pattern: String) {
        #expect(GoFilePattern.validate(pattern) == nil, "\(GoFilePattern.validate(pattern)?.reason ?? "")")
    }

    @Test(arguments: invalid)
    func rejectsInvalidPatterns(_ pattern: String) throws {
        let failure = try #require(GoFilePattern.validate(pattern))
        #expect(failure.description == "syntax error in pattern")
        #expect(failure.range.lowerBound >= 0 && failure.range.upperBound <= pattern.utf8.count && !failure.range.isEmpty)
    }

    @Test func wildcardOnlyInTheLastElement() {
        #expect(GoFilePattern.hasWildcardOnlyInLastElement("rules/*.yml"))
        #expect(GoFilePattern.hasWildcardOnlyInLastElement("rules/a*b*.yml"))
        #expect(GoFilePattern.hasWildcardOnlyInLastElement("rules/x.yml"))
        #expect(!GoFilePattern.hasWildcardOnlyInLastElement("rules/*/x.yml"))
        #expect(!GoFilePattern.hasWildcardOnlyInLastElement("*/x.yml"))
    }

    /// A config whose entries are `patterns`, as a double-quoted YAML list.
    static func config(_ patterns: [String]) -> String {
        "global:\n  scrape_interval: 30s\nrule_files:\n" + patterns.map { "  - \(Example.quote($0))\n" }.joined()
    }

    @Test func lintReportsTheEntryAtItsPosition() async throws {
        let text = Self.config(["rules/*.yml", "rules/[abc.yml", "rules/*/alerts.yml"])
        let result = await TestLinter.lint(text, path: "prometheus.yml")
        let found = result.diagnostics.filter { $0.rule == InvalidFilePattern.rule.id }
        #expect(found.count == 2, "\(found)")
        let bad = try #require(found.first { $0.message.contains("[abc") })
        #expect(bad.severity == .error)
        #expect(bad.message.contains("syntax error in pattern"))
        // Line 5: `  - "rules/[abc.yml"`; the class starts after `  - "rules/`.
        #expect(bad.range?.start.line == 5 && bad.range?.start.column == 12, "\(String(describing: bad.range))")
        let path = try #require(found.first { $0.message.contains("alerts.yml") })
        #expect(path.message.contains("invalid rule file path") && path.range?.start.line == 6)
    }

    /// promtool (without `--syntax-only`, which skips expanding the patterns) and Vigil agree
    /// on every pattern of both tables.
    @Test(.enabled(if: PromtoolParityTests.promtoolPath != nil, "promtool is not installed"), arguments: valid + invalid)
    func promtoolAgrees(_ pattern: String) async throws {
        let dir = NSTemporaryDirectory() + "vigil-file-pattern-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/prometheus.yml"
        try Self.config([pattern]).write(toFile: path, atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: PromtoolParityTests.promtoolPath ?? "")
        p.arguments = ["check", "config", path]
        p.currentDirectoryURL = URL(fileURLWithPath: dir)
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        // Patterns without `*` that match no file fail for that reason too; only the syntax
        // verdict is compared.
        let promtoolRejects = output.contains("syntax error in pattern")
        let result = await TestLinter.make().lint(paths: [path])
        let vigilRejects = result.diagnostics.contains { $0.rule == InvalidFilePattern.rule.id && $0.severity == .error }
        #expect(vigilRejects == promtoolRejects, "promtool: \(output)")
        #expect(vigilRejects == Self.invalid.contains(pattern))
    }
}
