/// What ``OutputWriter/write(_:to:)`` did; every list is sorted bytewise.
public struct WriteSummary: Sendable, Equatable {
    /// Files that did not exist before.
    public var created: [String] = []
    /// Files whose bytes changed (including files vigil did not write before and now replaced).
    public var updated: [String] = []
    /// Files left untouched because their bytes were already right (mtime kept).
    public var unchanged: [String] = []
    /// Files from an earlier render that the tree no longer has, now deleted.
    public var removed: [String] = []
    /// Empty folders vigil had created and no longer needs, now deleted.
    public var removedFolders: [String] = []
    /// Earlier-render entries left in place, each with the reason (e.g. now a folder).
    public var kept: [String] = []

    public init() {}

    /// Whether anything on disk changed.
    public var changedAnything: Bool {
        !created.isEmpty || !updated.isEmpty || !removed.isEmpty || !removedFolders.isEmpty
    }
}

extension WriteSummary: CustomStringConvertible {
    /// One line: `3 created, 1 updated, 12 unchanged, 1 removed`.
    public var description: String {
        var parts: [String] = []
        if !created.isEmpty { parts.append("\(created.count) created") }
        if !updated.isEmpty { parts.append("\(updated.count) updated") }
        parts.append("\(unchanged.count) unchanged")
        if !removed.isEmpty { parts.append("\(removed.count) removed") }
        if !kept.isEmpty { parts.append("\(kept.count) kept (\(kept.joined(separator: "; ")))") }
        return parts.joined(separator: ", ")
    }
}
