import Foundation
import Glibc
import Vigil

/// Process-wide settings of the `vigil` executable (never of the library, whose callers own
/// their process).
enum ProcessTuning {
    /// glibc's `M_TOP_PAD`: how much more than asked a heap grows by.
    ///
    /// The threads that load and decode allocate from their own arenas, and glibc grows those a
    /// page at a time with `mprotect`, each call taking the address-space lock for writing while
    /// the other core's page faults wait for it (a third of a large lint's context switches).
    /// With 64 MiB of padding an arena is writable at once; untouched pages cost no memory.
    static let topPadBytes: Int32 = 64 << 20

    /// Applies the settings; before any worker thread allocates, so that every arena has them.
    static func apply() {
        // mallopt is not in the Glibc module's headers; dlsym finds it in every glibc.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        let topPad: Int32 = -2  // M_TOP_PAD in <malloc.h>
        _ = mallopt(topPad, topPadBytes)
    }
}

extension ProcessTuning {
    /// The inputs of a `vigil lint` command line, read before the arguments are parsed (so that
    /// a restart happens before anything else runs): the arguments after `lint` that are not
    /// options. An option's value that names a file is looked at too, which only decides the
    /// malloc setting. nil for other commands.
    static func lintInputs(_ arguments: [String]) -> [String]? {
        guard arguments.count > 2, arguments[1] == "lint" else { return nil }
        return arguments.dropFirst(2).filter { !$0.hasPrefix("-") || $0 == "-" }
    }

    /// Starts the process again with malloc on transparent huge pages when `HugePagePolicy`
    /// says a lint of `paths` gains from it. When the exec fails, the run goes on unchanged.
    static func useHugePages(forInputs paths: [String]) {
        let policy = HugePagePolicy(
            environment: ProcessInfo.processInfo.environment,
            transparentHugePages: try? String(contentsOfFile: "/sys/kernel/mm/transparent_hugepage/enabled", encoding: .utf8),
            secureMode: isSecureMode,
            regularFileSize: regularFileSize)
        guard let tunables = policy.tunables(forInputs: paths) else { return }
        // The environment as the process got it (the C `environ`, byte for byte and in order),
        // with GLIBC_TUNABLES replaced: ProcessInfo's dictionary would drop or mangle entries
        // that are not UTF-8.
        var envp: [UnsafeMutablePointer<CChar>?] = []
        var entry = environ
        while let e = entry.pointee {
            if strncmp(e, "GLIBC_TUNABLES=", 15) != 0 { envp.append(e) }
            entry += 1
        }
        let replaced = strdup("GLIBC_TUNABLES=\(tunables)")
        defer { free(replaced) }
        envp.append(replaced)
        envp.append(nil)
        _ = execve("/proc/self/exe", CommandLine.unsafeArgv, &envp)
    }

    /// The size of a regular file (0 for anything else, or when it cannot be read).
    private static func regularFileSize(_ path: String) -> Int {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return 0 }
        return Int(info.st_size)
    }

    /// Whether the process runs in glibc's secure mode (setuid and the like).
    private static var isSecureMode: Bool {
        typealias GetAuxval = @convention(c) (UInt) -> UInt
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "getauxval") else { return true }
        let atSecure: UInt = 23  // AT_SECURE in <elf.h>
        return unsafeBitCast(symbol, to: GetAuxval.self)(atSecure) != 0
    }
}
