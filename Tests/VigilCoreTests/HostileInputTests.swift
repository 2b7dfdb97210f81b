import Foundation
import Testing
@testable import VigilCore

/// Input built to exhaust the tool (alias and merge bombs, huge flat files, deep nesting, endless
/// document streams) is refused with a `yaml/limit` diagnostic that names the limit it hit.
@Suite("Hostile input: loader limits")
struct HostileInputTests {
    /// The limit diagnostics of a load.
    func limitDiagnostics(_ r: LoadResult) -> [Diagnostic] { r.diagnostics.filter { $0.rule == "yaml/limit" } }

    @Test func billionLaughsClaimingTensOfGigabytesIsRefused() throws {
        // a0 holds 100 bytes; each level multiplies by ten: a10 claims 10^12 bytes.
        var text = "a0: &a0 \"" + String(repeating: "lol", count: 33) + "\"\n"
        for i in 1...10 {
            text += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let r = YAMLLoader.load(text: text, path: "laughs.yaml")
        let d = try #require(limitDiagnostics(r).first)
        #expect(d.message.contains("aliases expand this document beyond"))
        #expect(r.documents.isEmpty)
        #expect(d.range.map { $0.start.line >= 2 && $0.start.line <= 11 } == true)
    }

    @Test func fiftyMegabyteSingleLineJSONArrayIsRefusedBeforeParsing() throws {
        var bytes: [UInt8] = [0x5B]
        bytes.reserveCapacity(50_000_002)
        for _ in 0..<25_000_000 { bytes.append(0x31); bytes.append(0x2C) }
        bytes[bytes.count - 1] = 0x5D
        let file = SourceFile(path: "big.json", bytes: bytes)
        let r = YAMLLoader.load(file)
        let d = try #require(limitDiagnostics(r).first)
        #expect(d.message == "line 1 is 50000001 bytes long, more than \(LoadLimits.default.maxLineBytes) bytes on one line")
        #expect(d.range?.start.line == 1 && d.range?.start.column == 1)
        #expect(r.documents.isEmpty)
        // The report shows a window of the 50 MB line, not the line.
        let text = TextReporter(color: false).render(d, file: file)
        #expect(text.utf8.count < 1_000)
        #expect(text.contains("[1,1,1"))
    }

    @Test func aFlatArrayPastTheNodeLimitIsCutThere() throws {
        let limits = LoadLimits(maxNodes: 100_000)
        let text = "[\n" + String(repeating: "1,\n", count: 150_000) + "1]\n"
        let r = YAMLLoader.load(text: text, path: "big.json", limits: limits)
        let d = try #require(limitDiagnostics(r).first)
        #expect(d.message == "more than 100000 nodes in one file")
        // The first node past the limit: element 100 000 (from 0), on line 2 + 100 000.
        #expect(d.range?.start.line == 2 + 100_000)
        #expect(r.documents.isEmpty)
    }

    @Test func longLineExcerptEndsAtTheLineBreak() throws {
        // A duplicate key near the end of a 5 000-byte line that ends in CRLF.
        let text = "{" + (0..<500).map { "\"k\($0)\": 1" }.joined(separator: ", ") + ", \"k0\": 2}\r\n"
        let r = YAMLLoader.load(text: text, path: "crlf.json")
        let d = try #require(r.diagnostics.first)
        #expect(d.rule == "yaml/duplicate-key" && d.range?.start.line == 1)
        let shown = TextReporter(color: false).render(d, file: r.file)
        let excerpt = try #require(shown.split(separator: "\n").dropFirst().first)
        #expect(excerpt.hasPrefix(" 1 | …"))
        #expect(!excerpt.contains("\r") && !excerpt.hasSuffix("…"), "\(excerpt.debugDescription)")
    }

    @Test func longNonASCIILineGetsCorrectColumnsWithoutRescanningTheLine() throws {
        // Every element's column on one long line with multi-byte characters (each scanned from the
        // line start, this took quadratic time: minutes for a few megabytes).
        let count = 300_000
        let text = "[" + Array(repeating: "\"é\"", count: count).joined(separator: ",") + "]"
        let r = YAMLLoader.load(text: text, path: "wide.json")
        #expect(r.diagnostics.isEmpty)
        let items = try #require(r.documents.first?.root.sequence)
        #expect(items.count == count)
        for k in [0, 1, 1_000, count - 1] {
            let start = items[k].range.start
            #expect(start.column == 2 + 4 * k)
            #expect(start.offset == 1 + 5 * k)  // "é" is two bytes
        }
        let file = r.file
        #expect(file.position(atOffset: 1 + 5 * (count - 1)).column == 2 + 4 * (count - 1))
        #expect(file.position(line0: 0, column0: 1 + 4 * 12_345).offset == 1 + 5 * 12_345)
    }

    @Test(arguments: ["[", "{a: ", "[{a: "])
    func hundredThousandDeepFlowNestingIsRefused(opener: String) throws {
        let closer = String(opener.reversed().compactMap { ["[": "]", "{": "}"][$0] })
        let text = String(repeating: opener, count: 100_000) + "x" + String(repeating: closer, count: 100_000)
        let r = YAMLLoader.load(text: text, path: "deep.yaml")
        let d = try #require(limitDiagnostics(r).first)
        #expect(d.message == "nesting deeper than \(LoadLimits.default.maxDepth) levels")
        #expect(r.documents.isEmpty)
    }

    @Test func deepBlockNestingIsRefused() throws {
        var text = ""
        for depth in 0..<600 { text += String(repeating: " ", count: depth) + "k:\n" }
        let r = YAMLLoader.load(text: text, path: "deep.yaml")
        let d = try #require(limitDiagnostics(r).first)
        #expect(d.message.contains("nesting deeper than 500 levels"))
        #expect(d.range?.start.line == 501)
    }

    @Test func endlessDocumentStreamIsCutAtTheDocumentLimit() throws {
        let limits = LoadLimits(maxDocuments: 1_000)
        let text = String(repeating: "---\na: 1\n", count: 1_500)
        let r = YAMLLoader.load(text: text, path: "stream.yaml", limits: limits)
        let d = try #require(limitDiagnostics(r).first)
        #expect(d.message == "more than 1000 documents in one stream")
        #expect(r.documents.count == 1_000)
        #expect(d.range?.start.line == 2_003)
    }

    @Test func defaultDocumentLimitHolds() throws {
        let text = String(repeating: "--- 1\n", count: LoadLimits.default.maxDocuments + 5)
        let r = YAMLLoader.load(text: text, path: "stream.yaml")
        #expect(r.documents.count == LoadLimits.default.maxDocuments)
        #expect(limitDiagnostics(r).first?.message == "more than \(LoadLimits.default.maxDocuments) documents in one stream")
    }

    /// Regression: each merge copied its whole source mapping, so a chain of merges built a
    /// quadratic number of entries (20 000 lines took minutes and gigabytes).
    @Test func chainOfMergeKeysIsBounded() throws {
        var text = "a0: &a0 {k0: v}\n"
        for i in 1..<20_000 { text += "a\(i): &a\(i) {<<: *a\(i - 1), k\(i): v}\n" }
        let r = YAMLLoader.load(text: text, path: "merges.yaml")
        let d = try #require(limitDiagnostics(r).first)
        #expect(d.message == "merge keys (<<) copy more than \(LoadLimits.default.maxNodes) entries into one file")
        #expect(r.documents.isEmpty)
    }

    @Test func mergeOfOneMappingManyTimesIsBounded() throws {
        let big = (0..<1_000).map { "k\($0): v" }.joined(separator: ", ")
        let text = "base: &b {\(big)}\n" + (0..<10_000).map { "m\($0): {<<: [*b, *b, *b]}" }.joined(separator: "\n") + "\n"
        let r = YAMLLoader.load(text: text, path: "merges.yaml", limits: LoadLimits(maxNodes: 1_000_000))
        let d = try #require(limitDiagnostics(r).first)
        #expect(d.message == "merge keys (<<) copy more than 1000000 entries into one file")
    }

    @Test func mergesWithinTheLimitStillWork() throws {
        let r = YAMLLoader.load(text: "a: &a {x: 1, y: 2}\nb: {<<: *a, y: 3}\n", path: "ok.yaml")
        #expect(r.diagnostics.isEmpty)
        let b = try #require(r.documents.first?.root["b"])
        #expect(b["x"]?.scalarText == "1")
        #expect(b["y"]?.scalarText == "3")
    }

    @Test func strictDecodingOfDeepButLoadableDataIsRefused() throws {
        // 450 levels load (the loader allows 500) but are deeper than the decoder walks.
        indirect enum Tree: Decodable {
            case leaf, node([Tree])
            init(from decoder: any Decoder) throws {
                var c = try decoder.unkeyedContainer()
                var children: [Tree] = []
                while !c.isAtEnd { children.append(try c.decode(Tree.self)) }
                self = children.isEmpty ? .leaf : .node(children)
            }
        }
        let text = String(repeating: "[", count: 450) + String(repeating: "]", count: 450)
        let r = YAMLLoader.load(text: text, path: "deep.yaml")
        let doc = try #require(r.documents.first)
        let decoded = StrictDecoder(file: doc.file).decode(Tree.self, from: doc.root)
        #expect(decoded.value == nil)
        #expect(decoded.diagnostics.contains { $0.rule == "yaml/limit" && $0.message.contains("nesting too deep to decode") })
    }

    /// Regression: `LintRegistry.decode(file:limits:)` loaded with the default limits whatever it was given.
    @Test func registryDecodingHonoursTheGivenLimits() throws {
        let file = SourceFile(path: "nested.yaml", text: "a: {b: {c: {d: {e: 1}}}}\n")
        let out = CoreRules.registry.decode(file: file, limits: LoadLimits(maxDepth: 3))
        #expect(out.diagnostics.first?.message == "nesting deeper than 3 levels")
        #expect(CoreRules.registry.decode(file: file).diagnostics.isEmpty)
    }

    @Test func oversizedFileIsRefusedBeforeReading() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("huge.yaml").path
        try Data(repeating: 0x61, count: (1 << 20) + 1).write(to: URL(fileURLWithPath: path))
        let linter = Linter(registry: CoreRules.registry, limits: FileLimits(maxFileSize: 1 << 20))
        let result = await linter.lint(paths: [path])
        let d = try #require(result.diagnostics.first)
        #expect(d.rule == "io/unreadable")
        #expect(d.message.contains("larger than the 1 MiB limit"))
    }

    @Test func emittersRefuseTreesBeyondTheirLimits() throws {
        var node = Node(.scalar(Scalar("x")))
        for _ in 0..<30 { node = Node(.sequence([node])) }
        #expect(throws: EmitError.tooDeep(height: 30, limit: 20)) { try YAMLEmitter(maxDepth: 20).emit(node) }
        #expect(throws: EmitError.tooDeep(height: 30, limit: 20)) { try JSONEmitter(maxDepth: 20).emit(node) }
        var wide = Node(.scalar(Scalar("x")))
        for _ in 0..<10 { wide = Node(.sequence(Array(repeating: wide, count: 10))) }
        #expect(throws: EmitError.self) { try YAMLEmitter().emit(wide) }
    }
}
