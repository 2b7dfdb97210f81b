import Testing
@testable import VigilCore

@Suite struct YAMLLoaderTests {
    @Test func loadsMappingsWithPositions() throws {
        let r = YAMLLoader.load(text: "a: 1\nlist:\n  - x\n  - {k: \"v\"}\n", path: "t.yaml")
        #expect(r.diagnostics.isEmpty)
        let root = try #require(r.documents.first?.root)
        #expect(root["a"]?.scalarText == "1")
        let list = try #require(root["list"]?.sequence)
        #expect(list.count == 2)
        #expect(list[0].range.start.line == 3)
        #expect(list[0].range.start.column == 5)
        #expect(list[1]["k"]?.scalar?.style == .doubleQuoted)
    }

    @Test func positionsCountCharactersNotBytes() throws {
        let r = YAMLLoader.load(text: "ünïcödé: x\nname: 日本語: y\n", path: "t.yaml")
        // Second line is invalid ("mapping values are not allowed here") after multi-byte text.
        let d = try #require(r.diagnostics.first)
        #expect(d.rule == "yaml/syntax")
        #expect(d.range?.start.line == 2)
        #expect(d.range?.start.column == 10)
        let text = "ünïcödé: x\n"
        let ok = YAMLLoader.load(text: text + "b: ö\n", path: "t.yaml")
        let b = try #require(ok.documents.first?.root["b"])
        #expect(b.range.start.column == 4)
        #expect(b.range.start.offset == text.utf8.count + 3)
    }

    @Test func multiDocumentStreams() {
        let r = YAMLLoader.load(text: "a: 1\n---\nb: 2\n---\n", path: "t.yaml")
        #expect(r.documents.count == 2)
        #expect(r.documents[1].root["b"]?.scalarText == "2")
        #expect(r.documents[1].index == 1)
    }

    @Test func aliasesAndMergeKeys() throws {
        let r = YAMLLoader.load(text: "base: &b {x: 1, y: 2}\nderived:\n  <<: *b\n  y: 3\n", path: "t.yaml")
        #expect(r.diagnostics.isEmpty)
        let d = try #require(r.documents.first?.root["derived"])
        #expect(d["x"]?.scalarText == "1")
        #expect(d["y"]?.scalarText == "3")
        #expect(d.mapping?.keys == ["y", "x"])
    }

    @Test func duplicateKeysAreReportedNotFatal() throws {
        let r = YAMLLoader.load(text: "a: 1\nb: 2\na: 3\n", path: "t.yaml")
        let d = try #require(r.diagnostics.first)
        #expect(d.rule == "yaml/duplicate-key")
        #expect(d.range?.start.line == 3)
        #expect(r.documents.first?.root["a"]?.scalarText == "3")
    }

    @Test func billionLaughsIsStoppedAtTheExpansionBound() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...12 {
            text += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let r = YAMLLoader.load(text: text, path: "bomb.yaml")
        // The bound is checked as each collection closes, so loading stops at the first one past it.
        #expect(r.diagnostics.contains { $0.rule == "yaml/limit" && $0.message.contains("aliases expand this document beyond") })
        #expect(r.documents.isEmpty)
    }

    @Test func deepNestingIsBounded() {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let r = YAMLLoader.load(text: text, path: "deep.yaml")
        #expect(r.diagnostics.first?.rule == "yaml/limit")
        #expect(r.documents.isEmpty)
    }

    @Test(arguments: [
        ("a: [1, 2\n", "yaml/syntax", 2),
        ("a:\n\t- b\n", "yaml/syntax", 2),
        ("a: \"unterminated\n", "yaml/syntax", 2),
        ("key: value\n  bad: indent\n", "yaml/syntax", 2),
    ])
    func malformedInputGetsPositionedDiagnostic(text: String, rule: String, line: Int) throws {
        let r = YAMLLoader.load(text: text, path: "bad.yaml")
        let d = try #require(r.diagnostics.first)
        #expect(d.rule == rule)
        #expect(d.range?.start.line == line)
    }

    @Test func invalidUTF8IsReported() throws {
        let file = SourceFile(path: "bin.yaml", bytes: [0x61, 0x3A, 0x20, 0xFF, 0xFE, 0x0A])
        let r = YAMLLoader.load(file)
        let d = try #require(r.diagnostics.first)
        #expect(d.message.contains("UTF-8"))
        #expect(d.range?.start.line == 1)
    }

    @Test func jsonLoadsWithPositions() throws {
        let r = YAMLLoader.load(text: "{\n\t\"a\":1,\n\t\"b\": [true, null, \"x\\/y\"]\n}\n", path: "t.json")
        #expect(r.diagnostics.isEmpty)
        let root = try #require(r.documents.first?.root)
        #expect(root["a"]?.resolvedScalar == .int(1))
        #expect(root["b"]?.sequence?[2].scalarText == "x/y")
        #expect(root["b"]?.range.start.line == 3)
    }

    @Test func emptyFileHasNoDocuments() {
        let r = YAMLLoader.load(text: "", path: "empty.yaml")
        #expect(r.documents.isEmpty)
        #expect(r.diagnostics.isEmpty)
    }
}
