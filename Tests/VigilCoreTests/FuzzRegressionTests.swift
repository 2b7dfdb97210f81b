import Testing
@testable import VigilCore

/// Inputs the fuzzers (`make fuzz`) found, reduced; each was a bug.
@Suite("Fuzz regressions: documents")
struct FuzzRegressionTests {
    /// fuzz-yaml: `!!so` (an unknown tag in YAML's namespace) on an empty scalar resolved as an
    /// untagged plain scalar (null), but the emitter writes it `!!so ''`, which resolved as a
    /// string: the emitted YAML loaded to other data.
    @Test(arguments: ["!!so", "!!so ''", "a: !!binary 123\n", "- !!timestamp 2001-12-14\n- !!so true\n"])
    func explicitlyTaggedScalarsRoundTripThroughTheEmitter(text: String) throws {
        let loaded = try #require(YAMLLoader.load(text: text, path: "tagged.yaml").documents.first)
        let yaml = try YAMLEmitter().emit(loaded.root)
        let again = try #require(YAMLLoader.load(text: yaml, path: "emitted.yaml").documents.first, "emitted: \(yaml)")
        #expect(NodeEquivalence.equal(loaded.root, again.root), "emitted: \(yaml)")
    }

    @Test func explicitTagsAreNotResolvedLikePlainScalars() throws {
        let root = try #require(YAMLLoader.load(text: "a: !!binary 123\nb: !!so\nc: !!int 7\nd: 7\n", path: "t.yaml").documents.first?.root)
        #expect(root["a"]?.resolvedScalar == .string)
        #expect(root["b"]?.resolvedScalar == .string)
        #expect(root["c"]?.resolvedScalar == .int(7))
        #expect(root["d"]?.resolvedScalar == .int(7))
    }
}
