import Foundation
import Testing
import VigilCore

/// `SourceFile.read`: regular files in one read, files whose size `stat` does not know, pipes,
/// and every way a read can fail.
@Suite struct FileReaderTests {
    static func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-reader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test(arguments: [0, 1, 4095, 4096, 65_537, 3 << 20])
    func regularFilesAreReadWhole(size: Int) throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("f.yaml").path
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 % 251) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let file = try SourceFile.read(path).get()
        #expect(file.bytes == bytes)
    }

    /// procfs reports size 0 for files that have content.
    @Test func filesWithoutAKnownSizeAreReadToTheirEnd() throws {
        let file = try SourceFile.read("/proc/self/status").get()
        #expect(String(decoding: file.bytes, as: UTF8.self).contains("Name:"))
    }

    @Test func aPipeIsReadToItsEndAndBoundedByTheLimit() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("pipe.yaml").path
        #expect(mkfifo(path, 0o600) == 0)
        let content = Array(repeating: UInt8(ascii: "a"), count: 300_000)
        let writer = Thread {
            let fd = open(path, O_WRONLY)
            content.withUnsafeBufferPointer { b in
                var at = 0
                while at < b.count {
                    let n = write(fd, b.baseAddress! + at, b.count - at)
                    if n <= 0 { break }
                    at += n
                }
            }
            close(fd)
        }
        writer.start()
        let read = try SourceFile.read(path).get()
        #expect(read.bytes.count == content.count)

        // The reader stops at the limit and closes its end: the writer's rest fails with EPIPE
        // (not the signal, which would end the test process).
        signal(SIGPIPE, SIG_IGN)
        let bounded = Thread {
            let fd = open(path, O_WRONLY)
            content.withUnsafeBufferPointer { b in _ = write(fd, b.baseAddress!, b.count) }
            close(fd)
        }
        bounded.start()
        guard case .failure(let error) = SourceFile.read(path, limits: FileLimits(maxFileSize: 100_000)) else {
            Issue.record("a pipe past the limit was read")
            return
        }
        #expect(error.message.contains("larger than the 0 MiB limit"))
    }

    @Test func failuresSayWhy() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        guard case .failure(let missing) = SourceFile.read(dir.appendingPathComponent("nope.yaml").path) else {
            Issue.record("a missing file was read")
            return
        }
        #expect(missing.message == "no such file or directory")
        guard case .failure(let directory) = SourceFile.read(dir.path) else {
            Issue.record("a directory was read")
            return
        }
        #expect(directory.message == "is a directory")
        guard case .failure(let notADirectory) = SourceFile.read("/etc/hostname/x.yaml") else {
            Issue.record("a path through a file was read")
            return
        }
        #expect(notADirectory.message == "no such file or directory")
    }
}
