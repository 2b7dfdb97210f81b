#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a ``RenderedTree`` into an output folder safely, and compares one with it.
///
/// Guarantees: bytes are written exactly as given, each file atomically (temporary file in the
/// same folder, fsync, rename), only inside the folder (every parent's real path is checked, so
/// a symlink leading outside is refused), unchanged files are not touched, and only files listed
/// in the folder's manifest (`.vigil-rendered`) are ever deleted.
public struct OutputWriter: Sendable {
    /// Test seam for failures inside an atomic write.
    var faults: FaultInjection = .none

    /// Context lines and body-line limit of the diffs ``check(_:against:)`` shows.
    public var diffContext = 3
    public var maxDiffLines = 20

    public init() {}

    /// Writes `tree` into `dir` (created when missing) and returns what changed.
    public func write(_ tree: RenderedTree, to dir: String) throws(OutputError) -> WriteSummary {
        try tree.validate()
        let root = try prepareRoot(dir)
        let manifestPath = root + "/" + OutputPath.manifestName
        let old: Manifest
        switch FileSystem.kind(manifestPath) {
        case .missing: old = Manifest()
        case .file:
            switch FileSystem.readFile(manifestPath) {
            case .success(let bytes): old = Manifest(parsing: bytes)
            case .failure(let code): throw FileSystem.error(code.value, path: display(dir, OutputPath.manifestName), operation: "read")
            }
        default: throw .folderInTheWay(path: display(dir, OutputPath.manifestName))
        }
        let paths = tree.sortedPaths
        var needed = Set<String>()
        for path in paths { needed.formUnion(OutputPath.ancestors(of: path)) }

        // First record what this run is about to create, so a crash never leaves
        // a file vigil wrote unlisted (unlisted files are never deleted).
        var pending = old
        for folder in needed where FileSystem.kind(root + "/" + folder) == .missing { pending.folders.insert(folder) }
        for path in paths where FileSystem.kind(root + "/" + path) == .missing { pending.files.insert(path) }
        try writeManifest(pending, previous: old, root: root, dir: dir)

        var summary = WriteSummary()
        var ours = pending.folders
        var touchedFolders = Set<String>()
        for path in paths {
            let bytes = tree.files[path] ?? []
            let (folder, name) = OutputPath.split(path)
            let realFolder = try ensureFolder(folder, root: root, dir: dir, ours: &ours)
            let target = realFolder + "/" + name
            let shown = display(dir, path)
            switch FileSystem.kind(target) {
            case .missing:
                try FileSystem.writeAtomically(bytes, folder: realFolder, name: name, mode: 0o644, relative: path, display: shown, faults: faults)
                summary.created.append(path)
            case .file:
                if case .success(let current) = FileSystem.readFile(target), current == bytes {
                    summary.unchanged.append(path)
                    continue
                }
                try FileSystem.writeAtomically(bytes, folder: realFolder, name: name, mode: FileSystem.mode(target) ?? 0o644, relative: path, display: shown, faults: faults)
                summary.updated.append(path)
            case .symlink, .other:
                // rename replaces the link itself, never what it points to.
                try FileSystem.writeAtomically(bytes, folder: realFolder, name: name, mode: 0o644, relative: path, display: shown, faults: faults)
                summary.updated.append(path)
            case .folder:
                throw .folderInTheWay(path: shown)
            }
            touchedFolders.insert(realFolder)
        }

        // Remove what an earlier render wrote and this tree no longer has.
        let treeSet = Set(paths)
        for path in old.files.subtracting(treeSet).sorted(by: OutputPath.precedes) {
            let (folder, name) = OutputPath.split(path)
            guard let realFolder = FileSystem.realPath(folder.isEmpty ? root : root + "/" + folder) else { continue }
            guard FileSystem.isInside(realFolder, root: root) else {
                summary.kept.append("\(path): its folder leads outside the output folder")
                continue
            }
            let target = realFolder + "/" + name
            switch FileSystem.kind(target) {
            case .missing: continue
            case .file:
                if let code = FileSystem.remove(target) { throw FileSystem.error(code, path: display(dir, path), operation: "remove") }
                summary.removed.append(path)
                touchedFolders.insert(realFolder)
            default:
                summary.kept.append("\(path): no longer a regular file vigil wrote")
            }
        }
        var keptFolders = Set<String>()
        for folder in ours.subtracting(needed).sorted(by: { OutputPath.depth($0) > OutputPath.depth($1) || (OutputPath.depth($0) == OutputPath.depth($1) && OutputPath.precedes($0, $1)) }) {
            let full = root + "/" + folder
            guard FileSystem.kind(full) == .folder, let real = FileSystem.realPath(full), FileSystem.isInside(real, root: root) else { continue }
            if FileSystem.removeFolder(full) == nil {
                summary.removedFolders.append(folder)
            } else {
                keptFolders.insert(folder)  // something else lives there: keep it ours for later
            }
        }
        summary.removedFolders.sort(by: OutputPath.precedes)
        for folder in touchedFolders.sorted() { FileSystem.syncFolder(folder) }

        let final = Manifest(files: treeSet, folders: ours.intersection(needed).union(keptFolders))
        try writeManifest(final, previous: pending, root: root, dir: dir)
        return summary
    }

    // MARK: - Folders

    /// Creates `dir` when missing and returns its real path.
    private func prepareRoot(_ dir: String) throws(OutputError) -> String {
        guard !dir.isEmpty, !dir.utf8.contains(0) else { throw .invalidPath(dir, reason: "the output folder path is empty or contains NUL") }
        switch FileSystem.kind(dir) {
        case .folder: break
        case .missing:
            var prefix = dir.hasPrefix("/") ? "" : "."
            for component in dir.split(separator: "/") {
                prefix += "/" + component
                switch FileSystem.kind(prefix) {
                case .folder: continue
                case .symlink where FileSystem.realPath(prefix).map({ FileSystem.kind($0) == .folder }) == true: continue
                case .missing: try FileSystem.makeFolder(prefix, display: prefix)
                default: throw .fileInTheWay(path: prefix)
                }
            }
        case .symlink:
            guard let real = FileSystem.realPath(dir), FileSystem.kind(real) == .folder else { throw .outputIsNotAFolder(dir) }
        case .file, .other:
            throw .outputIsNotAFolder(dir)
        }
        guard let real = FileSystem.realPath(dir) else {
            throw .io(path: dir, operation: "resolve", reason: FileSystem.reason(errno))
        }
        return real
    }

    /// Creates the folders of `folder` under `root` as needed, refusing symlinks that escape;
    /// returns the real path of `folder`.
    private func ensureFolder(_ folder: String, root: String, dir: String, ours: inout Set<String>) throws(OutputError) -> String {
        guard !folder.isEmpty else { return root }
        var real = root
        var relative = ""
        for component in folder.split(separator: "/") {
            relative += (relative.isEmpty ? "" : "/") + component
            let next = real + "/" + component
            switch FileSystem.kind(next) {
            case .missing:
                try FileSystem.makeFolder(next, display: display(dir, relative))
                ours.insert(relative)
                real = next
            case .folder:
                real = next
            case .symlink:
                guard let resolved = FileSystem.realPath(next) else {
                    throw .escapesOutput(path: display(dir, relative), resolved: "a missing target")
                }
                guard FileSystem.isInside(resolved, root: root) else {
                    throw .escapesOutput(path: display(dir, relative), resolved: resolved)
                }
                guard FileSystem.kind(resolved) == .folder else { throw .fileInTheWay(path: display(dir, relative)) }
                real = resolved
            case .file, .other:
                throw .fileInTheWay(path: display(dir, relative))
            }
        }
        return real
    }

    private func writeManifest(_ manifest: Manifest, previous: Manifest, root: String, dir: String) throws(OutputError) {
        let path = root + "/" + OutputPath.manifestName
        let bytes = manifest.bytes
        if FileSystem.kind(path) == .file, case .success(let current) = FileSystem.readFile(path), current == bytes { return }
        try FileSystem.writeAtomically(bytes, folder: root, name: OutputPath.manifestName, mode: 0o644, relative: OutputPath.manifestName, display: display(dir, OutputPath.manifestName), faults: faults)
        FileSystem.syncFolder(root)
    }

    func display(_ dir: String, _ relative: String) -> String {
        dir.hasSuffix("/") ? dir + relative : dir + "/" + relative
    }
}
