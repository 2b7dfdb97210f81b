/// How a comparison runs.
public struct DiffOptions: Sendable {
    /// Changes whose path (or an ancestor of it) matches one of these are dropped.
    public var ignore: [IgnorePattern]
    /// Compare `expr` fields as PromQL after parsing (a reformatted expression is no change).
    public var normalisePromQL: Bool
    /// Parse strings that hold YAML or JSON documents (ConfigMap values) and compare them
    /// structurally.
    public var parseEmbedded: Bool
    /// Deepest nesting compared structurally; deeper subtrees are compared as a whole.
    public var maxDepth: Int
    /// Most differing lines a line comparison works through before it reports the rest of the
    /// text as replaced.
    public var maxLineEdits: Int
    /// Unchanged lines shown around each change of a line comparison.
    public var contextLines: Int
    /// Names of the two sides, for headers (`staging`, `production`, or the paths given).
    public var oldLabel: String
    public var newLabel: String

    public init(ignore: [IgnorePattern] = [], normalisePromQL: Bool = true, parseEmbedded: Bool = true, maxDepth: Int = 200,
                maxLineEdits: Int = 2_000, contextLines: Int = 2, oldLabel: String = "old", newLabel: String = "new") {
        self.ignore = ignore
        self.normalisePromQL = normalisePromQL
        self.parseEmbedded = parseEmbedded
        self.maxDepth = maxDepth
        self.maxLineEdits = maxLineEdits
        self.contextLines = contextLines
        self.oldLabel = oldLabel
        self.newLabel = newLabel
    }
}
