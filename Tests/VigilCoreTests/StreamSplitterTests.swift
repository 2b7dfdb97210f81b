import Testing
@testable import VigilCore

/// A long stream loaded in parts must be exactly the one-pass load: same documents, same nodes,
/// same positions, and, when anything is wrong, the one-pass diagnostics.
@Suite struct StreamSplitterTests {
    /// About `bytes` of documents with what could confuse a cut: `---` inside block scalars
    /// (indented, so not a marker), multi-byte text before positions, anchors, flow collections.
    static func stream(bytes: Int, bom: Bool = false, lineBreak: String = "\n") -> String {
        var out = bom ? "\u{FEFF}" : ""
        var i = 0
        while out.utf8.count < bytes {
            let doc = """
            # document \(i)
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: "cm-\(i)", labels: {ünïcode: "wert-\(i) ✓"}}
            data:
              base: &base {a: 1, b: [x, y]}
              copy: *base
              script: |
                echo start \(i)
                ---
                --- not a marker either
              note: >-
                folded text with “quotes” and
                a second line \(i)
            """
            out += (i == 0 ? "" : "---\n") + doc + "\n"
            i += 1
        }
        return lineBreak == "\n" ? out : out.replacingOccurrences(of: "\n", with: lineBreak)
    }

    func onePass(_ file: SourceFile) -> (documents: [Document], diagnostics: [Diagnostic]) {
        var builder = TreeBuilder(file: file, limits: .default)
        builder.run()
        return (builder.documents, builder.diagnostics)
    }

    /// Every node's kind, text, tag and range, depth first.
    func shape(_ node: Node, into out: inout [String]) {
        let r = node.range
        let at = "\(r.start.line):\(r.start.column)@\(r.start.offset)-\(r.end.line):\(r.end.column)@\(r.end.offset) \(node.tag ?? "")"
        switch node.content {
        case .scalar(let s): out.append("s \(s.text) \(s.style) \(at)")
        case .sequence(let items):
            out.append("q \(items.count) \(at)")
            for item in items { shape(item, into: &out) }
        case .mapping(let m):
            out.append("m \(m.count) \(at)")
            for p in m.pairs { shape(p.key, into: &out); shape(p.value, into: &out) }
        }
    }

    /// Where two shape lists first differ (the lists are too long to print whole), or nil.
    func firstDifference(_ a: [String], _ b: [String]) -> String? {
        for (i, (x, y)) in zip(a, b).enumerated() where x != y { return "#\(i): \(x) vs \(y)" }
        return a.count == b.count ? nil : "\(a.count) vs \(b.count) entries"
    }

    func shapes(_ documents: [Document]) -> [String] {
        var out: [String] = []
        for d in documents {
            out.append("doc \(d.index)")
            shape(d.root, into: &out)
        }
        return out
    }

    @Test(arguments: [(false, "\n"), (true, "\n"), (false, "\r\n")])
    func partsLoadExactlyAsOnePass(bom: Bool, lineBreak: String) {
        let file = SourceFile(path: "stream.yaml", text: Self.stream(bytes: 1_200_000, bom: bom, lineBreak: lineBreak))
        let parts = StreamSplitter.split(file, limits: .default, into: 4)
        #expect((parts?.count ?? 0) == 4, "the stream is cut")
        let parallel = StreamSplitter.loadInParts(file, limits: .default)
        #expect(parallel != nil, "a clean stream is taken from its parts")
        let reference = onePass(file)
        #expect(reference.diagnostics.isEmpty)
        #expect(reference.documents.count > 1000)
        let expected = shapes(reference.documents)
        #expect(firstDifference(shapes(parallel?.documents ?? []), expected) == nil)
        #expect(firstDifference(shapes(YAMLLoader.load(file).documents), expected) == nil)
    }

    @Test func aProblemInALaterPartGivesTheOnePassDiagnostics() {
        var text = Self.stream(bytes: 1_200_000)
        // A duplicate key near the end, and a syntax error after it: one pass stops there.
        let cut = text.index(text.startIndex, offsetBy: text.count * 9 / 10)
        let lineStart = text[cut...].firstIndex(of: "\n").map { text.index(after: $0) } ?? cut
        text.insert(contentsOf: "---\nkey: 1\nkey: 2\n---\n[unclosed\n", at: lineStart)
        let file = SourceFile(path: "stream.yaml", text: text)
        #expect(StreamSplitter.loadInParts(file, limits: .default) == nil, "a part with problems is not taken")
        let loaded = YAMLLoader.load(file)
        let reference = onePass(file)
        #expect(loaded.diagnostics.map(\.rule) == ["yaml/duplicate-key", "yaml/syntax"])
        #expect(loaded.diagnostics.map(\.message) == reference.diagnostics.map(\.message))
        #expect(loaded.diagnostics.map(\.range) == reference.diagnostics.map(\.range))
        #expect(firstDifference(shapes(loaded.documents), shapes(reference.documents)) == nil)
    }

    @Test func directivesAndSmallFilesAreLoadedInOnePass() {
        let withDirective = SourceFile(path: "d.yaml", text: "%YAML 1.1\n" + Self.stream(bytes: 1_200_000))
        #expect(StreamSplitter.split(withDirective, limits: .default, into: 4) == nil)
        let small = SourceFile(path: "s.yaml", text: Self.stream(bytes: 100_000))
        #expect(StreamSplitter.loadInParts(small, limits: .default) == nil)
        let oneDocument = SourceFile(path: "one.yaml", text: "items:\n" + String(repeating: "  - {a: 1, b: two}\n", count: 40_000))
        #expect(StreamSplitter.split(oneDocument, limits: .default, into: 4) == nil)
    }

    @Test func eachPartHasItsShareOfTheLimits() {
        let file = SourceFile(path: "stream.yaml", text: Self.stream(bytes: 1_200_000))
        let total = onePass(file).documents.count
        // The one pass accepts exactly `total` documents; a part may hold only its share of them.
        var limits = LoadLimits.default
        limits.maxDocuments = total
        #expect(StreamSplitter.loadInParts(file, limits: limits) == nil)
        #expect(YAMLLoader.load(file, limits: limits).documents.count == total)
        limits.maxDocuments = total - 1
        #expect(YAMLLoader.load(file, limits: limits).diagnostics.map(\.rule) == ["yaml/limit"])
    }
}
