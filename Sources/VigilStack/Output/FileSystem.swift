#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A step of an atomic file write, where tests can inject a failure.
enum WriteStage: Sendable, Equatable {
    case createTemporary, writeBytes, sync, rename
}

/// Test-only seam: returns an `errno` to make `stage` of writing `path` (relative) fail.
/// For `.writeBytes` the failure happens after half the bytes reached the temporary file.
struct FaultInjection: Sendable {
    var fail: @Sendable (_ path: String, _ stage: WriteStage) -> Int32?
    static let none = FaultInjection { _, _ in nil }
}

/// An `errno` value as an `Error`.
struct SystemErrno: Error, Equatable {
    var value: Int32
    init(_ value: Int32) { self.value = value }
}

/// What `lstat` sees at a path (symlinks not followed).
enum EntryKind: Equatable {
    case missing, file, folder, symlink, other
}

/// Thin POSIX layer: every call reports failures as `OutputError` with the display path.
enum FileSystem {
    static func kind(_ path: String) -> EntryKind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        case S_IFLNK: return .symlink
        default: return .other
        }
    }

    /// The canonical absolute path (all symlinks resolved), or nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Whether canonical `path` is `root` or below it.
    static func isInside(_ path: String, root: String) -> Bool {
        if root == "/" { return true }
        return path == root || path.hasPrefix(root + "/")
    }

    static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    static func error(_ code: Int32, path: String, operation: String) -> OutputError {
        switch code {
        case EACCES, EPERM, EROFS: return .permissionDenied(path: path, operation: operation)
        case EISDIR: return .folderInTheWay(path: path)
        default: return .io(path: path, operation: operation, reason: reason(code))
        }
    }

    /// Reads a regular file without following a final symlink; nil when it is not one.
    static func readFile(_ path: String) -> Result<[UInt8], SystemErrno> {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return .failure(SystemErrno(errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(SystemErrno(errno)) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .failure(SystemErrno(EISDIR)) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size))
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(SystemErrno(errno))
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return .success(bytes)
    }

    static func makeFolder(_ path: String, display: String) throws(OutputError) {
        if mkdir(path, 0o755) != 0 {
            let code = errno
            if code == EEXIST, kind(path) == .folder { return }
            if code == EEXIST || code == ENOTDIR { throw .fileInTheWay(path: display) }
            throw error(code, path: display, operation: "create folder")
        }
    }

    /// Writes `bytes` to `folder/name` atomically: a temporary file in `folder`, fsync, rename.
    /// On any failure the temporary file is removed and the old file is left as it was.
    static func writeAtomically(
        _ bytes: [UInt8], folder: String, name: String, mode: mode_t,
        relative: String, display: String, faults: FaultInjection
    ) throws(OutputError) {
        var fd: Int32 = -1
        var temporary = ""
        for attempt in 0..<100 {
            temporary = folder + "/." + name + ".vigil-tmp-\(getpid())-\(attempt)"
            if let injected = faults.fail(relative, .createTemporary) {
                throw error(injected, path: display, operation: "create a temporary file for")
            }
            fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
            if fd >= 0 { break }
            if errno != EEXIST {
                throw error(errno, path: display, operation: "create a temporary file for")
            }
        }
        guard fd >= 0 else {
            throw .io(path: display, operation: "create a temporary file for", reason: "too many leftover temporary files")
        }
        func abandon(_ code: Int32, _ operation: String) -> OutputError {
            close(fd)
            unlink(temporary)
            return error(code, path: display, operation: operation)
        }
        // An explicit mode makes the result independent of the umask.
        if fchmod(fd, mode) != 0 { throw abandon(errno, "set permissions of") }
        var offset = 0
        let injectedWrite = faults.fail(relative, .writeBytes)
        let limit = injectedWrite == nil ? bytes.count : bytes.count / 2
        while offset < limit {
            let written = bytes.withUnsafeBytes { buffer in
                write(fd, buffer.baseAddress.map { $0 + offset }, limit - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw abandon(errno, "write")
            }
            offset += written
        }
        if let injectedWrite { throw abandon(injectedWrite, "write") }
        if let injected = faults.fail(relative, .sync) { throw abandon(injected, "sync") }
        if fsync(fd) != 0 { throw abandon(errno, "sync") }
        if close(fd) != 0 {
            let code = errno
            unlink(temporary)
            throw error(code, path: display, operation: "write")
        }
        let code = faults.fail(relative, .rename) ?? (rename(temporary, folder + "/" + name) == 0 ? nil : errno)
        if let code {
            unlink(temporary)
            throw error(code, path: display, operation: "replace")
        }
    }

    /// Makes renames in `folder` durable. Best effort: some file systems refuse it.
    static func syncFolder(_ folder: String) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    /// The permission bits of an existing regular file, to keep them when replacing it.
    static func mode(_ path: String) -> mode_t? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return info.st_mode & 0o7777
    }

    /// Removes a file; returns the errno on failure.
    static func remove(_ path: String) -> Int32? {
        unlink(path) == 0 ? nil : errno
    }

    /// Removes an empty folder; returns the errno on failure (ENOTEMPTY when something is left).
    static func removeFolder(_ path: String) -> Int32? {
        rmdir(path) == 0 ? nil : errno
    }
}
