import Foundation

/// Expands directories into the files lint reads.
enum FileDiscovery {
    static let extensions: Set<String> = ["yaml", "yml", "json", "conf"]

    static func expand(_ path: String, configuration: LintConfiguration) -> (files: [String], diagnostics: [Diagnostic]) {
        if path == "-" { return (["-"], []) }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue else {
            return (configuration.excludes(path) ? [] : [path], [])
        }
        var files: [String] = []
        var diagnostics: [Diagnostic] = []
        var stack = [path]
        // Directories by device and inode: a symbolic link back up the tree is entered once,
        // not until the kernel refuses the path (which linted each file dozens of times).
        var visited: Set<FileIdentity> = []
        if let root = FileIdentity(path) { visited.insert(root) }
        while let dir = stack.popLast() {
            guard let entries = entries(of: dir) else {
                diagnostics.append(Diagnostic(rule: CoreRules.io.id, severity: .error, message: "cannot read directory", file: dir))
                continue
            }
            for (name, type) in entries {
                if name.hasPrefix(".") && !LintConfiguration.fileNames.contains(name) { continue }
                let full = dir.hasSuffix("/") ? dir + name : dir + "/" + name
                if configuration.excludes(full) { continue }
                let isConfig = name.contains(".") && name.split(separator: ".").last.map { extensions.contains($0.lowercased()) } == true
                // The directory entry's type spares a `stat` of every regular file (thousands in
                // a manifests tree); links, directories (for their identity) and unknown types
                // are looked at.
                if type == DT_REG {
                    if isConfig { files.append(full) }
                    continue
                }
                var info = stat()
                guard stat(full, &info) == 0 else {
                    // A dangling symbolic link to a config is worth a word; other entries are not ours.
                    if isConfig, (try? FileManager.default.destinationOfSymbolicLink(atPath: full)) != nil {
                        diagnostics.append(Diagnostic(rule: CoreRules.io.id, severity: .error, message: "broken symbolic link", file: full))
                    }
                    continue
                }
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    if visited.insert(FileIdentity(info)).inserted { stack.append(full) }
                case S_IFREG:
                    if isConfig { files.append(full) }
                default:
                    // A FIFO would block the run until something writes to it; sockets and
                    // devices are no config files either. Named on the command line, they are read.
                    if isConfig {
                        diagnostics.append(Diagnostic(rule: CoreRules.io.id, severity: .error,
                                                      message: "not a regular file (a FIFO, socket or device); not read", file: full))
                    }
                }
            }
        }
        return (files.sorted(), diagnostics)
    }

    /// The names in `dir` with their entry types (`DT_REG`, `DT_DIR`, `DT_LNK`, `DT_UNKNOWN`…),
    /// sorted by name; nil when the directory cannot be read.
    static func entries(of dir: String) -> [(name: String, type: UInt8)]? {
        guard let handle = opendir(dir) else { return nil }
        defer { closedir(handle) }
        var out: [(name: String, type: UInt8)] = []
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { p in
                p.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            out.append((name, entry.pointee.d_type))
        }
        return out.sorted { $0.name < $1.name }
    }
}

/// A file's device and inode, which tell whether two paths reach the same directory.
struct FileIdentity: Hashable {
    let device: UInt64
    let inode: UInt64

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }

    init?(_ path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }
}
