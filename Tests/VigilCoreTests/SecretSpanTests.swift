import Testing
@testable import VigilCore

@Suite struct SecretSpanTests {
    @Test func redactingKeepsLinesAndHidesOnlyTheRanges() throws {
        let file = SourceFile(path: "am.yml", text: "a: hunter2\nb: |\n  two\n  lines\nc: plain\n")
        let root = try #require(YAMLLoader.load(file).documents.first?.root)
        let a = try #require(root["a"]), b = try #require(root["b"])
        let shown = file.redacting([a.range, b.range])
        #expect(shown.path == "am.yml")
        #expect(shown.lineCount == file.lineCount)
        #expect(shown.lineText(1) == "a: <redacted>")
        #expect(shown.lineText(5) == "c: plain")
        #expect(!String(decoding: shown.bytes, as: UTF8.self).contains("hunter2"))
        #expect(!String(decoding: shown.bytes, as: UTF8.self).contains("lines"))
    }

    @Test func spansInAnEmbeddedFileRedactTheOuterFile() throws {
        let outer = SourceFile(path: "cm.yaml", text: "kind: ConfigMap\ndata:\n  am.yml: |\n    global:\n      smtp_auth_password: hunter2\n")
        let scalar = try #require(YAMLLoader.load(outer).documents.first?.root["data"]?["am.yml"])
        let inner = SourceFile(embeddedIn: outer, scalar: scalar)
        let secret = try #require(YAMLLoader.load(inner).documents.first?.root["global"]?["smtp_auth_password"])
        let shown = outer.redacting([SecretSpan(file: inner, range: secret.range, text: secret.scalarText)])
        #expect(shown.lineText(5) == "      smtp_auth_password: <redacted>")
        #expect(shown.lineText(4) == "    global:")
    }

    @Test func scrubHidesWholeAndCutQuotations() {
        let file = SourceFile(path: "a.yml", text: "x\n")
        let long = String(repeating: "k", count: 50)
        let spans = [SecretSpan(file: file, range: SourceRange(start: file.position(atOffset: 0), end: file.position(atOffset: 1)), text: "hunter2"),
                     SecretSpan(file: file, range: SourceRange(start: file.position(atOffset: 0), end: file.position(atOffset: 1)), text: long)]
        #expect(SecretSpan.scrub("got the string \"hunter2\"", spans) == "got the string \"<redacted>\"")
        #expect(SecretSpan.scrub("got \"\(long.prefix(40))…\"", spans) == "got \"<redacted>…\"")
        #expect(SecretSpan.scrub("nothing secret here", spans) == "nothing secret here")
    }

    @Test func scrubStaysCheapAndCorrectWithManySecrets() {
        let file = SourceFile(path: "a.yml", text: "x\n")
        let range = SourceRange(start: file.position(atOffset: 0), end: file.position(atOffset: 1))
        let spans = (0..<5000).map { SecretSpan(file: file, range: range, text: "token-\($0)-abcdef") }
        let scrubber = SecretScrubber(spans)
        #expect(scrubber.scrub("expected an integer, got string \"token-4711-abcdef\"") == "expected an integer, got string \"<redacted>\"")
        #expect(scrubber.scrub("receiver \"team\" is not used") == "receiver \"team\" is not used")
    }

    @Test func unparsableFilesGetGuessedSpans() {
        let file = SourceFile(path: "a.yml", text: "a:\n  password: hunter2: x\n  name: plain\n  url: https://u:pw@host/x\n  password_file: /etc/pw\n")
        let shown = file.redacting(SecretSpan.guessed(in: file))
        #expect(shown.lineText(2) == "  password: <redacted>")
        #expect(shown.lineText(3) == "  name: plain")
        #expect(shown.lineText(4) == "  url: <redacted>")
        #expect(shown.lineText(5) == "  password_file: /etc/pw")
    }
}

/// The linter scans documents for credentials only in files a report may print lines of.
@Suite struct DeferredCredentialScanTests {
    func output(_ path: String, _ text: String) -> DecodeOutput {
        var out = DecodeOutput()
        out.unscannedDocuments = YAMLLoader.load(text: text, path: path).documents
        return out
    }

    @Test func filesWithFindingsOrNotesAreScanned() async {
        let a = output("a.yaml", "user: x\n")
        let b = output("b.yaml", "db:\n  password: hunter2\n")
        let c = output("c.yaml", "token:\n  password: swordfish\n")
        let finding = Diagnostic(rule: "x/y", severity: .error, message: "m", file: "a.yaml", range: nil,
                                 notes: [DiagnosticNote("see", file: "b.yaml", range: nil)])
        let secrets = await Linter.secrets(of: [a, b, c], shownBy: [finding])
        #expect(secrets.map(\.text) == ["hunter2"], "b is printed through the note; c is never printed")
        let none = await Linter.secrets(of: [a, b, c], shownBy: [])
        #expect(none.isEmpty)
        let own = Diagnostic(rule: "x/y", severity: .error, message: "m", file: "c.yaml", range: nil)
        #expect(await Linter.secrets(of: [a, b, c], shownBy: [own]).map(\.text) == ["swordfish"])
    }
}
