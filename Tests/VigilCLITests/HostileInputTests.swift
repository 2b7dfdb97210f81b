import Foundation
import Testing

/// The file-size limit holds for every command that reads a file, not only `lint`: a file over
/// 64 MiB is refused before it is read, with exit 2 and a message naming the limit.
@Suite("Hostile input: file size in every command")
struct HostileInputTests {
    /// A sparse file of 65 MiB: large on paper, nothing on disk.
    static func oversized(in dir: URL, name: String) throws -> String {
        let path = dir.appendingPathComponent(name).path
        try #require(FileManager.default.createFile(atPath: path, contents: Data("a: 1\n".utf8)))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 65 << 20)
        try handle.close()
        return name
    }

    @Test(arguments: [
        ["routes", "show", "alertmanager.yml"],
        ["routes", "test", "alertmanager.yml", "severity=critical"],
        ["cardinality", "vigil.yaml"],
        ["render", "vigil.yaml", "--env", "production", "--out", "out"],
    ])
    func oversizedInputIsRefused(args: [String]) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try Self.oversized(in: dir, name: args[args[0] == "routes" ? 2 : 1])
        let r = try CLI.run(args, in: dir)
        #expect(r.status == 2, "\(r.stdout)\(r.stderr)")
        #expect(r.stderr.contains("larger than the 64 MiB limit"), "\(r.stderr)")
    }
}
