import VigilCore

/// One difference between the old and the new side of a document.
///
/// Values are kept as nodes that have already passed through the `SecretPolicy`: a secret
/// never reaches a `Change`, only `<redacted>` and a note that it differs.
public struct Change: Sendable {
    /// What happened at `path`.
    public enum Kind: String, Sendable, CaseIterable {
        /// Present only on the new side.
        case added
        /// Present only on the old side.
        case removed
        /// Present on both sides with different values (scalars, or a type change).
        case changed
        /// A list item present on both sides whose position relative to the others changed.
        case moved
        /// Text that is not structured data (a Logstash pipeline) differs line by line.
        case text
    }

    public var kind: Kind
    public var path: DiffPath
    /// The old value (nil for `added`), redacted where secret.
    public var old: Node?
    /// The new value (nil for `removed`), redacted where secret.
    public var new: Node?
    /// For `moved`: the item's index on the old and the new side.
    public var oldIndex: Int?
    public var newIndex: Int?
    /// For `text`: the edit script, redacted line by line.
    public var lines: [LineEdit]
    /// Remarks: a secret differs, PromQL was compared canonically, a scalar changed type.
    public var notes: [String]
    /// Whether a value was replaced by `<redacted>`.
    public var isRedacted: Bool
    /// Where the change is in the new file (the old one for a removal).
    public var location: ChangeLocation?

    public init(kind: Kind, path: DiffPath, old: Node? = nil, new: Node? = nil, oldIndex: Int? = nil, newIndex: Int? = nil,
                lines: [LineEdit] = [], notes: [String] = [], isRedacted: Bool = false, location: ChangeLocation? = nil) {
        self.kind = kind
        self.path = path
        self.old = old
        self.new = new
        self.oldIndex = oldIndex
        self.newIndex = newIndex
        self.lines = lines
        self.notes = notes
        self.isRedacted = isRedacted
        self.location = location
    }
}

/// A position in an input file (the outermost one, also for embedded documents).
public struct ChangeLocation: Sendable, Hashable {
    public enum Side: String, Sendable { case old, new }
    public var side: Side
    public var file: String
    public var line: Int
    public var column: Int

    public init(side: Side, file: String, line: Int, column: Int) {
        self.side = side
        self.file = file
        self.line = line
        self.column = column
    }

    /// The location of a node of `file`, mapped out of embedded text; nil for in-memory nodes.
    static func of(_ node: Node, in file: SourceFile, side: Side) -> ChangeLocation? {
        let (outer, range) = file.resolve(node.range)
        guard let range, range.start.line > 0 else { return nil }
        return ChangeLocation(side: side, file: outer.path, line: range.start.line, column: range.start.column)
    }
}

/// One line of a line-based comparison.
public struct LineEdit: Sendable, Hashable {
    public enum Op: String, Sendable { case keep = " ", delete = "-", insert = "+" }
    public var op: Op
    public var text: String
    /// 1-based line on the old side (keep, delete) and the new side (keep, insert).
    public var oldLine: Int?
    public var newLine: Int?

    public init(op: Op, text: String, oldLine: Int?, newLine: Int?) {
        self.op = op
        self.text = text
        self.oldLine = oldLine
        self.newLine = newLine
    }
}
