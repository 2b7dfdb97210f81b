/// One document of a YAML stream (or a whole JSON file), with the file it came from.
public struct Document: Sendable {
    public let file: SourceFile
    public let root: Node
    /// Position of the document in its stream, from 0.
    public let index: Int

    public init(file: SourceFile, root: Node, index: Int) {
        self.file = file
        self.root = root
        self.index = index
    }
}

/// Hard bounds on what a loaded file may make the tool do.
public struct LoadLimits: Sendable {
    /// Deepest nesting of collections accepted.
    public var maxDepth: Int
    /// Nodes a full expansion of aliases may reach, on top of `aliasExpansionFactor` per node
    /// actually in the file.
    public var maxExpandedNodes: Int
    public var aliasExpansionFactor: Int
    /// Documents accepted in one stream.
    public var maxDocuments: Int
    /// Nodes one file may hold: scalars and collections as written, plus the entries merge keys
    /// (`<<`) copy. Bounds the memory a large flat file (a 50 MB JSON array) or a chain of merges
    /// can take, which the alias limit alone does not.
    public var maxNodes: Int
    /// Bytes one line may hold. A flat file on one line (a 50 MB minified JSON array) is refused
    /// before parsing starts, instead of after parsing up to `maxNodes`.
    public var maxLineBytes: Int

    public init(maxDepth: Int = 500, maxExpandedNodes: Int = 1_000_000, aliasExpansionFactor: Int = 10, maxDocuments: Int = 100_000,
                maxNodes: Int = 4_000_000, maxLineBytes: Int = 16 << 20) {
        self.maxDepth = maxDepth
        self.maxExpandedNodes = maxExpandedNodes
        self.aliasExpansionFactor = aliasExpansionFactor
        self.maxDocuments = maxDocuments
        self.maxNodes = maxNodes
        self.maxLineBytes = maxLineBytes
    }

    public static let `default` = LoadLimits()
}

/// What loading a file produced: the documents that loaded and the problems found.
public struct LoadResult: Sendable {
    public let file: SourceFile
    public let documents: [Document]
    public let diagnostics: [Diagnostic]
}
