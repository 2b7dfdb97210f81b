#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// How an output folder differs from a tree, for `vigil render --check`.
public struct CheckResult: Sendable, Equatable {
    /// A file whose bytes on disk differ from the rendered ones.
    public struct Stale: Sendable, Equatable {
        public var path: String
        /// A short unified diff of the first differing lines (secrets masked or withheld).
        public var diff: String
    }

    /// Rendered files that are not on disk (sorted).
    public var missing: [String] = []
    /// Files whose contents differ (sorted by path).
    public var stale: [Stale] = []
    /// Files an earlier render wrote (per the manifest) that the tree no longer has (sorted).
    public var extra: [String] = []
    /// Whether the manifest's file list differs from the tree's paths.
    public var manifestOutdated = false
    /// Reasons the comparison itself failed (invalid tree, unreadable file, escaping symlink).
    public var problems: [String] = []

    public init() {}

    /// True when a write would change nothing.
    public var isUpToDate: Bool {
        missing.isEmpty && stale.isEmpty && extra.isEmpty && !manifestOutdated && problems.isEmpty
    }

    /// A human-readable report: one line per finding, then the diffs.
    public var summary: String {
        if isUpToDate { return "output is up to date\n" }
        var text = ""
        for problem in problems { text += "error: \(problem)\n" }
        for path in missing { text += "missing: \(path)\n" }
        for file in stale { text += "stale: \(file.path)\n" }
        for path in extra { text += "extra: \(path) (rendered earlier, no longer produced)\n" }
        if manifestOutdated { text += "stale: \(OutputPath.manifestName)\n" }
        for file in stale { text += "\n" + file.diff }
        return text
    }
}

extension OutputWriter {
    /// Compares `tree` with what is in `dir` without writing anything.
    public func check(_ tree: RenderedTree, against dir: String) -> CheckResult {
        var result = CheckResult()
        do throws(OutputError) {
            try tree.validate()
        } catch {
            result.problems.append(error.description)
            return result
        }
        let paths = tree.sortedPaths
        guard FileSystem.kind(dir) != .missing else {
            result.missing = paths
            result.manifestOutdated = true
            return result
        }
        guard let root = FileSystem.realPath(dir), FileSystem.kind(root) == .folder else {
            result.problems.append(OutputError.outputIsNotAFolder(dir).description)
            return result
        }
        var manifest = Manifest()
        if case .success(let bytes) = FileSystem.readFile(root + "/" + OutputPath.manifestName) {
            manifest = Manifest(parsing: bytes)
        } else {
            result.manifestOutdated = true
        }
        if manifest.files != Set(paths) { result.manifestOutdated = true }
        for path in paths {
            let full = root + "/" + path
            let (folder, _) = OutputPath.split(path)
            if let realFolder = FileSystem.realPath(folder.isEmpty ? root : root + "/" + folder), !FileSystem.isInside(realFolder, root: root) {
                result.problems.append(OutputError.escapesOutput(path: display(dir, path), resolved: realFolder).description)
                continue
            }
            guard FileSystem.kind(full) != .missing else {
                result.missing.append(path)
                continue
            }
            let rendered = tree.files[path] ?? []
            switch FileSystem.readFile(full) {
            case .success(let current):
                if current == rendered { continue }
                let diff = Redaction.withholds(path: path, contents: [current, rendered])
                    ? "--- a/\(path)\n+++ b/\(path)\n(diff withheld: the file may contain secrets)\n"
                    : UnifiedDiff.diff(old: current, new: rendered, path: path, context: diffContext, maxLines: maxDiffLines)
                result.stale.append(.init(path: path, diff: diff))
            case .failure(let code):
                if code.value == ELOOP || code.value == EISDIR {
                    result.stale.append(.init(path: path, diff: "--- a/\(path)\n+++ b/\(path)\n(not a regular file on disk)\n"))
                } else {
                    result.problems.append(FileSystem.error(code.value, path: display(dir, path), operation: "read").description)
                }
            }
        }
        let treeSet = Set(paths)
        result.extra = manifest.files.subtracting(treeSet)
            .filter { FileSystem.kind(root + "/" + $0) == .file }
            .sorted(by: OutputPath.precedes)
        return result
    }
}
