import Testing
import VigilAlertmanager

/// The matcher parser follows Alertmanager's (`pkg/labels/parse.go`) on its own test inputs.
@Suite struct MatcherParserTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let input: String
        let expected: [String]
        var testDescription: String { input }
    }

    static let valid: [Case] = [
        Case(input: #"{foo="bar"}"#, expected: [#"foo="bar""#]),
        Case(input: #"{foo=~"bar.*"}"#, expected: [#"foo=~"bar.*""#]),
        Case(input: #"{foo!="bar"}"#, expected: [#"foo!="bar""#]),
        Case(input: #"{foo!~"bar.*"}"#, expected: [#"foo!~"bar.*""#]),
        Case(input: #"{foo="bar", baz!="quux"}"#, expected: [#"foo="bar""#, #"baz!="quux""#]),
        Case(input: #"{foo="bar",baz!~".*quux", derp="wat"}"#, expected: [#"foo="bar""#, #"baz!~".*quux""#, #"derp="wat""#]),
        Case(input: #"{foo=""}"#, expected: [#"foo="""#]),
        Case(input: #"{foo="bar,quux", job="job1"}"#, expected: [#"foo="bar,quux""#, #"job="job1""#]),
        Case(input: #"{foo = "bar", dings != "bums", }"#, expected: [#"foo="bar""#, #"dings!="bums""#]),
        Case(input: "foo=bar,dings!=bums", expected: [#"foo="bar""#, #"dings!="bums""#]),
        Case(input: #"{quote="She said: \"Hi, ladies! That's gender-neutral…\""}"#, expected: [#"quote="She said: \"Hi, ladies! That's gender-neutral…\"""#]),
        Case(input: #"statuscode=~"5..""#, expected: [#"statuscode=~"5..""#]),
        Case(input: "tricky=~~~", expected: [#"tricky=~"~~""#]),
        Case(input: #"trickier==\\=\=\""#, expected: [#"trickier="=\\=\\=\"""#]),
        Case(input: #"contains_quote != "\"" , contains_comma !~ "foo,bar" , "#, expected: [#"contains_quote!="\"""#, #"contains_comma!~"foo,bar""#]),
        Case(input: "job=", expected: [#"job="""#]),
        Case(input: "a:b=c", expected: [#"a:b="c""#]),
        Case(input: #""service.name"="api""#, expected: [#""service.name"="api""#]),
        Case(input: "", expected: []),
    ]

    static let invalid: [(String, String)] = [
        (#"job="value"#, #"matcher value contains unescaped double quote: "value"#),
        (#"job=value""#, #"matcher value contains unescaped double quote: value""#),
        (#"trickier==\\=\=\"""#, #"matcher value contains unescaped double quote: =\\=\=\"""#),
        (#"contains_unescaped_quote = foo"bar"#, #"matcher value contains unescaped double quote: foo"bar"#),
        (#"{invalid-name = "valid label"}"#, #"bad matcher format: invalid-name = "valid label""#),
        (#"{foo=~"invalid[regexp"}"#, "error parsing regexp"),
        (#""{foo=\"bar"}"#, "bad matcher format"),
        (#""foo=\"bar\"""#, "bad matcher format"),
        (#""{foo=\"bar\"}""#, "bad matcher format"),
        (#""foo="bar"""#, "bad matcher format"),
        ("severity critical", "bad matcher format: severity critical"),
        (#"a=~"(?=x)""#, "unsupported Perl syntax"),
        ("a=1,,b=2", "bad matcher format"),
    ]

    @Test(arguments: valid)
    func parses(c: Case) throws {
        let ms = try MatcherParser.parseList(c.input)
        #expect(ms.map(\.description) == c.expected)
    }

    @Test(arguments: zip(invalid.map(\.0), invalid.map(\.1)))
    func rejects(input: String, message: String) {
        do {
            let ms = try MatcherParser.parseList(input)
            Issue.record("parsed \(input) as \(ms)")
        } catch {
            #expect(String(describing: error).hasPrefix(message) || String(describing: error).contains(message), "\(error)")
        }
    }

    @Test func regexMatchersAreAnchoredAndRE2Like() throws {
        let m = try MatcherParser.parse(#"code=~"5..""#)
        #expect(m.matches("503"))
        #expect(!m.matches("5030"))
        #expect(!m.matches("x503"))
        let alt = try MatcherParser.parse(#"env=~"prod|staging""#)
        #expect(alt.matches("prod") && alt.matches("staging") && !alt.matches("production"))
        let named = try MatcherParser.parse(#"x=~"(?P<n>a+)b""#)
        #expect(named.matches("aab"))
        // `$` does not match before a trailing newline in Go.
        let dollar = try MatcherParser.parse(#"x=~"a$""#)
        #expect(!dollar.matches("a\n"))
        let neg = try MatcherParser.parse(#"x!~"a|b""#)
        #expect(neg.matches("") && !neg.matches("a"))
    }

    @Test func absentLabelsMatchAsEmpty() throws {
        let m = try MatcherParser.parse(#"team!="db""#)
        #expect(m.matches(labels: [:]))
        let e = try MatcherParser.parse(#"team="""#)
        #expect(e.matches(labels: ["other": "x"]) && !e.matches(labels: ["team": "x"]))
    }

    @Test func matcherTextRoundTrips() throws {
        for c in Self.valid {
            for m in try MatcherParser.parseList(c.input) {
                let again = try MatcherParser.parse(m.description)
                #expect(again == m, "\(m)")
            }
        }
    }
}

@Suite struct MatcherPrintingTests {
    /// Found by fuzz-matchers: a quote followed by a combining mark is one Character, so escaping
    /// by Character printed it bare and the printed matcher did not parse.
    @Test func aQuoteBeforeACombiningMarkIsEscaped() throws {
        let input = String(decoding: [0x7B, 0x61, 0x3D, 0x22, 0x31, 0x22, 0x2C, 0x20, 0x62, 0x3D, 0x82, 0x5C, 0x22, 0xDD, 0x82, 0x7D], as: UTF8.self)
        let list = try MatcherParser.parseList(input)
        for m in list {
            let again = try MatcherParser.parse(m.description)
            #expect(again.value == m.value)
            #expect(again.description == m.description)
        }
        let m = try LabelMatcher(name: "b", op: .equal, value: "\"\u{0742}")
        #expect(m.description == "b=\"\\\"\u{0742}\"")
    }
}
