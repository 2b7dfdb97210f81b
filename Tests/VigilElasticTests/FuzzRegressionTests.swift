import Testing
import VigilCore
@testable import VigilElastic

/// Inputs the fuzzers (`make fuzz`) found, reduced; each was a bug.
@Suite("Fuzz regressions: Logstash")
struct FuzzRegressionTests {
    /// fuzz-logstash: after a bare value the parser looks ahead for `{` (a plugin value), and
    /// backing off kept the comments it had read, so each print-and-parse doubled them.
    @Test(arguments: [
        "filter {\n  plug {\n    port =>index# comment\n    tags => [\"a\"]\n  }\n}\n",
        "filter {\n  plug {\n    port => \"quoted\" # comment\n    tags => [\"a\"]\n  }\n}\n",
        "filter {\n  plug {\n    port => 5044 # comment\n    codec => json # second\n  }\n}\n",
    ])
    func commentAfterALookaheadIsKeptOnce(text: String) throws {
        let pipeline = try parse(text)
        let printed = LogstashPrinter().print(pipeline)
        #expect(printed.components(separatedBy: "# comment").count == 2, "printed:\n\(printed)")
        let again = try parse(printed)
        #expect(LogstashPrinter().print(again) == printed)
    }

    /// The same lookahead in conditions (`in`, comparison operators, `and`/`or` after an operand):
    /// a comment there is never repeated, and printing is a fixed point.
    @Test(arguments: [
        "filter {\n  if [a] # comment\n  {\n    drop {}\n  }\n}\n",
        "filter {\n  if [a] == 1 # comment\n  {\n    drop {}\n  }\n}\n",
        "filter {\n  if [a] # comment\n  and [b] {\n    drop {}\n  }\n}\n",
    ])
    func commentInAConditionIsNeverRepeated(text: String) throws {
        let printed = LogstashPrinter().print(try parse(text))
        #expect(printed.components(separatedBy: "# comment").count <= 2, "printed:\n\(printed)")
        #expect(LogstashPrinter().print(try parse(printed)) == printed)
    }

    /// fuzz-logstash: a comment whose text starts with a combining mark (U+0F8F here) or with
    /// bytes that are not UTF-8. The printed `# ` and the mark form one grapheme, so trimming the
    /// leading space by Characters missed it and every print-and-parse added a space.
    @Test(arguments: [
        "#\u{0F8F} mark\n",
        "filter {\n  # \u{0301}accent\n  drop {}\n}\n",
    ])
    func commentStartingWithACombiningMarkIsStable(text: String) throws {
        let printed = LogstashPrinter().print(try parse(text))
        let reprinted = LogstashPrinter().print(try parse(printed))
        #expect(Array(reprinted.utf8) == Array(printed.utf8), "printed:\n\(printed)")
    }

    @Test func commentWithInvalidUTF8IsStable() throws {
        let bytes: [UInt8] = [0x23, 0xE0, 0xBE, 0x8F, 0x9E, 0x9C, 0xDF, 0xDF, 0xE6, 0x20, 0x20, 0x23, 0x20, 0x41, 0x20]
        let parsed = LogstashParser().parse(SourceFile(path: "p.conf", text: String(decoding: bytes, as: UTF8.self)))
        let pipeline = try #require(parsed.pipeline)
        let printed = LogstashPrinter().print(pipeline)
        let reprinted = LogstashPrinter().print(try parse(printed))
        #expect(Array(reprinted.utf8) == Array(printed.utf8))
    }

    /// The same grapheme joining in field references: `[` followed by a combining mark is one
    /// Character, and the reference lost its first part.
    @Test func fieldReferenceWithACombiningMarkKeepsItsParts() {
        #expect(FieldReference(parsing: "[\u{0301}a][b]").path == ["\u{0301}a", "b"])
        #expect(FieldReference(parsing: " [x] ").path == ["x"])
        #expect(FieldReference(parsing: "host").path == ["host"])
    }
}
