import Foundation

/// Loads a long multi-document YAML stream in parts, one per core or so, cut at lines that
/// start with `---`: YAML forbids such a line inside any scalar or collection, so every part is
/// a stream of whole documents and parses alone exactly as it does within the file.
///
/// Only clean loads are taken from the parts: when a part reports anything (a syntax error,
/// a duplicate key, a limit), or the file uses directives (`%YAML`, `%TAG`, which reach across
/// document markers), the caller loads the file in one pass instead. Each part gets its share
/// of the node and document limits, so splitting never holds more than the one pass would.
enum StreamSplitter {
    /// Files smaller than this are loaded in one pass.
    static let minimumBytes = 512 << 10
    /// Parts are at least this large.
    static let minimumPartBytes = 256 << 10

    /// The load of `file` from parts parsed concurrently, or nil when it must be loaded in one pass.
    static func loadInParts(_ file: SourceFile, limits: LoadLimits) -> LoadResult? {
        guard file.bytes.count >= minimumBytes else { return nil }
        let count = partCount(file)
        if let parts = split(file, limits: limits, into: count) {
            guard let builders = parse(file, parts, limits: limits) else { return nil }
            var documents: [Document] = []
            for builder in builders {
                for d in builder.documents { documents.append(Document(file: file, root: d.root, index: documents.count)) }
            }
            return LoadResult(file: file, documents: documents, diagnostics: [])
        }
        if let sequence = SequenceSplitter.split(file, limits: limits, into: count) {
            return SequenceSplitter.load(file, sequence, limits: limits)
        }
        return nil
    }

    /// The builders of `parts`, each parsed on its own core with its share of the limits; nil
    /// when any part reported anything.
    static func parse(_ file: SourceFile, _ parts: [(bytes: Range<Int>, line: Int)], limits: LoadLimits) -> [TreeBuilder]? {
        let builders = BuilderSlots(count: parts.count)
        DispatchQueue.concurrentPerform(iterations: parts.count) { i in
            let share = LoadLimits(maxDepth: limits.maxDepth, maxExpandedNodes: limits.maxExpandedNodes,
                                   aliasExpansionFactor: limits.aliasExpansionFactor,
                                   maxDocuments: limits.maxDocuments / parts.count,
                                   maxNodes: limits.maxNodes / parts.count, maxLineBytes: limits.maxLineBytes)
            var builder = TreeBuilder(file: file, limits: share, part: parts[i].bytes, firstLine: parts[i].line)
            builder.run()
            builders.store(builder, at: i)
        }
        var out: [TreeBuilder] = []
        for builder in builders.all() {
            guard let builder, builder.diagnostics.isEmpty else { return nil }
            out.append(builder)
        }
        return out
    }

    static func partCount(_ file: SourceFile) -> Int {
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        return max(1, min(cores, file.bytes.count / minimumPartBytes))
    }

    /// Byte ranges and first lines (from 0) of about `count` parts, cut before `---` lines;
    /// nil when the file cannot or need not be split.
    static func split(_ file: SourceFile, limits: LoadLimits, into count: Int) -> [(bytes: Range<Int>, line: Int)]? {
        guard count > 1 else { return nil }
        let bytes = file.bytes
        let starts = file.lineStarts
        var parts: [(bytes: Range<Int>, line: Int)] = []
        var partStart = 0
        var partLine = 0
        let target = bytes.count / count
        for (line, start) in starts.enumerated() {
            let end = line + 1 < starts.count ? starts[line + 1] : bytes.count
            // The one-pass load reports over-long lines; directives scope across `---`.
            if end - start > limits.maxLineBytes { return nil }
            guard start < bytes.count else { continue }
            if bytes[start] == UInt8(ascii: "%") { return nil }
            guard start - partStart >= target, parts.count < count - 1, isDocumentStart(bytes, at: start) else { continue }
            parts.append((partStart..<start, partLine))
            partStart = start
            partLine = line
        }
        guard !parts.isEmpty else { return nil }
        parts.append((partStart..<bytes.count, partLine))
        return parts
    }

    /// Whether the line at `i` is a document marker: `---` then a blank, a line break or the end.
    static func isDocumentStart(_ bytes: [UInt8], at i: Int) -> Bool {
        guard i + 3 <= bytes.count, bytes[i] == 0x2D, bytes[i + 1] == 0x2D, bytes[i + 2] == 0x2D else { return false }
        guard i + 3 < bytes.count else { return true }
        let next = bytes[i + 3]
        return next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0D
    }
}

/// The builders of the parts, each written by one iteration of `concurrentPerform`.
private final class BuilderSlots: @unchecked Sendable {
    private var slots: [TreeBuilder?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ builder: TreeBuilder, at i: Int) {
        lock.lock()
        slots[i] = builder
        lock.unlock()
    }

    func all() -> [TreeBuilder?] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}
