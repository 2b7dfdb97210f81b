import Testing
import VigilCore

@Suite struct ByteSearchTests {
    @Test(arguments: [
        ("container_spec_memory_limit_bytes", "_limit", true),
        ("container_memory_usage_bytes", "_limit", false),
        ("_limit", "_limit", true),
        ("_limi", "_limit", false),
        ("", "_limit", false),
        ("anything", "", true),
        ("réseau_limit", "_limit", true),
        ("{{ $value | humanize }}", "$value", true),
    ])
    func findsBytes(text: String, needle: String, expected: Bool) {
        #expect(text.containsBytes(needle) == expected)
        #expect(Substring(text).containsBytes(needle) == expected)
    }

    /// Byte comparison: a precomposed é is not the decomposed e + U+0301 a Unicode comparison
    /// would match.
    @Test func comparesBytesNotCharacters() {
        #expect(!"caf\u{E9}".containsBytes("cafe\u{301}"))
        #expect("cafe\u{301}".containsBytes("cafe"))
    }
}
