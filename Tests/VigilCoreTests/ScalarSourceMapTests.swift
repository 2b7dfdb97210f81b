import Testing
@testable import VigilCore

@Suite struct ScalarSourceMapTests {
    /// Every value byte that is not produced by an escape or folding maps to the same byte in
    /// the source.
    @Test(arguments: [
        "expr: rate(http_requests_total[5m]) > 0.5\n",
        "expr: 'it''s up == 0 and x'\n",
        "expr: \"sum by (job) (rate(x{a=\\\"b\\\"}[5m]))\\t> 1\"\n",
        "expr: |\n  sum(rate(a[5m]))\n    /\n  sum(rate(b[5m]))\n",
        "data:\n  prometheus.yml: |-\n    global:\n      scrape_interval: 15s\n\n    rule_files: [a.yml]\n",
        "expr: >\n  sum(rate(a[5m]))\n  / on(job)\n  sum(rate(b[5m]))\n",
        "expr: first line\n  continued here\n",
        "k: \"ünï \\u00e9 code\"\n",
    ])
    func valueBytesMapToEqualSourceBytes(text: String) throws {
        let file = SourceFile(path: "t.yaml", text: text)
        let r = YAMLLoader.load(file)
        let root = try #require(r.documents.first?.root)
        let node = try #require(findScalar(root))
        let map = ScalarSourceMap(node: node, file: file)
        let value = Array(try #require(node.scalarText).utf8)
        var mismatches = 0
        var checked = 0
        for (i, byte) in value.enumerated() where byte != 0x20 && byte != 0x0A && byte != 0x09 && byte != 0x22 && byte != 0x27 && byte < 0x80 {
            let s = map.sourceOffset(forValueOffset: i)
            checked += 1
            if s >= file.bytes.count || file.bytes[s] != byte { mismatches += 1 }
        }
        #expect(checked >= 4)
        #expect(mismatches == 0)
    }

    private func findScalar(_ node: Node) -> Node? {
        if let m = node.mapping, let last = m.pairs.last { return findScalar(last.value) }
        return node.scalar != nil ? node : nil
    }

    @Test func embeddedFilePositionsResolveToTheOuterFile() throws {
        let outer = SourceFile(path: "cm.yaml", text: "kind: ConfigMap\ndata:\n  prometheus.yml: |\n    global:\n      scrape_interval: 15s\n      bogus: [\n")
        let r = YAMLLoader.load(outer)
        let scalar = try #require(r.documents.first?.root["data"]?["prometheus.yml"])
        let inner = SourceFile(embeddedIn: outer, scalar: scalar)
        let innerResult = YAMLLoader.load(inner)
        let d = try #require(innerResult.diagnostics.first)
        #expect(d.file == "cm.yaml")
        #expect(d.range?.start.line == 7)
    }
}
