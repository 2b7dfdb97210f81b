import Testing
import VigilCore
@testable import VigilElastic

@Suite struct LogstashBarewordTests {
    /// Logstash's grammar wants at least two characters in a bareword.
    @Test func singleLetterBarewordIsRejectedWithAQuoteHint() {
        let e = LogstashParser().parse(SourceFile(path: "p.conf", text: "filter { x { v => { b => 1 } } }")).errors
        #expect(e.first?.hint == "quote it: \"b\"")
    }
}

/// A comment after a value the parser looks past (for a `{` that would make it a plugin name)
/// is kept once, so printing does not multiply it (FreeRADIUS's pipeline has many).
@Suite struct CommentLookaheadTests {
    @Test(arguments: [
        "input {\n  file {\n    exclude => \"*.gz\"\n\n    # remember where it got to\n    start_position => \"beginning\"\n  }\n}\n",
        "input {\n  file {\n    type => radiusdetail\n    # codec below\n    codec => plain\n  }\n}\n",
    ])
    func commentsAreKeptOnce(text: String) throws {
        let p = try parse(text)
        let printed = LogstashPrinter().print(p)
        let comment = text.split(separator: "#").dropFirst().first.map { String($0.split(separator: "\n")[0]).trimmingCharacters(in: .whitespaces) } ?? ""
        #expect(printed.components(separatedBy: comment).count - 1 == 1, "\(printed)")
        #expect(try parse(printed) == p)
    }
}
