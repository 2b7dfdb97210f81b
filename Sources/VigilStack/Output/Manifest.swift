/// The record of what vigil wrote into an output folder (`.vigil-rendered`).
///
/// One relative path a line, sorted bytewise, after a header comment. Folders vigil created
/// end with `/`; they are removed once empty and no longer needed. Lines that are not valid
/// relative paths are ignored, so a damaged manifest can never lead outside the folder.
struct Manifest: Equatable, Sendable {
    var files: Set<String> = []
    var folders: Set<String> = []

    static let header = """
        # Written by `vigil render`: the files vigil generated in this folder, one a line.
        # The next render replaces them and removes those it no longer produces; other files
        # are never touched. Folders vigil created end with "/". Do not edit.

        """

    init(files: Set<String> = [], folders: Set<String> = []) {
        self.files = files
        self.folders = folders
    }

    init(parsing bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("#") { continue }
            var entry = String(line)
            let isFolder = entry.hasSuffix("/")
            if isFolder { entry.removeLast() }
            guard OutputPath.problem(entry) == nil else { continue }
            if isFolder { folders.insert(entry) } else { files.insert(entry) }
        }
    }

    /// The exact bytes written: header, then sorted entries (folders with a trailing `/`).
    var bytes: [UInt8] {
        let entries = files.map { $0 } + folders.map { $0 + "/" }
        var text = Manifest.header
        for entry in entries.sorted(by: OutputPath.precedes) {
            text += entry + "\n"
        }
        return Array(text.utf8)
    }
}
