import Foundation
import Testing
@testable import VigilPrometheus

/// The RE2 validator accepts what Go's regexp accepts and rejects the rest.
@Suite struct RE2SyntaxTests {
    static let valid = [
        "(.*)", "", "api|web", "(.*):10250", "([^:]+)(?::\\d+)?;(\\d+)", "__meta_kubernetes_pod_label_(.+)", "[a-z0-9_-]+",
        "(?i)error", "(?i:GET|POST)", "(?P<host>[^:]+):(?P<port>\\d+)", "a{2}", "a{2,}", "a{2,5}", "a{,5}", "x{", "\\x41\\x{263a}",
        "\\pL+", "\\p{Greek}", "\\PN", "[[:alpha:]]+", "[^[:space:]]", "\\Qa.b\\E", "\\A\\z", "\\bword\\b", "\\.\\*\\+\\$", "\\_",
        "a*?", "a+?", "a??", "^api$", "\\012", "[\\d\\s]", "[a\\-z]", "[]a]", "(?s).", "(?U)a+", "(?i-s:a.)", "é+", "\\t\\n\\r\\f\\v\\a",
        "a{1000}", "(a)(b)(c)", "[-a]", "[a-]", "x*", "(?:a|b)*", "\\[\\]", "[\\]]",
    ]

    static let invalid: [(String, String)] = [
        ("(a)\\1", "invalid escape sequence"), ("(?=x)", "invalid or unsupported Perl syntax"), ("(?!x)", "invalid or unsupported Perl syntax"),
        ("(?<=x)y", "invalid or unsupported Perl syntax"), ("(?<!x)y", "invalid or unsupported Perl syntax"), ("(?>a)", "invalid or unsupported Perl syntax"),
        ("a*+", "invalid nested repetition operator"), ("a++", "invalid nested repetition operator"), ("a**", "invalid nested repetition operator"),
        ("a\\Z", "invalid escape sequence"), ("\\G", "invalid escape sequence"), ("\\h", "invalid escape sequence"), ("\\k<n>", "invalid escape sequence"),
        ("(abc", "missing closing )"), ("abc)", "unexpected )"), ("[abc", "missing closing ]"), ("[z-a]", "invalid character class range"),
        ("*a", "missing argument to repetition operator"), ("a|*", "missing argument to repetition operator"), ("a{1001}", "invalid repeat count"),
        ("a{5,2}", "invalid repeat count"), ("abc\\", "trailing backslash"), ("[[:foo:]]", "invalid character class range"), ("(?P<>a)", "invalid named capture"),
        ("(?P<a-b>x)", "invalid named capture"), ("\\8", "invalid escape sequence"), ("(?z)", "invalid or unsupported Perl syntax"), ("\\x{110000}", "invalid escape sequence"),
    ]

    @Test(arguments: valid)
    func acceptsValidPatterns(_ pattern: String) {
        #expect(RE2Syntax.validate(pattern) == nil, "\(RE2Syntax.validate(pattern)?.description ?? "")")
    }

    @Test(arguments: invalid)
    func rejectsInvalidPatterns(_ pattern: String, message: String) throws {
        let failure = try #require(RE2Syntax.validate(pattern))
        #expect(failure.message.hasPrefix(message), "\(failure.message)")
        #expect(failure.range.lowerBound >= 0 && failure.range.upperBound <= pattern.utf8.count)
    }

    @Test func literalDetection() {
        #expect(RE2Syntax.isLiteral("api"))
        #expect(RE2Syntax.isLiteral("api-web_1"))
        #expect(!RE2Syntax.isLiteral("api|web"))
        #expect(!RE2Syntax.isLiteral("api.*"))
    }

    /// Go's own verdict, through promtool: a relabel regex that promtool accepts is valid RE2.
    @Test(.enabled(if: PromtoolParityTests.promtoolPath != nil, "promtool is not installed"))
    func promtoolAgreesOnEveryPattern() throws {
        let patterns = Self.valid + Self.invalid.map(\.0)
        var config = "scrape_configs:\n"
        var disagreements: [String] = []
        for (i, p) in patterns.enumerated() {
            config = "scrape_configs:\n  - job_name: j\(i)\n    static_configs:\n      - targets: ['a:1']\n    relabel_configs:\n      - source_labels: [__address__]\n        regex: '\(p.replacingOccurrences(of: "'", with: "''"))'\n        target_label: x\n"
            let path = NSTemporaryDirectory() + "vigil-re2-\(ProcessInfo.processInfo.processIdentifier).yml"
            try config.write(toFile: path, atomically: true, encoding: .utf8)
            let proc = Process()
            proc.executableURL = URL(fileURLWithPath: PromtoolParityTests.promtoolPath ?? "")
            proc.arguments = ["check", "config", "--syntax-only", path]
            proc.standardOutput = FileHandle.nullDevice
            proc.standardError = FileHandle.nullDevice
            try proc.run()
            proc.waitUntilExit()
            let goAccepts = proc.terminationStatus == 0
            if goAccepts != (RE2Syntax.validate(p) == nil) { disagreements.append("\(p): Go \(goAccepts ? "accepts" : "rejects")") }
        }
        #expect(disagreements.isEmpty, "\(disagreements)")
    }
}
