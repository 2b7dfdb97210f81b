import Foundation
import Testing
@testable import VigilStack

/// A fresh temporary folder per test, removed afterwards.
private final class Scratch {
    let root: String
    init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        root = base.path
    }
    deinit { try? FileManager.default.removeItem(atPath: root) }
    var out: String { root + "/out" }
    func bytes(_ relative: String) -> [UInt8]? {
        FileManager.default.contents(atPath: out + "/" + relative).map { Array($0) }
    }
    func text(_ relative: String) -> String? { bytes(relative).map { String(decoding: $0, as: UTF8.self) } }
    func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: out + "/" + relative) }
    func mtime(_ relative: String) throws -> Date {
        try #require(try FileManager.default.attributesOfItem(atPath: out + "/" + relative)[.modificationDate] as? Date)
    }
    func put(_ relative: String, _ text: String) throws {
        let url = URL(fileURLWithPath: out + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}

private func tree(_ files: [String: String]) -> RenderedTree {
    RenderedTree(files: files.mapValues { Array($0.utf8) })
}

@Suite struct OutputWriterTests {
    let writer = OutputWriter()

    @Test func freshWriteCreatesFoldersFilesAndExactManifest() throws {
        let scratch = try Scratch()
        let summary = try writer.write(tree([
            "prometheus/prometheus.yml": "global: {}\n",
            "prometheus/rules/service.yml": "groups: []\n",
            "alertmanager/alertmanager.yml": "route: {}\n",
        ]), to: scratch.out)
        #expect(summary.created == ["alertmanager/alertmanager.yml", "prometheus/prometheus.yml", "prometheus/rules/service.yml"])
        #expect(summary.updated.isEmpty && summary.unchanged.isEmpty && summary.removed.isEmpty)
        #expect(scratch.text("prometheus/rules/service.yml") == "groups: []\n")
        #expect(scratch.text(".vigil-rendered") == Manifest.header + """
            alertmanager/
            alertmanager/alertmanager.yml
            prometheus/
            prometheus/prometheus.yml
            prometheus/rules/
            prometheus/rules/service.yml

            """)
        let leftovers = try FileManager.default.subpathsOfDirectory(atPath: scratch.out).filter { $0.contains("vigil-tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func bytesAreWrittenExactly() throws {
        let scratch = try Scratch()
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF, 0x61, 0x0D, 0x0A, 0x00, 0xFF]
        _ = try writer.write(RenderedTree(files: ["raw.bin": bytes]), to: scratch.out)
        #expect(scratch.bytes("raw.bin") == bytes)
    }

    @Test func rewriteKeepsUnchangedFilesAndTheirMtime() throws {
        let scratch = try Scratch()
        let first = tree(["a.yml": "a\n", "b/b.yml": "b\n"])
        _ = try writer.write(first, to: scratch.out)
        let past = Date(timeIntervalSince1970: 1_000_000)
        for path in ["a.yml", "b/b.yml", ".vigil-rendered"] {
            try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: scratch.out + "/" + path)
        }
        let summary = try writer.write(tree(["a.yml": "a\n", "b/b.yml": "changed\n"]), to: scratch.out)
        #expect(summary.unchanged == ["a.yml"])
        #expect(summary.updated == ["b/b.yml"])
        #expect(try scratch.mtime("a.yml") == past)
        #expect(try scratch.mtime(".vigil-rendered") == past)
        #expect(try scratch.mtime("b/b.yml") != past)
        #expect(scratch.text("b/b.yml") == "changed\n")
        #expect(summary.changedAnything)
    }

    @Test func staleFilesItWroteAreRemovedWithTheirEmptyFolders() throws {
        let scratch = try Scratch()
        _ = try writer.write(tree(["keep.yml": "k\n", "grafana/dashboards/old.json": "{}\n"]), to: scratch.out)
        let summary = try writer.write(tree(["keep.yml": "k\n"]), to: scratch.out)
        #expect(summary.removed == ["grafana/dashboards/old.json"])
        #expect(summary.removedFolders == ["grafana", "grafana/dashboards"])
        #expect(!scratch.exists("grafana"))
        #expect(scratch.text(".vigil-rendered") == Manifest.header + "keep.yml\n")
    }

    @Test func foreignFilesSurviveAndKeepTheirFolder() throws {
        let scratch = try Scratch()
        try scratch.put("README.md", "mine\n")
        _ = try writer.write(tree(["kubernetes/a.yaml": "a\n", "kubernetes/b.yaml": "b\n"]), to: scratch.out)
        try scratch.put("kubernetes/notes.txt", "hand-written\n")
        let summary = try writer.write(tree([:]), to: scratch.out)
        #expect(summary.removed == ["kubernetes/a.yaml", "kubernetes/b.yaml"])
        #expect(summary.removedFolders.isEmpty)
        #expect(scratch.text("README.md") == "mine\n")
        #expect(scratch.text("kubernetes/notes.txt") == "hand-written\n")
        // The folder stays recorded so a later render can remove it once it is empty.
        #expect(scratch.text(".vigil-rendered") == Manifest.header + "kubernetes/\n")
        try FileManager.default.removeItem(atPath: scratch.out + "/kubernetes/notes.txt")
        #expect(try writer.write(tree([:]), to: scratch.out).removedFolders == ["kubernetes"])
    }

    @Test func aForgedManifestCannotDeleteOutsideOrInvalidPaths() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(atPath: scratch.out, withIntermediateDirectories: true)
        try Data("victim\n".utf8).write(to: URL(fileURLWithPath: scratch.root + "/victim.txt"))
        try Data("../victim.txt\n/etc/hostname\nsub\n".utf8).write(to: URL(fileURLWithPath: scratch.out + "/.vigil-rendered"))
        try scratch.put("sub/x", "folder now\n")  // listed as a file but now a folder
        let summary = try writer.write(tree([:]), to: scratch.out)
        #expect(summary.removed.isEmpty)
        #expect(summary.kept.count == 1)
        #expect(FileManager.default.fileExists(atPath: scratch.root + "/victim.txt"))
        #expect(scratch.exists("sub/x"))
    }

    @Test func symlinkLeadingOutsideIsRefused() throws {
        let scratch = try Scratch()
        let outside = scratch.root + "/elsewhere"
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: scratch.out, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: scratch.out + "/prometheus", withDestinationPath: outside)
        #expect(throws: OutputError.self) {
            try writer.write(tree(["prometheus/prometheus.yml": "x\n"]), to: scratch.out)
        }
        do {
            _ = try writer.write(tree(["prometheus/prometheus.yml": "x\n"]), to: scratch.out)
        } catch {
            guard case .escapesOutput(let path, _) = error else { Issue.record("unexpected \(error)"); return }
            #expect(path == scratch.out + "/prometheus")
            #expect(error.description.contains("outside the output folder"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside).isEmpty)
        let check = writer.check(tree(["prometheus/prometheus.yml": "x\n"]), against: scratch.out)
        #expect(check.problems.count == 1 && !check.isUpToDate)
    }

    @Test func symlinkInsideTheFolderIsFollowed() throws {
        let scratch = try Scratch()
        try scratch.put("real/.keep", "")
        try FileManager.default.createSymbolicLink(atPath: scratch.out + "/alias", withDestinationPath: "real")
        #expect(try writer.write(tree(["alias/a.yml": "a\n"]), to: scratch.out).created == ["alias/a.yml"])
        #expect(scratch.text("real/a.yml") == "a\n")
    }

    @Test(arguments: [
        ("/etc/passwd", "absolute"),
        ("../up.yml", "'..'"),
        ("a/../../b", "'..'"),
        ("a//b", "empty component"),
        ("a/", "empty component"),
        ("", "empty"),
        ("./a", "'.'"),
        ("a\u{0}b", "NUL"),
        (".vigil-rendered", "reserved"),
    ])
    func invalidPathsAreRefused(path: String, reason: String) throws {
        let scratch = try Scratch()
        do {
            _ = try writer.write(RenderedTree(files: [path: [1]]), to: scratch.out)
            Issue.record("\(path) was accepted")
        } catch {
            #expect(error.description.contains(reason), "\(error)")
            #expect(!error.description.contains("\u{0}"))
        }
        #expect(!FileManager.default.fileExists(atPath: scratch.out))
    }

    @Test func aPathThatIsBothFileAndFolderIsRefused() throws {
        let scratch = try Scratch()
        #expect(throws: OutputError.conflictingPaths(file: "a", inside: "a/b")) {
            try writer.write(tree(["a": "1", "a/b": "2"]), to: scratch.out)
        }
    }

    @Test func outputThatIsAFileAndFilesInTheWayAreClearErrors() throws {
        let scratch = try Scratch()
        try Data("x".utf8).write(to: URL(fileURLWithPath: scratch.out))
        #expect(throws: OutputError.outputIsNotAFolder(scratch.out)) { try writer.write(tree(["a": "1"]), to: scratch.out) }
        try FileManager.default.removeItem(atPath: scratch.out)
        try scratch.put("prometheus", "a file\n")
        #expect(throws: OutputError.fileInTheWay(path: scratch.out + "/prometheus")) {
            try writer.write(tree(["prometheus/prometheus.yml": "1"]), to: scratch.out)
        }
        try scratch.put("dir/inner", "x")
        #expect(throws: OutputError.folderInTheWay(path: scratch.out + "/dir")) { try writer.write(tree(["dir": "1"]), to: scratch.out) }
        #expect(scratch.text("prometheus") == "a file\n")
    }

    @Test(arguments: [WriteStage.createTemporary, .writeBytes, .sync, .rename])
    func aFailedWriteLeavesTheOldFileIntact(stage: WriteStage) throws {
        let scratch = try Scratch()
        _ = try writer.write(tree(["p/f.yml": "old contents\n"]), to: scratch.out)
        var failing = OutputWriter()
        failing.faults = FaultInjection { path, at in path == "p/f.yml" && at == stage ? EACCES : nil }
        do {
            _ = try failing.write(tree(["p/f.yml": "new contents that are longer\n"]), to: scratch.out)
            Issue.record("the injected failure was ignored")
        } catch {
            #expect(error == .permissionDenied(path: scratch.out + "/p/f.yml", operation: error.operationForTest))
            #expect(error.description.hasSuffix("'\(scratch.out)/p/f.yml': permission denied"))
        }
        #expect(scratch.text("p/f.yml") == "old contents\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.out + "/p") == ["f.yml"])
    }

    @Test func aFileWrittenBeforeAFailureIsStillRecorded() throws {
        let scratch = try Scratch()
        var failing = OutputWriter()
        failing.faults = FaultInjection { path, at in path == "b.yml" && at == .rename ? EIO : nil }
        #expect(throws: OutputError.self) { try failing.write(tree(["a.yml": "a\n", "b.yml": "b\n"]), to: scratch.out) }
        #expect(scratch.text("a.yml") == "a\n")
        // Recorded before writing, so the next render may remove it.
        #expect(try writer.write(tree([:]), to: scratch.out).removed == ["a.yml"])
    }

    @Test func checkReportsMissingStaleAndExtraWithADiff() throws {
        let scratch = try Scratch()
        let lines = (1...40).map { "line \($0)" }
        _ = try writer.write(tree(["same.yml": "s\n", "big.yml": lines.joined(separator: "\n") + "\n", "gone.yml": "g\n"]), to: scratch.out)
        var changed = lines
        changed[9] = "line ten"
        let result = writer.check(tree(["same.yml": "s\n", "big.yml": changed.joined(separator: "\n") + "\n", "new.yml": "n\n"]), against: scratch.out)
        #expect(!result.isUpToDate)
        #expect(result.missing == ["new.yml"])
        #expect(result.extra == ["gone.yml"])
        #expect(result.manifestOutdated)
        #expect(result.stale.map(\.path) == ["big.yml"])
        #expect(result.stale.first?.diff == """
            --- a/big.yml
            +++ b/big.yml
            @@ -7,7 +7,7 @@
             line 7
             line 8
             line 9
            -line 10
            +line ten
             line 11
             line 12
             line 13

            """)
        #expect(result.summary.contains("missing: new.yml"))
        #expect(writer.check(tree(["same.yml": "s\n", "big.yml": lines.joined(separator: "\n") + "\n", "gone.yml": "g\n"]), against: scratch.out).isUpToDate)
    }

    @Test func checkDiffIsLimitedAndMarksAMissingFinalNewline() throws {
        let scratch = try Scratch()
        _ = try writer.write(tree(["f": (1...100).map { "a\($0)" }.joined(separator: "\n")]), to: scratch.out)
        let result = writer.check(tree(["f": (1...100).map { "b\($0)" }.joined(separator: "\n") + "\n"]), against: scratch.out)
        let diff = try #require(result.stale.first?.diff)
        let body = diff.split(separator: "\n").filter { $0.hasPrefix("-") || $0.hasPrefix("+") || $0.hasPrefix(" ") }
        #expect(body.count == 2 + 20)  // the two file headers, then at most 20 lines
        #expect(diff.hasSuffix("… (more differences not shown)\n"))
        _ = try writer.write(tree(["g": "x"]), to: scratch.out)
        #expect(writer.check(tree(["g": "x\n"]), against: scratch.out).stale.first?.diff
            == "--- a/g\n+++ b/g\n@@ -1,1 +1,1 @@\n-x\n\\ No newline at end of file\n+x\n")
    }

    @Test func checkNeverPrintsSecrets() throws {
        let scratch = try Scratch()
        _ = try writer.write(tree([
            "alertmanager/alertmanager.yml": "global:\n  slack_api_url: https://hooks.slack.com/services/OLD\n  smtp_auth_password: hunter2\n  smtp_auth_password_file: /etc/am/pw\n",
            "kubernetes/creds.yaml": "kind: Secret\ndata:\n  key: b2xk\n",
        ]), to: scratch.out)
        let result = writer.check(tree([
            "alertmanager/alertmanager.yml": "global:\n  slack_api_url: https://hooks.slack.com/services/NEW\n  smtp_auth_password: hunter3\n  smtp_auth_password_file: /etc/am/pw2\n",
            "kubernetes/creds.yaml": "kind: Secret\ndata:\n  key: bmV3\n",
        ]), against: scratch.out)
        let text = result.summary
        for secret in ["OLD", "NEW", "hunter2", "hunter3", "b2xk", "bmV3"] {
            #expect(!text.contains(secret), "\(secret) leaked")
        }
        #expect(text.contains("slack_api_url: <redacted>"))
        #expect(text.contains("smtp_auth_password_file: /etc/am/pw2"))
        #expect(text.contains("diff withheld"))
    }

    @Test func checkOfAMissingFolderListsEverythingMissing() throws {
        let scratch = try Scratch()
        let result = writer.check(tree(["b": "1", "a/x": "2"]), against: scratch.out)
        #expect(result.missing == ["a/x", "b"])
        #expect(!FileManager.default.fileExists(atPath: scratch.out))
    }

    @Test func renderingTwiceIsByteIdentical() throws {
        let first = try Scratch(), second = try Scratch()
        let files = Dictionary(uniqueKeysWithValues: (0..<50).map { ("d\($0 % 7)/f\($0).yml", "v\($0)\n") })
        _ = try writer.write(tree(files), to: first.out)
        _ = try writer.write(tree(files), to: second.out)
        #expect(first.bytes(".vigil-rendered") == second.bytes(".vigil-rendered"))
        #expect(try writer.write(tree(files), to: first.out).changedAnything == false)
    }
}

extension OutputError {
    /// The operation named in a permission error, so a table test can compare whole values.
    fileprivate var operationForTest: String {
        if case .permissionDenied(_, let operation) = self { return operation }
        return ""
    }
}
