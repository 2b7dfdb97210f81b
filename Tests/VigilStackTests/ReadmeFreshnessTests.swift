import Foundation
import Testing
import VigilCore
import VigilStack

/// The README's rule table is generated from the registry; this fails when it is stale.
@Suite struct ReadmeFreshnessTests {
    @Test func ruleTableMatchesTheRegistry() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let begin = try #require(readme.range(of: "<!-- rules:begin"))
        let afterMarker = try #require(readme.range(of: "\n", range: begin.upperBound..<readme.endIndex))
        let end = try #require(readme.range(of: RuleCatalogue.endMarker))
        let table = String(readme[afterMarker.upperBound..<end.lowerBound])
        let expected = RuleCatalogue.markdown(VigilRegistry.all.allRules)
        #expect(table == expected, "README.md rule table is stale: run `make readme`")
    }
}
