import Foundation
import Testing
@testable import VigilCore

/// load → emit → load gives the same data, for YAML and JSON output, over a varied corpus.
@Suite struct RoundTripTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let inline: [String] = [
        "a: 1\nb: '1'\nc: \"true\"\nd: true\ne: ~\nf: ''\ng: 0755\nh: '0755'\ni: 1e3\nj: yes\nk: 'on'\n",
        "multi: |\n  line one\n    indented\n  line three\nfolded: >\n  a b\n  c\n\n  d\nkeep: |+\n  x\n\n",
        "unicode: ünïcödé 日本語 🚀\nquoted: \"tab\\there\\u00e9\"\nkey with spaces: v\n\"quoted key\": 2\n",
        "anchors:\n  base: &b {x: 1, y: [1, 2]}\n  use: *b\n  merged:\n    <<: *b\n    z: 3\n",
        "- a\n- [b, c]\n- {d: e}\n- - nested\n  - list\n- ''\n- '-'\n- ': x'\n- '# not a comment'\n- '@at'\n",
        "special: [null, Null, NULL, '~', 'null', .inf, -.inf, .nan, 0x1F, 0o17, +1, -0, 1_000, '1:20', 2001-12-14]\n",
        "---\na: 1\n---\n- b\n---\nc\n",
        "{\"json\": {\"nested\": [1, 2.5, \"three\", true, null, {\"k\": \"v\"}]}, \"empty\": {}, \"list\": []}\n",
        "trailing: 'space '\nleading: ' space'\ncolon: 'a: b'\nhash: 'a #b'\nnewline_only: \"\\n\"\ncr: \"a\\rb\"\n",
    ]

    static var corpus: [(String, String)] {
        var out = inline.enumerated().map { ("inline-\($0.offset).yaml", $0.element) }
        let dir = root.appendingPathComponent("examples")
        if let files = FileManager.default.enumerator(atPath: dir.path) {
            for case let f as String in files where f.hasSuffix(".yaml") || f.hasSuffix(".json") {
                if let text = try? String(contentsOf: dir.appendingPathComponent(f), encoding: .utf8) { out.append((f, text)) }
            }
        }
        return out.sorted { $0.0 < $1.0 }
    }

    @Test(arguments: corpus.map(\.0))
    func yamlRoundTripPreservesData(name: String) throws {
        let text = try #require(Self.corpus.first { $0.0 == name }?.1)
        let first = YAMLLoader.load(text: text, path: name)
        #expect(first.diagnostics.isEmpty, "\(first.diagnostics.map(\.message))")
        let emitted = try YAMLEmitter().emit(documents: first.documents.map(\.root))
        let second = YAMLLoader.load(text: emitted, path: "emitted.yaml")
        #expect(second.diagnostics.isEmpty, "emitted YAML does not load: \(second.diagnostics.map(\.message))\n\(emitted)")
        #expect(second.documents.count == first.documents.count)
        for (a, b) in zip(first.documents, second.documents) {
            #expect(NodeEquivalence.equal(a.root, b.root), "data changed in \(name):\n\(emitted)")
        }
        // Emitting again is a fixed point.
        #expect(try YAMLEmitter().emit(documents: second.documents.map(\.root)) == emitted)
    }

    @Test(arguments: corpus.map(\.0))
    func jsonRoundTripPreservesData(name: String) throws {
        let text = try #require(Self.corpus.first { $0.0 == name }?.1)
        for doc in YAMLLoader.load(text: text, path: name).documents {
            let json = try JSONEmitter().emit(doc.root)
            let back = YAMLLoader.load(text: json, path: "emitted.json")
            #expect(back.diagnostics.isEmpty)
            let root = try #require(back.documents.first?.root)
            // JSON has no non-finite numbers: those become strings, so compare only finite data.
            if !text.contains(".inf") && !text.contains(".nan") {
                #expect(NodeEquivalence.equal(doc.root, root), "data changed in \(name):\n\(json)")
            }
            // Foundation's JSON parser agrees that the output is JSON.
            #expect((try? JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed])) != nil)
        }
    }

    @Test func equivalenceSeesTypeDifferences() throws {
        let a = try #require(YAMLLoader.load(text: "p: 8080\n", path: "a").documents.first?.root)
        let b = try #require(YAMLLoader.load(text: "p: \"8080\"\n", path: "b").documents.first?.root)
        let c = try #require(YAMLLoader.load(text: "{\"p\": 8080}", path: "c").documents.first?.root)
        #expect(!NodeEquivalence.equal(a, b))
        #expect(NodeEquivalence.equal(a, c))
    }
}
