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

    /// A rule file of about `bytes` with its groups at `indent` (0: an indentless sequence).
    static func ruleFile(bytes: Int, indent: Int, endsInBlock: Bool = false) -> String {
        let pad = String(repeating: " ", count: indent)
        var out = "# rules for ünïcode services\ngroups:\n"
        var g = 0
        while out.utf8.count < bytes {
            out += """
            \(pad)- name: group-\(g)   # a comment
            \(pad)  interval: 30s
            \(pad)  rules:
            \(pad)    - alert: High\(g)
            \(pad)      expr: |
            \(pad)        sum by (job) (rate(http_requests_total{code=~"5.."}[5m]))
            \(pad)          > \(g)
            \(pad)      labels: {severity: critical, team: "tëam-\(g)"}
            \(pad)      annotations:
            \(pad)        summary: '{{ $labels.job }} fails'
            \(pad)        description: >
            \(pad)          - not an entry, a folded line
            \(pad)          – with a dash ✓
            \(pad)    - record: job:requests:rate5m
            \(pad)      expr: sum by (job) (rate(http_requests_total[5m]))

            """
            // A group that ends in a block scalar: the scanner places its end differently.
            if endsInBlock { out += "\(pad)      labels:\n\(pad)        note: |\n\(pad)          ends in a block ✓\n" }
            g += 1
        }
        return out
    }

    @Test(arguments: [(2, false), (0, false), (4, false), (2, true), (0, true)])
    func aLongSequenceLoadsExactlyAsOnePass(indent: Int, endsInBlock: Bool) {
        let file = SourceFile(path: "rules.yaml", text: Self.ruleFile(bytes: 1_200_000, indent: indent, endsInBlock: endsInBlock))
        let plan = SequenceSplitter.split(file, limits: .default, into: 4)
        #expect(plan?.parts.count == 4, "the groups are cut")
        #expect(plan?.key == "groups")
        let parallel = StreamSplitter.loadInParts(file, limits: .default)
        #expect(parallel != nil, "a clean file is taken from its parts")
        let reference = onePass(file)
        #expect(reference.diagnostics.isEmpty)
        #expect(reference.documents.count == 1)
        #expect((reference.documents.first?.root.mapping?["groups"]?.sequence?.count ?? 0) > 1000)
        #expect(firstDifference(shapes(parallel?.documents ?? []), shapes(reference.documents)) == nil)
    }

    @Test func aQuotedScalarAcrossACutIsLoadedInOnePass() {
        // libyaml continues a double-quoted scalar on a line indented like an entry: a cut there
        // leaves an unterminated scalar in the part before it, so the one pass decides.
        var text = Self.ruleFile(bytes: 600_000, indent: 2)
        text += "  - name: quoted\n    rules:\n      - alert: Q\n        expr: up == 0\n        annotations:\n          summary: \"first line\n"
        for i in 0..<4000 { text += "  - continued \(i)\n" }
        text += "          end\"\n"
        text += Self.ruleFile(bytes: 600_000, indent: 2).replacingOccurrences(of: "# rules for ünïcode services\ngroups:\n", with: "")
        let file = SourceFile(path: "rules.yaml", text: text)
        let reference = onePass(file)
        let loaded = YAMLLoader.load(file)
        #expect(loaded.diagnostics.map(\.message) == reference.diagnostics.map(\.message))
        #expect(firstDifference(shapes(loaded.documents), shapes(reference.documents)) == nil)
    }

    @Test func aKubernetesListIsCutAtItsItems() {
        var text = "apiVersion: v1\nkind: List\nmetadata: {}\nitems:\n"
        var i = 0
        while text.utf8.count < 1_200_000 {
            text += "- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: cm-\(i)}\n  data:\n    a: |\n      - line\n      -\n"
            i += 1
        }
        let file = SourceFile(path: "list.yaml", text: text)
        #expect(SequenceSplitter.split(file, limits: .default, into: 2)?.key == "items")
        let parallel = StreamSplitter.loadInParts(file, limits: .default)
        #expect(parallel != nil)
        #expect(firstDifference(shapes(parallel?.documents ?? []), shapes(onePass(file).documents)) == nil)
    }

    @Test func filesThatAreNotOneLongSequenceAreNotCut() {
        let trailingKey = SourceFile(path: "t.yaml", text: Self.ruleFile(bytes: 1_200_000, indent: 2) + "other: 1\n")
        let plan = SequenceSplitter.split(trailingKey, limits: .default, into: 4)
        #expect(plan == nil, "the last top-level key holds no sequence")
        let rootSequence = SourceFile(path: "s.yaml", text: String(repeating: "- {a: 1}\n", count: 150_000))
        #expect(SequenceSplitter.split(rootSequence, limits: .default, into: 4) == nil)
        let flow = SourceFile(path: "f.yaml", text: "groups: [\n" + String(repeating: "  - x,\n", count: 150_000) + "]\n")
        #expect(SequenceSplitter.split(flow, limits: .default, into: 4) == nil)
    }
}
