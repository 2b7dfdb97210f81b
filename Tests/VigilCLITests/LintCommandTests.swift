import Foundation
import Testing

@Suite struct LintCommandTests {
    @Test func cleanFileExitsZero() throws {
        let dir = try CLI.temporaryDirectory()
        try "a: 1\nb: [x, y]\n".write(to: dir.appendingPathComponent("ok.yaml"), atomically: true, encoding: .utf8)
        let r = try CLI.run(["lint", "ok.yaml"], in: dir)
        #expect(r.status == 0)
        #expect(r.stdout == "No problems found in 1 file.\n")
    }

    @Test func errorsExitOneWithCaretExcerpt() throws {
        let dir = try CLI.temporaryDirectory()
        try "a: 1\nb: 2\na: 3\n".write(to: dir.appendingPathComponent("dup.yaml"), atomically: true, encoding: .utf8)
        let r = try CLI.run(["lint", "dup.yaml"], in: dir)
        #expect(r.status == 1)
        #expect(r.stdout.hasPrefix("""
        dup.yaml:3:1: error[yaml/duplicate-key]: mapping key "a" already defined at line 1
         3 | a: 3
           | ^
        """))
        #expect(r.stdout.contains("note: dup.yaml:1:1: first defined here"))
        #expect(r.stdout.hasSuffix("1 error, 0 warnings, 0 infos in 1 file.\n"))
    }

    @Test func standardInputIsLinted() throws {
        let r = try CLI.run(["lint", "-", "--format", "json"], input: "x: [\n")
        #expect(r.status == 1)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let diags = json?["diagnostics"] as? [[String: Any]]
        #expect(diags?.first?["file"] as? String == "-")
        #expect(diags?.first?["rule"] as? String == "yaml/syntax")
        #expect(diags?.first?["line"] as? Int == 2)
        let summary = json?["summary"] as? [String: Any]
        #expect(summary?["errors"] as? Int == 1)
        #expect(summary?["files"] as? Int == 1)
    }

    @Test func directoriesAreSearchedRecursivelyAndTheRunGoesOn() throws {
        let dir = try CLI.temporaryDirectory()
        let sub = dir.appendingPathComponent("nested/deeper")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try "a: [\n".write(to: sub.appendingPathComponent("broken.yml"), atomically: true, encoding: .utf8)
        try "{\"ok\": true}\n".write(to: dir.appendingPathComponent("fine.json"), atomically: true, encoding: .utf8)
        try "not: [yaml\n".write(to: dir.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try "a: [\n".write(to: dir.appendingPathComponent(".git/config.yaml"), atomically: true, encoding: .utf8)
        let r = try CLI.run(["lint", "--format", "json", "."], in: dir)
        #expect(r.status == 1)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let files = (json?["diagnostics"] as? [[String: Any]])?.compactMap { $0["file"] as? String }
        #expect(files == ["./nested/deeper/broken.yml"])
        #expect((json?["summary"] as? [String: Any])?["files"] as? Int == 2)
    }

    @Test func excludeGlobsSkipFiles() throws {
        let dir = try CLI.temporaryDirectory()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("vendor"), withIntermediateDirectories: true)
        try "a: [\n".write(to: dir.appendingPathComponent("vendor/x.yaml"), atomically: true, encoding: .utf8)
        let r = try CLI.run(["lint", "--exclude", "vendor/**", "."], in: dir)
        #expect(r.status == 0)
    }

    @Test func configurationFileIsReadFromTheWorkingDirectory() throws {
        let dir = try CLI.temporaryDirectory()
        try "rules:\n  yaml/duplicate-key: warning\n".write(to: dir.appendingPathComponent(".vigil.yaml"), atomically: true, encoding: .utf8)
        try "a: 1\na: 2\n".write(to: dir.appendingPathComponent("x.yaml"), atomically: true, encoding: .utf8)
        let lenient = try CLI.run(["lint", "x.yaml"], in: dir)
        #expect(lenient.status == 0)
        #expect(lenient.stdout.contains("warning[yaml/duplicate-key]"))
        let strict = try CLI.run(["lint", "--strict", "x.yaml"], in: dir)
        #expect(strict.status == 1)
    }

    @Test func brokenConfigurationIsUsageTrouble() throws {
        let dir = try CLI.temporaryDirectory()
        try "rulez: {}\n".write(to: dir.appendingPathComponent(".vigil.yaml"), atomically: true, encoding: .utf8)
        try "a: 1\n".write(to: dir.appendingPathComponent("x.yaml"), atomically: true, encoding: .utf8)
        let r = try CLI.run(["lint", "x.yaml"], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr.contains("unknown field \"rulez\""))
        #expect(r.stderr.contains("did you mean \"rules\"?"))
    }

    @Test func missingPathIsIOTroubleWithExitTwo() throws {
        let r = try CLI.run(["lint", "/nonexistent/vigil/file.yaml"])
        #expect(r.status == 2)
        #expect(r.stdout.contains("/nonexistent/vigil/file.yaml: error[io/unreadable]: no such file or directory"))
    }

    @Test func githubAnnotations() throws {
        let r = try CLI.run(["lint", "--format", "github", "-"], input: "a: 1\na: 2\n")
        #expect(r.status == 1)
        #expect(r.stdout.hasPrefix("::error file=-,line=2,col=1,endLine=2,endColumn=2,title=yaml/duplicate-key::mapping key \"a\" already defined at line 1%0ARemove one of them"))
    }

    @Test func sarifReport() throws {
        let r = try CLI.run(["lint", "--format", "sarif", "-"], input: "a: 1\na: 2\n")
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        #expect(json?["version"] as? String == "2.1.0")
        let run = (json?["runs"] as? [[String: Any]])?.first
        let results = run?["results"] as? [[String: Any]]
        #expect(results?.first?["ruleId"] as? String == "yaml/duplicate-key")
        #expect(results?.first?["level"] as? String == "error")
        let rules = ((run?["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]]
        #expect(rules?.map { $0["id"] as? String } == ["yaml/duplicate-key"])
    }

    @Test func colourOnlyWhenAsked() throws {
        let r = try CLI.run(["lint", "-"], input: "a: 1\na: 2\n")
        #expect(!r.stdout.contains("\u{1B}["))
    }
}

@Suite struct RuleCommandsTests {
    @Test func rulesListsEveryRule() throws {
        let r = try CLI.run(["rules"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("yaml/duplicate-key"))
        #expect(r.stdout.contains("schema/unknown-field"))
    }

    @Test func explainPrintsRationaleAndExamples() throws {
        let r = try CLI.run(["explain", "yaml/duplicate-key"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("yaml/duplicate-key (error)\n"))
        #expect(r.stdout.contains("Triggers on:"))
        #expect(r.stdout.contains("scrape_interval: 30s"))
    }

    @Test func explainUnknownRuleSuggests() throws {
        let r = try CLI.run(["explain", "yaml/duplicate-keys"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("Did you mean yaml/duplicate-key?"))
    }

    @Test func versionIsPrinted() throws {
        let r = try CLI.run(["--version"])
        #expect(r.status == 0)
        #expect(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
    }
}

/// A lint of a large file may start the process again with malloc on huge pages
/// (`HugePagePolicy`); what it reports is the same however the process runs.
@Suite struct LargeInputProcessTests {
    @Test func aLargeFileLintsTheSameWithAndWithoutHugePages() throws {
        let dir = try CLI.temporaryDirectory()
        var text = "groups:\n"
        var i = 0
        while text.utf8.count < 4_300_000 {
            text += "  - name: g\(i)\n    rules:\n"
            text += "      - alert: Down\(i)\n        expr: up{job=\"j\(i)\"} == 0\n        for: 5m\n        labels: {severity: warning}\n"
            text += "      - alert: Errors\(i)\n        expr: rate(errors_total{job=\"j\(i)\"}[5m]) > 1\n        labels: {severity: warning}\n"
            i += 1
        }
        try text.write(to: dir.appendingPathComponent("big.yaml"), atomically: true, encoding: .utf8)
        let plain = try CLI.run(["lint", "big.yaml"], in: dir, environment: ["VIGIL_NO_HUGE_PAGES": "1"])
        let chosen = try CLI.run(["lint", "big.yaml"], in: dir)
        let withOtherTunables = try CLI.run(["lint", "big.yaml"], in: dir, environment: ["GLIBC_TUNABLES": "glibc.malloc.tcache_count=7"])
        #expect(plain.status == 0)
        #expect(plain.stdout.contains("alerts/rate-without-for"))
        #expect(plain.stdout.contains("\(i) infos"), "\(plain.stdout.suffix(200))")
        for r in [chosen, withOtherTunables] {
            #expect(r.status == plain.status)
            #expect(r.stdout == plain.stdout)
            #expect(r.stderr == plain.stderr)
        }
    }
}
