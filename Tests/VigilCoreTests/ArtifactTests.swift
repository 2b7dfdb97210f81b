import Testing
@testable import VigilCore

private struct Note: Artifact {
    let file: SourceFile
    let text: String
}

private final class Sheet: Artifact {
    let file: SourceFile
    let number: Int
    init(file: SourceFile, number: Int) {
        self.file = file
        self.number = number
    }
}

/// `only` and `LintContext.all` pick the artifacts of one type, in order, among others.
@Suite struct ArtifactTests {
    let file = SourceFile(path: "a.yaml", text: "a: 1\n")

    var mixed: [any Artifact] {
        [Note(file: file, text: "one"), Sheet(file: file, number: 1), Note(file: file, text: "two"),
         LintConfigurationArtifact(file: file, configuration: LintConfiguration()), Sheet(file: file, number: 2), Note(file: file, text: "three")]
    }

    @Test func onlyKeepsOneTypeInOrder() {
        #expect(mixed.only(Note.self).map(\.text) == ["one", "two", "three"])
        #expect(mixed.only(Sheet.self).map(\.number) == [1, 2])
        #expect(mixed.only(LintConfigurationArtifact.self).count == 1)
        #expect(([] as [any Artifact]).only(Note.self).isEmpty)
    }

    @Test func contextAllAgreesWithOnly() {
        let context = LintContext(artifacts: mixed)
        #expect(context.all(Note.self).map(\.text) == ["one", "two", "three"])
        #expect(context.all(Sheet.self).map(\.number) == [1, 2])
    }
}
