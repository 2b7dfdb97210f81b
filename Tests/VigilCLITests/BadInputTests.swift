import Foundation
import Testing

/// Hostile and broken files: each gets a diagnostic with a position (or a one-line I/O error),
/// the run goes on with the other files, and nothing crashes or hangs.
@Suite struct BadInputTests {
    static func write(_ bytes: [UInt8], _ name: String, in dir: URL) throws {
        try Data(bytes).write(to: dir.appendingPathComponent(name))
    }

    @Test func everyMalformedFileIsReportedAndTheRunContinues() throws {
        let dir = try CLI.temporaryDirectory()
        try Self.write(Array("groups:\n  - name: a\n    rules: [\n      {alert: X, expr: up".utf8), "truncated.yaml", in: dir)
        try Self.write([0x61, 0x3A, 0x20, 0xC3, 0x28, 0x0A], "invalid-utf8.yaml", in: dir)
        try Self.write(Array("a:\n\tb: 1\n".utf8), "tabs.yaml", in: dir)
        try Self.write(Array((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8), "deep.yaml", in: dir)
        try Self.write(Array((String(repeating: "- ", count: 5_000) + "x\n").utf8), "deep-block.yaml", in: dir)
        try Self.write([], "empty.yaml", in: dir)
        try Self.write([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00, 0xFF], "binary.yaml", in: dir)
        try Self.write(Array("ok: true\n".utf8), "good.yaml", in: dir)
        var bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...30 { bomb += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        try Self.write(Array(bomb.utf8), "bomb.yaml", in: dir)

        let r = try CLI.run(["lint", "--format", "json", "."], in: dir)
        #expect(r.status == 1)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let diags = json?["diagnostics"] as? [[String: Any]] ?? []
        func first(_ file: String) -> [String: Any]? { diags.first { $0["file"] as? String == "./\(file)" } }
        #expect(first("truncated.yaml")?["rule"] as? String == "yaml/syntax")
        #expect(first("truncated.yaml")?["line"] as? Int != nil)
        #expect(first("invalid-utf8.yaml")?["message"] as? String ?? "" != "")
        #expect((first("invalid-utf8.yaml")?["message"] as? String)?.contains("UTF-8") == true)
        #expect(first("tabs.yaml")?["line"] as? Int == 2)
        #expect((first("tabs.yaml")?["hint"] as? String)?.contains("tabs") == true)
        #expect(first("deep.yaml")?["rule"] as? String == "yaml/limit")
        #expect(first("deep-block.yaml")?["rule"] as? String == "yaml/limit")
        #expect(first("binary.yaml")?["rule"] as? String == "io/unreadable")
        #expect(first("bomb.yaml")?["rule"] as? String == "yaml/limit")
        #expect(first("empty.yaml") == nil)
        #expect(first("good.yaml") == nil)
        #expect((json?["summary"] as? [String: Any])?["files"] as? Int == 9)
    }

    @Test func oversizedFileIsRefusedQuickly() throws {
        let dir = try CLI.temporaryDirectory()
        let path = dir.appendingPathComponent("huge.yaml")
        try #require(FileManager.default.createFile(atPath: path.path, contents: nil))
        let handle = try FileHandle(forWritingTo: path)
        let chunk = Data(String(repeating: "key: value\n", count: 100_000).utf8)
        for _ in 0..<(200 << 20) / chunk.count + 1 { handle.write(chunk) }
        try handle.close()
        try Self.write(Array("a: 1\na: 2\n".utf8), "other.yaml", in: dir)
        let r = try CLI.run(["lint", "."], in: dir)
        try? FileManager.default.removeItem(at: path)
        #expect(r.status == 1)
        #expect(r.stdout.contains("./huge.yaml: error[io/unreadable]: file is 2"))
        #expect(r.stdout.contains("larger than the 64 MiB limit"))
        #expect(r.stdout.contains("./other.yaml:2:1: error[yaml/duplicate-key]"))
    }

    @Test func brokenSymlinkIsReported() throws {
        let dir = try CLI.temporaryDirectory()
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("gone.yaml").path, withDestinationPath: "/nonexistent/target.yaml")
        let r = try CLI.run(["lint", "."], in: dir)
        #expect(r.stdout.contains("./gone.yaml: error[io/unreadable]"))
    }

    /// A FIFO would block the run until something wrote to it. (Should the check regress, the
    /// watchdog opens the FIFO after 30 s, the read ends empty and the expectation fails.)
    @Test func fifoInADirectoryIsReportedNotRead() throws {
        let dir = try CLI.temporaryDirectory()
        let fifo = dir.appendingPathComponent("pipe.yaml").path
        #expect(mkfifo(fifo, 0o600) == 0)
        try Self.write(Array("a: 1\na: 2\n".utf8), "other.yaml", in: dir)
        let watchdog = Thread {
            Thread.sleep(forTimeInterval: 30)
            let fd = open(fifo, O_WRONLY | O_NONBLOCK)
            if fd >= 0 { close(fd) }
        }
        watchdog.start()
        let r = try CLI.run(["lint", "."], in: dir)
        watchdog.cancel()
        #expect(r.status == 1)
        #expect(r.stdout.contains("./pipe.yaml: error[io/unreadable]: not a regular file (a FIFO, socket or device); not read"))
        #expect(r.stdout.contains("./other.yaml:2:1: error[yaml/duplicate-key]"))
    }

    /// A symbolic link back up the tree: every file is linted once, by its first path.
    @Test func symlinkLoopIsEnteredOnce() throws {
        let dir = try CLI.temporaryDirectory()
        let sub = dir.appendingPathComponent("d")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try Self.write(Array("a: 1\na: 2\n".utf8), "x.yaml", in: sub)
        try FileManager.default.createSymbolicLink(atPath: sub.appendingPathComponent("up").path, withDestinationPath: "..")
        let r = try CLI.run(["lint", "--format", "json", "."], in: dir)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let diags = json?["diagnostics"] as? [[String: Any]] ?? []
        #expect(diags.map { $0["file"] as? String } == ["./d/x.yaml"])
        #expect((json?["summary"] as? [String: Any])?["files"] as? Int == 1)
    }

    /// Discovery reads entry types from the directory: regular files, links to files and
    /// nested directories are all found, in path order; other extensions and dot-files are not.
    @Test func discoveryFindsFilesLinksAndSubdirectoriesInOrder() throws {
        let dir = try CLI.temporaryDirectory()
        let sub = dir.appendingPathComponent("b")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        for (name, inDir) in [("c.yaml", dir), ("a.yml", dir), ("z.json", sub), ("notes.txt", dir), (".hidden.yaml", dir)] {
            try Self.write(Array("k: 1\nk: 2\n".utf8), name, in: inDir)
        }
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("link.yaml").path, withDestinationPath: "c.yaml")
        let r = try CLI.run(["lint", "--format", "json", "."], in: dir)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let files = (json?["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["file"] as? String }
        #expect(files == ["./a.yml", "./b/z.json", "./c.yaml", "./link.yaml"])
    }

    @Test(.enabled(if: getuid() != 0, "root can read files without permission bits"))
    func unreadableFileIsReported() throws {
        let dir = try CLI.temporaryDirectory()
        let path = dir.appendingPathComponent("secret.yaml")
        try "a: 1\n".write(to: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: path.path)
        let r = try CLI.run(["lint", "."], in: dir)
        #expect(r.stdout.contains("./secret.yaml: error[io/unreadable]"))
    }
}
