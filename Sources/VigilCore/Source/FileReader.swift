import Foundation

/// Reads the files lint is given: one `open`, one `fstat` and reads straight into the bytes a
/// `SourceFile` keeps (Foundation's `FileHandle.readToEnd` grows a `Data` that is then copied).
enum FileReader {
    static func read(_ path: String, limits: FileLimits) -> Result<SourceFile, FileReadError> {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            guard data.count <= limits.maxFileSize else {
                return .failure(FileReadError(path: path, message: "standard input is larger than the \(limits.maxFileSize >> 20) MiB limit"))
            }
            return .success(SourceFile(path: "-", bytes: [UInt8](data)))
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(FileReadError(path: path, message: message(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(FileReadError(path: path, message: message(errno))) }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            return .failure(FileReadError(path: path, message: "is a directory"))
        }
        let size = Int(info.st_size)
        if size > limits.maxFileSize {
            return .failure(tooLarge(path, size, limits))
        }
        switch readAll(fd, expected: size, limit: limits.maxFileSize) {
        case .success(let bytes): return .success(SourceFile(path: path, bytes: bytes))
        case .failure(.tooLarge(let read)): return .failure(tooLarge(path, read, limits))
        case .failure(.system(let code)): return .failure(FileReadError(path: path, message: "cannot read file: \(String(cString: strerror(code)))"))
        }
    }

    private enum ReadFailure: Error {
        case tooLarge(Int)
        case system(Int32)
    }

    /// Everything `fd` holds: a regular file's `expected` bytes in one read into one buffer
    /// (asking one byte more tells that it ended where `stat` said); more, or any amount for
    /// pipes and files whose size `stat` does not know, in growing pieces, refused past `limit`.
    private static func readAll(_ fd: Int32, expected: Int, limit: Int) -> Result<[UInt8], ReadFailure> {
        var bytes: [UInt8] = []
        // A file whose size stat knows is read into a buffer of that size (and the one byte
        // more): 64 KiB for every small manifest spread a directory's files over five times
        // the memory they need. Pipes and procfs files (size 0) start at 64 KiB.
        var piece = expected > 0 ? expected + 1 : 64 << 10
        while true {
            let want = min(piece, limit + 1 - bytes.count)
            var failure: Int32 = 0
            var atEnd = false
            let read = [UInt8](unsafeUninitializedCapacity: want) { buffer, count in
                count = 0
                guard let base = buffer.baseAddress else { return }
                while count < want {
                    let n = Glibc.read(fd, base + count, want - count)
                    if n < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        return
                    }
                    if n == 0 {
                        atEnd = true
                        return
                    }
                    count += n
                }
            }
            if bytes.isEmpty { bytes = read } else { bytes += read }
            if failure != 0 { return .failure(.system(failure)) }
            if bytes.count > limit { return .failure(.tooLarge(bytes.count)) }
            if atEnd { return .success(bytes) }
            piece *= 2
        }
    }

    private static func tooLarge(_ path: String, _ size: Int, _ limits: FileLimits) -> FileReadError {
        FileReadError(path: path, message: "file is \(size >> 20) MiB, larger than the \(limits.maxFileSize >> 20) MiB limit; not linted")
    }

    private static func message(_ code: Int32) -> String {
        switch code {
        case ENOENT, ENOTDIR: return "no such file or directory"
        case EACCES, EPERM: return "cannot read file (permission denied)"
        default: return "cannot read file: \(String(cString: strerror(code)))"
        }
    }
}
