/// The files one render produces, keyed by relative POSIX path (`prometheus/prometheus.yml`).
///
/// Bytes are written exactly as given. Paths are validated by ``validate()`` (and by every
/// ``OutputWriter`` entry point): relative, no `.` or `..` components, no empty components, no
/// NUL, not the manifest name, and no path that is both a file and a folder of another path.
public struct RenderedTree: Sendable, Equatable {
    /// File contents by relative path.
    public var files: [String: [UInt8]]

    /// Creates a tree from file contents by relative path.
    public init(files: [String: [UInt8]] = [:]) {
        self.files = files
    }

    /// The relative paths, sorted bytewise (the order everything is written and reported in).
    public var sortedPaths: [String] {
        files.keys.sorted(by: OutputPath.precedes)
    }

    /// Throws the first problem found in the tree's paths (in sorted path order).
    public func validate() throws(OutputError) {
        let paths = sortedPaths
        for path in paths {
            try OutputPath.validate(path)
        }
        let fileSet = Set(paths)
        for path in paths {
            for folder in OutputPath.ancestors(of: path) where fileSet.contains(folder) {
                throw .conflictingPaths(file: folder, inside: path)
            }
        }
    }
}

/// Relative-path rules shared by the tree, the manifest and the writer.
enum OutputPath {
    /// The manifest's file name at the top of the output folder.
    static let manifestName = ".vigil-rendered"

    /// Bytewise (UTF-8) order: stable across locales and platforms.
    static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// The reason `path` is not an acceptable relative path, or nil.
    static func problem(_ path: String) -> String? {
        if path.isEmpty { return "the path is empty" }
        if path.utf8.contains(0) { return "the path contains a NUL byte" }
        if path.hasPrefix("/") { return "absolute paths are not allowed; use a path relative to the output folder" }
        for component in path.split(separator: "/", omittingEmptySubsequences: false) {
            switch component {
            case "": return "the path has an empty component (a leading, trailing or doubled '/')"
            case ".": return "the path has a '.' component"
            case "..": return "the path has a '..' component and could leave the output folder"
            default: continue
            }
        }
        if path == manifestName { return "'\(manifestName)' is reserved for vigil's manifest" }
        return nil
    }

    static func validate(_ path: String) throws(OutputError) {
        if let reason = problem(path) {
            throw .invalidPath(path, reason: reason)
        }
    }

    /// The folders above `path`, outermost first: `a/b/c` gives `a`, `a/b`.
    static func ancestors(of path: String) -> [String] {
        let parts = path.split(separator: "/")
        guard parts.count > 1 else { return [] }
        return (1..<parts.count).map { parts[0..<$0].joined(separator: "/") }
    }

    /// The folder part of `path` ("" at the top) and the file name.
    static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        return (String(path[..<slash]), String(path[path.index(after: slash)...]))
    }

    /// Depth in components, for removing deepest folders first.
    static func depth(_ path: String) -> Int {
        path.split(separator: "/").count
    }
}
