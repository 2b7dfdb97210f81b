/// Loads a long single-document file whose last top-level key holds a block sequence (a rule
/// file's `groups:`, a `kind: List`'s `items:`) in parts cut before that sequence's entries.
///
/// An entry line (`  - name: …` at the sequence's indentation) cannot continue any scalar or
/// collection nested in the entry before it: YAML ends those at a line indented this little. So
/// the first part is the document with the first entries, and every later part parses alone as
/// a sequence of whole entries, with the positions they have in the file. Where that reasoning
/// does not hold (a quoted scalar or a flow collection across the cut), a part fails to parse
/// and the file is loaded in one pass, as it is whenever any part reports anything.
enum SequenceSplitter {
    /// Where to cut: the parts, the top-level key that holds the sequence.
    struct Plan {
        let parts: [(bytes: Range<Int>, line: Int)]
        let key: String
    }

    static func split(_ file: SourceFile, limits: LoadLimits, into count: Int) -> Plan? {
        guard count > 1 else { return nil }
        let bytes = file.bytes
        let starts = file.lineStarts
        func lineEnd(_ line: Int) -> Int { line + 1 < starts.count ? starts[line + 1] : bytes.count }
        func isBlank(_ line: Int) -> Bool {
            var i = starts[line]
            let end = lineEnd(line)
            while i < end, bytes[i] == 0x20 { i += 1 }
            return i == end || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x23
        }
        // The last line that starts a top-level key; no directives, markers or over-long lines.
        var keyLine: Int?
        for (line, start) in starts.enumerated() where start < bytes.count {
            if lineEnd(line) - start > limits.maxLineBytes { return nil }
            let c = bytes[start]
            if c == UInt8(ascii: "%") || (line > 0 && StreamSplitter.isDocumentStart(bytes, at: start)) || isDocumentEnd(bytes, at: start) { return nil }
            if c != 0x20, c != 0x09, c != 0x0A, c != 0x0D, c != 0x23, c != UInt8(ascii: "-") { keyLine = line }
        }
        guard let keyLine, let key = blockKey(bytes, from: starts[keyLine], to: lineEnd(keyLine)) else { return nil }
        // The sequence's first entry fixes its indentation.
        var first = keyLine + 1
        while first < starts.count, starts[first] < bytes.count, isBlank(first) { first += 1 }
        guard first < starts.count, let indent = entryIndent(bytes, at: starts[first], end: lineEnd(first)) else { return nil }
        let target = bytes.count / count
        var parts: [(bytes: Range<Int>, line: Int)] = []
        var partStart = 0
        var partLine = 0
        for line in (first + 1)..<starts.count {
            let start = starts[line]
            guard start - partStart >= target, parts.count < count - 1, start < bytes.count,
                  entryIndent(bytes, at: start, end: lineEnd(line)) == indent else { continue }
            parts.append((partStart..<start, partLine))
            partStart = start
            partLine = line
        }
        guard !parts.isEmpty else { return nil }
        parts.append((partStart..<bytes.count, partLine))
        return Plan(parts: parts, key: key)
    }

    /// The document from its parts: the first holds the top-level mapping with the first
    /// entries, the others one sequence each; nil when any part is not what the cut expects.
    static func load(_ file: SourceFile, _ plan: Plan, limits: LoadLimits) -> LoadResult? {
        guard let builders = StreamSplitter.parse(file, plan.parts, limits: limits),
              let head = builders.first, head.documents.count == 1, let root = head.documents.first?.root,
              let mapping = root.mapping, let last = mapping.pairs.last, last.key.scalarText == plan.key,
              let firstEntries = last.value.sequence else { return nil }
        var entries = firstEntries
        var end = last.value.range.end
        for (i, builder) in builders.enumerated().dropFirst() {
            guard builder.documents.count == 1, let part = builder.documents.first?.root,
                  let more = part.sequence, part.tag == nil, !entries.isEmpty else { return nil }
            // The part before ended at the cut; in the file, what ends there ends at this part's
            // first `-` (where the scanner closes the nested blocks).
            let cut = plan.parts[i].bytes.lowerBound
            let dash = file.position(atOffset: cut + (entryIndent(file.bytes, at: cut, end: plan.parts[i].bytes.upperBound) ?? 0))
            entries[entries.count - 1] = ending(entries[entries.count - 1], at: cut, movedTo: dash)
            entries += more
            end = part.range.end
        }
        let sequence = Node(.sequence(entries), tag: last.value.tag, range: SourceRange(start: last.value.range.start, end: end))
        let pairs = mapping.pairs.dropLast() + [Pair(key: last.key, value: sequence)]
        let whole = Node(.mapping(Mapping(Array(pairs))), tag: root.tag, range: SourceRange(start: root.range.start, end: end))
        return LoadResult(file: file, documents: [Document(file: file, root: whole, index: 0)], diagnostics: [])
    }

    /// `node` with its end, and the ends of its last nested collections, moved from offset
    /// `cut` to `position`. Scalars keep theirs: a block scalar ends at the start of the line
    /// that ends it, in the file as in the part.
    static func ending(_ node: Node, at cut: Int, movedTo position: SourcePosition) -> Node {
        guard node.range.end.offset == cut else { return node }
        let range = SourceRange(start: node.range.start, end: position)
        switch node.content {
        case .scalar:
            return node
        case .sequence(var items):
            if let lastItem = items.last { items[items.count - 1] = ending(lastItem, at: cut, movedTo: position) }
            return Node(.sequence(items), tag: node.tag, range: range)
        case .mapping(let m):
            var pairs = m.pairs
            if let lastPair = pairs.last {
                pairs[pairs.count - 1] = Pair(key: lastPair.key, value: ending(lastPair.value, at: cut, movedTo: position))
            }
            return Node(.mapping(Mapping(pairs)), tag: node.tag, range: range)
        }
    }

    /// `...` at the start of a line.
    static func isDocumentEnd(_ bytes: [UInt8], at i: Int) -> Bool {
        guard i + 3 <= bytes.count, bytes[i] == 0x2E, bytes[i + 1] == 0x2E, bytes[i + 2] == 0x2E else { return false }
        return i + 3 == bytes.count || [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i + 3])
    }

    /// The key of a line `key:` that opens a block value (nothing but a comment after the colon).
    static func blockKey(_ bytes: [UInt8], from start: Int, to end: Int) -> String? {
        var colon = start
        while colon < end, bytes[colon] != UInt8(ascii: ":") {
            // Quoted keys, flow collections and the rest take the one pass.
            let c = bytes[colon]
            guard c != 0x22, c != 0x27, c != 0x7B, c != 0x5B, c != 0x20, c != 0x09, c != 0x23 else { return nil }
            colon += 1
        }
        guard colon < end, colon > start else { return nil }
        var i = colon + 1
        while i < end, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
        guard i == end || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x23 else { return nil }
        return String(decoding: bytes[start..<colon], as: UTF8.self)
    }

    /// The indentation of a sequence entry line (`   - …`, `   -`), or nil for any other line.
    static func entryIndent(_ bytes: [UInt8], at start: Int, end: Int) -> Int? {
        var i = start
        while i < end, bytes[i] == 0x20 { i += 1 }
        guard i < end, bytes[i] == UInt8(ascii: "-") else { return nil }
        let next = i + 1 < end ? bytes[i + 1] : 0x0A
        guard next == 0x20 || next == 0x0A || next == 0x0D || next == 0x09 else { return nil }
        return i - start
    }
}
