import CFuzzDriver
import Dispatch
import Vigil

/// What every fuzz target shares: turning libFuzzer's buffer into a file, the invariants every
/// parser must keep, and a failure that libFuzzer records as a crash.
public enum Fuzz {
    /// The input as a source file named `path` (the name decides text kinds such as `.conf`).
    public static func file(_ data: UnsafePointer<UInt8>, _ size: Int, path: String) -> SourceFile {
        SourceFile(path: path, bytes: Array(UnsafeBufferPointer(start: data, count: size)))
    }

    /// The input as text (invalid UTF-8 repaired, as a reader of the file would see it).
    public static func text(_ data: UnsafePointer<UInt8>, _ size: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    }

    /// Stops with a message libFuzzer reports as a crash, with the input saved.
    public static func fail(_ message: String) -> Never {
        fatalError("fuzz invariant violated: \(message)")
    }

    /// Every diagnostic about `file` points inside it.
    public static func checkPositions(_ diagnostics: [Diagnostic], in file: SourceFile) {
        for d in diagnostics where d.file == file.path {
            guard let r = d.range else { continue }
            if r.start.line < 1 || r.start.line > max(1, file.lineCount) || r.start.offset > file.bytes.count || r.start.offset < 0 {
                fail("diagnostic outside the file (\(file.lineCount) lines, \(file.bytes.count) bytes): \(d.rule) at \(r.start): \(d.message)")
            }
        }
    }

    /// The whole `vigil lint` pipeline on one file: kind detection, decoding, every check, the
    /// text report. Positions must stay inside the file.
    public static func lint(_ file: SourceFile) {
        let result = linter.lintSynchronously(files: [file])
        checkPositions(result.diagnostics, in: file)
        _ = TextReporter(color: false).render(result)
    }

    /// Loads `file` and strictly decodes every document into `type`, then lints the file.
    public static func decodeAndLint<T: Decodable>(_ file: SourceFile, as type: T.Type) {
        let loaded = YAMLLoader.load(file)
        checkPositions(loaded.diagnostics, in: file)
        for document in loaded.documents {
            let (_, diagnostics) = StrictDecoder(file: file).decode(type, from: document.root)
            checkPositions(diagnostics, in: file)
        }
        lint(file)
    }

    /// Starts libFuzzer with the command line and the target's test function.
    public static func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>,
                            _ test: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt {
        var count = argc
        var arguments = argv
        return LLVMFuzzerRunDriver(&count, &arguments, test)
    }

    /// Runs async work to completion on the fuzzer's thread.
    public static func wait(_ body: @escaping @Sendable () async -> Void) {
        let done = DispatchSemaphore(value: 0)
        Task {
            await body()
            done.signal()
        }
        done.wait()
    }

    static let linter = Linter(registry: VigilRegistry.all)
}
