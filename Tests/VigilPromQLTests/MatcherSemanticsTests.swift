import Testing
@testable import VigilPromQL

/// Whether a regex matcher accepts a missing label: the quick structural answer agrees with
/// the regex engine.
@Suite struct MatcherSemanticsTests {
    /// Patterns the quick scan settles (they need a character).
    static let needACharacter = [
        "5..", "api", "a+", "[a-z]+", "(?i)error", "\\.x", "\\d+", "a*b", "a?b", "(ab)*c", "[]a]x", "[[:alpha:]]", "é",
        "(?:foo)?bar", "[^a]", "x(y)?",
    ]
    /// Patterns left to the regex engine, matching empty or not.
    static let others = [
        "", ".*", "a*", "a?", "(a)?", "a|b", "(a|b)c", "a|", "^$", "a{0,2}", "a{2}", "\\b", "(?i)", "(a+)*", "[a-z]*", "\\p{L}+", "\\Qx\\E", "$",
    ]

    static func engine(_ pattern: String) -> Bool {
        guard let regex = try? Regex("^(?:" + pattern + ")$") else { return false }
        return (try? regex.wholeMatch(in: "")) != nil
    }

    @Test(arguments: needACharacter)
    func quickScanSettlesPatternsThatNeedACharacter(_ pattern: String) {
        #expect(MatcherSemantics.requiresACharacter(pattern))
        #expect(MatcherSemantics.regexMatchesEmpty(pattern) == false)
        #expect(Self.engine(pattern) == false)
    }

    @Test(arguments: others)
    func otherPatternsAgreeWithTheEngine(_ pattern: String) {
        #expect(!MatcherSemantics.requiresACharacter(pattern))
        #expect(MatcherSemantics.regexMatchesEmpty(pattern) == Self.engine(pattern))
    }
}
