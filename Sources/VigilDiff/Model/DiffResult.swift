import VigilCore

/// The differences of one document: a Kubernetes object, or the n-th document of a file.
public struct DocumentDiff: Sendable {
    public enum Status: String, Sendable {
        case added, removed, modified
    }

    /// How the document was recognised on both sides.
    public var identity: DocumentIdentity
    public var status: Status
    /// When a Kubernetes object lives in another file on the old side: that file.
    public var movedFrom: String?
    public var changes: [Change]

    public init(identity: DocumentIdentity, status: Status, movedFrom: String? = nil, changes: [Change]) {
        self.identity = identity
        self.status = status
        self.movedFrom = movedFrom
        self.changes = changes
    }
}

/// The differences of one file pair.
public struct FileDiff: Sendable {
    public enum Status: String, Sendable {
        /// Only on the new side.
        case added
        /// Only on the old side.
        case removed
        /// On both sides, with differences.
        case modified
        /// Same content under another path.
        case renamed
    }

    /// The relative path (or the file name given) on each side; nil where the file is absent.
    public var oldPath: String?
    public var newPath: String?
    public var status: Status
    public var documents: [DocumentDiff]

    public init(oldPath: String?, newPath: String?, status: Status, documents: [DocumentDiff]) {
        self.oldPath = oldPath
        self.newPath = newPath
        self.status = status
        self.documents = documents
    }

    /// The path to show: the new one, else the old one.
    public var displayPath: String { newPath ?? oldPath ?? "-" }

    /// Changes per kind over all documents.
    public var counts: ChangeCounts {
        var c = ChangeCounts()
        for d in documents { for ch in d.changes { c.add(ch.kind) } }
        return c
    }
}

/// How many changes of each kind.
public struct ChangeCounts: Sendable, Hashable {
    public var added = 0, removed = 0, changed = 0, moved = 0, text = 0

    public init() {}

    public mutating func add(_ kind: Change.Kind) {
        switch kind {
        case .added: added += 1
        case .removed: removed += 1
        case .changed: changed += 1
        case .moved: moved += 1
        case .text: text += 1
        }
    }

    public var total: Int { added + removed + changed + moved + text }
}

/// Everything a comparison found, in a deterministic order (files by path, documents in the
/// order of the new side, then removed ones).
public struct DiffResult: Sendable {
    public var files: [FileDiff]
    /// Problems met while reading the inputs (unreadable files, YAML syntax errors).
    public var diagnostics: [Diagnostic]
    /// The names of the two sides, for headers (`staging`, `production`, or the paths given).
    public var oldLabel: String
    public var newLabel: String

    public init(files: [FileDiff], diagnostics: [Diagnostic] = [], oldLabel: String = "old", newLabel: String = "new") {
        self.files = files
        self.diagnostics = diagnostics
        self.oldLabel = oldLabel
        self.newLabel = newLabel
    }

    /// Whether the two sides differ.
    public var hasDifferences: Bool { !files.isEmpty }

    /// Whether an input could not be read or parsed (the diff is then incomplete).
    public var hasTrouble: Bool { diagnostics.contains { $0.severity == .error } }

    /// Changes per kind over all files.
    public var counts: ChangeCounts {
        var c = ChangeCounts()
        for f in files { for d in f.documents { for ch in d.changes { c.add(ch.kind) } } }
        return c
    }

    /// The exit status `vigil diff` uses: 0 same, 1 different, 2 trouble.
    public var exitCode: Int32 {
        if hasTrouble { return 2 }
        return hasDifferences ? 1 : 0
    }
}
