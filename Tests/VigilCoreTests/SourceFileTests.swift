import Testing
@testable import VigilCore

@Suite struct SourceFileTests {
    @Test func positionsCountUnicodeScalars() {
        let file = SourceFile(path: "x.yaml", text: "a: 1\nnäme: é\n")
        let p = file.position(atOffset: 12)  // the "é" on line 2
        #expect(p.line == 2)
        #expect(p.column == 7)
        #expect(file.position(line0: 1, column0: 6).offset == 12)
    }

    @Test func ignoreDirectivesAreFound() {
        let file = SourceFile(path: "x.yaml", text: "a: 1 # vigil:ignore yaml/x, yaml/y\n# vigil:ignore\nb: 2\n")
        #expect(file.isIgnored(rule: "yaml/x", line: 1))
        #expect(file.isIgnored(rule: "yaml/y", line: 2))
        #expect(file.isIgnored(rule: "any/rule", line: 3))
        #expect(!file.isIgnored(rule: "yaml/z", line: 5))
    }
}
