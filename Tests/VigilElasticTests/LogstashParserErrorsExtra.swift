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
