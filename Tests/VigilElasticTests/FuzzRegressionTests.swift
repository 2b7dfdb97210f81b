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
}
