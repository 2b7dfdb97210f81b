import CYAML

/// Loads YAML (and JSON, YAML's flow subset) into positioned `Node` trees through libyaml's
/// event parser.
///
/// The tree is built iteratively from events, so nesting depth costs no stack; depth, alias
/// expansion and document count are bounded by `LoadLimits`. Aliases share the anchored node.
/// Merge keys (`<<`) are resolved; duplicate keys are reported and the last value wins.
public enum YAMLLoader {
    /// Loads every document of `file`.
    ///
    /// A long multi-document stream is split at its `---` lines and the parts are parsed on
    /// all cores; when any part has a problem, the whole file is loaded again in one pass, so
    /// that diagnostics, limits and positions are exactly those of the one-pass load.
    public static func load(_ file: SourceFile, limits: LoadLimits = .default) -> LoadResult {
        if let parallel = StreamSplitter.loadInParts(file, limits: limits) { return parallel }
        var builder = TreeBuilder(file: file, limits: limits)
        builder.run()
        return LoadResult(file: file, documents: builder.documents, diagnostics: builder.diagnostics)
    }

    /// Loads text from memory (tests, stdin, embedded configs).
    public static func load(text: String, path: String, limits: LoadLimits = .default) -> LoadResult {
        load(SourceFile(path: path, text: text), limits: limits)
    }
}

struct TreeBuilder {
    let file: SourceFile
    let limits: LoadLimits
    /// The bytes of `file` parsed: the whole file, or one part of a split stream.
    let part: Range<Int>
    /// The line of `file` at which `part` starts, counted from 0.
    let firstLine: Int
    var documents: [Document] = []
    var diagnostics: [Diagnostic] = []

    /// A collection being built. Its children so far are the end of `items` (or `pairs`) from
    /// `base` on: one scratch list for all open collections, copied out once at the end at the
    /// exact size, instead of an object per collection and a list that doubles as it grows.
    private struct Frame {
        let isMapping: Bool
        let base: Int
        var pendingKey: Node?
        let start: SourcePosition
        let tag: String?
        let anchor: String?
    }

    private var stack: [Frame] = []
    private var items: [Node] = []
    private var pairs: [Pair] = []
    private var anchors: [String: Node] = [:]
    private var root: Node?
    private(set) var nodesInFile = 0
    /// Mapping entries copied by merge keys, counted against `maxNodes` with `nodesInFile`.
    private var mergedEntries = 0
    private let hasBOM: Bool

    init(file: SourceFile, limits: LoadLimits, part: Range<Int>? = nil, firstLine: Int = 0) {
        self.file = file
        self.limits = limits
        self.part = part ?? 0..<file.bytes.count
        self.firstLine = firstLine
        self.hasBOM = file.bytes.count >= 3 && file.bytes[0] == 0xEF && file.bytes[1] == 0xBB && file.bytes[2] == 0xBF
    }

    /// The last position computed; libyaml's marks mostly move forward, so the next one is found
    /// from here (a long non-ASCII line would otherwise be scanned from its start for every node).
    private final class LastPosition {
        var position = SourcePosition(line: 0, column: 0, offset: 0)
    }
    private let last = LastPosition()

    private func position(_ mark: yaml_mark_t) -> SourcePosition {
        var column = Int(mark.column)
        if hasBOM && mark.line == 0 && firstLine == 0 { column += 1 }
        let p = file.position(line0: Int(mark.line) + firstLine, column0: column, after: last.position)
        last.position = p
        return p
    }

    private mutating func report(_ rule: String, _ message: String, at range: SourceRange?, hint: String? = nil, notes: [DiagnosticNote] = []) {
        diagnostics.append(Diagnostic(rule: rule, severity: .error, message: message, in: file, range: range, hint: hint, notes: notes))
    }

    mutating func run() {
        if part.isEmpty { return }
        // A part of a split stream: the splitter checked the lines of the whole file.
        guard part.count < file.bytes.count || withinLineLimit() else { return }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            report("yaml/syntax", "could not initialise the YAML parser", at: nil)
            return
        }
        defer { yaml_parser_delete(&parser) }
        file.bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            yaml_parser_set_input_string(&parser, base + part.lowerBound, part.count)
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    reportParserError(parser)
                    return
                }
                let type = event.type
                let keepGoing = handle(event)
                yaml_event_delete(&event)
                if !keepGoing || type == YAML_STREAM_END_EVENT { return }
            }
        }
    }

    /// False (with a diagnostic at the line) when a line is longer than `maxLineBytes`.
    private mutating func withinLineLimit() -> Bool {
        let starts = file.lineStarts
        for (i, start) in starts.enumerated() {
            let end = i + 1 < starts.count ? starts[i + 1] : file.bytes.count
            guard end - start > limits.maxLineBytes else { continue }
            report("yaml/limit", "line \(i + 1) is \(end - start) bytes long, more than \(limits.maxLineBytes) bytes on one line",
                   at: SourceRange(at: file.position(atOffset: start)),
                   hint: "Vigil refuses such files before parsing; write the file with line breaks (e.g. `jq .` for JSON).")
            return false
        }
        return true
    }

    private mutating func reportParserError(_ parser: yaml_parser_t) {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        var message = problem
        if let context = parser.context.map({ String(cString: $0) }) {
            message = "\(problem) \(context)"
        }
        let mark: yaml_mark_t
        switch parser.error {
        case YAML_READER_ERROR:
            let offset = Int(parser.problem_offset) + part.lowerBound
            let p = file.position(atOffset: offset)
            report("yaml/syntax", readerMessage(problem, value: parser.problem_value), at: SourceRange(at: p),
                   hint: "Vigil reads UTF-8 text; save the file as UTF-8 and remove binary content.")
            return
        default:
            mark = parser.problem_mark
        }
        let p = position(mark)
        var hint: String?
        if problem.contains("cannot start any token"), p.offset < file.bytes.count, file.bytes[p.offset] == 0x09 {
            hint = "YAML does not allow tabs for indentation; indent with spaces."
            message = "found a tab character where indentation is expected"
        } else if parser.context != nil {
            let cp = position(parser.context_mark)
            if cp != p { hint = "the construct started at line \(cp.line), column \(cp.column)" }
        }
        report("yaml/syntax", message, at: SourceRange(at: p), hint: hint)
    }

    private func readerMessage(_ problem: String, value: Int32) -> String {
        if problem.contains("control characters") || problem.contains("UTF-8") || problem.contains("octet") {
            return "not valid UTF-8 text: \(problem)"
        }
        return problem
    }

    private func cString(_ p: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let p else { return nil }
        return String(cString: p)
    }

    /// Handles one event; returns false to stop loading the file.
    private mutating func handle(_ event: yaml_event_t) -> Bool {
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            anchors = [:]
            root = nil
            stack = []
            items = []
            pairs = []
        case YAML_DOCUMENT_END_EVENT:
            // An empty document (a stray `---` at the end of a stream) carries nothing.
            if let root, !(root.scalar.map { $0.text.isEmpty && $0.style == .plain && root.tag == nil } ?? false) {
                if documents.count >= limits.maxDocuments {
                    report("yaml/limit", "more than \(limits.maxDocuments) documents in one stream", at: SourceRange(at: position(event.start_mark)))
                    return false
                }
                documents.append(Document(file: file, root: root, index: documents.count))
            }
            root = nil
        case YAML_SCALAR_EVENT:
            let s = event.data.scalar
            let text: String
            if let v = s.value {
                text = String(decoding: UnsafeBufferPointer(start: v, count: Int(s.length)), as: UTF8.self)
            } else {
                text = ""
            }
            let style: ScalarStyle
            switch s.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: style = .literal
            case YAML_FOLDED_SCALAR_STYLE: style = .folded
            default: style = .plain
            }
            var tag = cString(s.tag)
            if tag == "!" { tag = Tag.str }  // the non-specific tag on a scalar means string
            let node = Node(.scalar(Scalar(text, style: style)), tag: tag,
                            range: SourceRange(start: position(event.start_mark), end: position(event.end_mark)))
            guard countNode(node) else { return false }
            if let a = cString(s.anchor) { anchors[a] = node }
            return add(node)
        case YAML_ALIAS_EVENT:
            let name = cString(event.data.alias.anchor) ?? ""
            guard let target = anchors[name] else {
                report("yaml/syntax", "unknown anchor '\(name)' referenced", at: SourceRange(start: position(event.start_mark), end: position(event.end_mark)))
                return false
            }
            return add(target)
        case YAML_SEQUENCE_START_EVENT:
            let s = event.data.sequence_start
            guard stack.count < limits.maxDepth else { return tooDeep(event) }
            stack.append(Frame(isMapping: false, base: items.count, start: position(event.start_mark), tag: cString(s.tag), anchor: cString(s.anchor)))
        case YAML_MAPPING_START_EVENT:
            let s = event.data.mapping_start
            guard stack.count < limits.maxDepth else { return tooDeep(event) }
            stack.append(Frame(isMapping: true, base: pairs.count, start: position(event.start_mark), tag: cString(s.tag), anchor: cString(s.anchor)))
        case YAML_SEQUENCE_END_EVENT:
            guard let frame = stack.popLast(), !frame.isMapping else { return false }
            let children = Array(items[frame.base...])
            items.removeSubrange(frame.base...)
            let node = Node(.sequence(children), tag: frame.tag, range: SourceRange(start: frame.start, end: position(event.end_mark)))
            guard countNode(node) else { return false }
            if let anchor = frame.anchor { anchors[anchor] = node }
            guard withinExpansionLimit(node) else { return false }
            return add(node)
        case YAML_MAPPING_END_EVENT:
            guard let frame = stack.popLast(), frame.isMapping else { return false }
            let range = SourceRange(start: frame.start, end: position(event.end_mark))
            let children = Array(pairs[frame.base...])
            pairs.removeSubrange(frame.base...)
            guard let resolved = resolveMappingPairs(children, at: range) else { return false }
            let node = Node(.mapping(Mapping(resolved)), tag: frame.tag, range: range)
            guard countNode(node) else { return false }
            if let anchor = frame.anchor { anchors[anchor] = node }
            guard withinExpansionLimit(node) else { return false }
            return add(node)
        default:
            break
        }
        return true
    }

    private mutating func tooDeep(_ event: yaml_event_t) -> Bool {
        report("yaml/limit", "nesting deeper than \(limits.maxDepth) levels",
               at: SourceRange(at: position(event.start_mark)),
               hint: "Vigil refuses documents nested this deeply; no monitoring config needs it.")
        return false
    }

    /// Counts a node built from the text; false (with a diagnostic) past `maxNodes`.
    private mutating func countNode(_ node: Node) -> Bool {
        nodesInFile += 1
        guard nodesInFile + mergedEntries > limits.maxNodes else { return true }
        report("yaml/limit", "more than \(limits.maxNodes) nodes in one file",
               at: SourceRange(at: node.range.start),
               hint: "Vigil stops loading here; split the file into smaller ones.")
        return false
    }

    private mutating func withinExpansionLimit(_ node: Node) -> Bool {
        let limit = limits.maxExpandedNodes + limits.aliasExpansionFactor * nodesInFile
        if node.expandedSize > limit {
            report("yaml/limit", "aliases expand this document beyond \(limit) nodes",
                   at: SourceRange(at: node.range.start),
                   hint: "This looks like an alias bomb (\"billion laughs\"); Vigil stops expanding aliases at this bound.")
            return false
        }
        return true
    }

    /// Adds a finished node to the collection being built, or makes it the document root.
    private mutating func add(_ node: Node) -> Bool {
        guard let top = stack.indices.last else {
            root = node
            return true
        }
        if !stack[top].isMapping {
            items.append(node)
        } else if let key = stack[top].pendingKey {
            pairs.append(Pair(key: key, value: node))
            stack[top].pendingKey = nil
        } else {
            stack[top].pendingKey = node
        }
        return true
    }

    private mutating func resolveMappingPairs(_ pairs: [Pair], at range: SourceRange) -> [Pair]? {
        let hasMergeKey = pairs.contains { p in
            guard let s = p.key.scalar, s.style == .plain, s.text.utf8.count == 2 else { return false }
            return s.text == "<<"
        }
        if !hasMergeKey {
            reportDuplicates(pairs)
            return pairs
        }
        var explicit: [Pair] = []
        explicit.reserveCapacity(pairs.count)
        var merged: [Pair] = []
        var hasMerge = false
        var overLimit = false
        func merge(_ m: Mapping) {
            mergedEntries += m.pairs.count
            if nodesInFile + mergedEntries > limits.maxNodes { overLimit = true } else { merged.append(contentsOf: m.pairs) }
        }
        for p in pairs where !overLimit {
            if let s = p.key.scalar, s.text == "<<", s.style == .plain, p.key.tag == nil || p.key.tag == Tag.merge {
                hasMerge = true
                switch p.value.content {
                case .mapping(let m):
                    merge(m)
                case .sequence(let items):
                    for item in items where !overLimit {
                        if let m = item.mapping {
                            merge(m)
                        } else {
                            report("yaml/merge", "a merge key (<<) takes a mapping or a list of mappings", at: item.range)
                        }
                    }
                default:
                    report("yaml/merge", "a merge key (<<) takes a mapping or a list of mappings", at: p.value.range)
                }
            } else {
                explicit.append(p)
            }
        }
        if overLimit {
            report("yaml/limit", "merge keys (<<) copy more than \(limits.maxNodes) entries into one file",
                   at: SourceRange(at: range.start),
                   hint: "This looks like a merge-key bomb; Vigil stops loading here.")
            return nil
        }
        reportDuplicates(explicit)
        guard hasMerge else { return explicit }
        // Explicit keys win over merged ones; among merged mappings, the first wins.
        var seen = Set(explicit.compactMap { $0.key.scalarText })
        var result = explicit
        for p in merged {
            guard let k = p.key.scalarText else { result.append(p); continue }
            if seen.insert(k).inserted { result.append(p) }
        }
        return result
    }

    private mutating func reportDuplicates(_ pairs: [Pair]) {
        guard pairs.count > 1 else { return }
        if pairs.count <= 8 {
            for i in 1..<pairs.count {
                guard let k = pairs[i].key.scalarText else { continue }
                for j in 0..<i where pairs[j].key.scalarText == k {
                    duplicate(k, pairs[i].key, first: pairs[j].key)
                    break
                }
            }
            return
        }
        var firstByKey: [String: Node] = [:]
        firstByKey.reserveCapacity(pairs.count)
        for p in pairs {
            guard let k = p.key.scalarText else { continue }
            if let first = firstByKey[k] {
                duplicate(k, p.key, first: first)
            } else {
                firstByKey[k] = p.key
            }
        }
    }

    private mutating func duplicate(_ key: String, _ node: Node, first: Node) {
        report("yaml/duplicate-key", "mapping key \"\(key)\" already defined at line \(first.range.start.line)",
               at: node.range,
               hint: "Remove one of them; readers disagree on which value wins.",
               notes: [DiagnosticNote("first defined here", range: first.range)])
    }
}
