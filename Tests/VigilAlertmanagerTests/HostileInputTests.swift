import Testing
import VigilCore
@testable import VigilAlertmanager

/// Matchers with unbalanced braces and quotes are rejected with Alertmanager's message, and
/// patterns built to exhaust the regex engine are refused, never crash, and stay readable.
@Suite("Hostile input: matchers")
struct HostileInputTests {
    @Test(arguments: [
        ("a=\"1", "matcher value contains unescaped double quote"),
        ("a=\"1\\\"", "matcher value contains unescaped double quote"),
        ("a=\"x\"y\"", "matcher value contains unescaped double quote"),
        ("\"unterminated=1", "bad matcher format"),
        ("{{{{", "bad matcher format"),
        ("}", "bad matcher format"),
        ("=\"x\"", "bad matcher format"),
        ("a=~\"(x\"", "error parsing regexp"),
        ("a=~\"x)\"", "error parsing regexp"),
        ("a=~\"[x\"", "error parsing regexp"),
    ])
    func unbalancedMatcherIsRejected(input: String, message: String) throws {
        #expect {
            _ = try MatcherParser.parse(input)
        } throws: { error in
            "\(error)".contains(message)
        }
    }

    @Test(arguments: [
        ("{a=\"1\", b=~\"x", "matcher value contains unescaped double quote"),
        ("{{a=\"1\"}}", "bad matcher format"),
        ("{a=\"1\",, b=\"2\"}", "bad matcher format"),
    ])
    func unbalancedSelectorIsRejected(input: String, message: String) throws {
        #expect {
            _ = try MatcherParser.parseList(input)
        } throws: { error in
            "\(error)".contains(message)
        }
    }

    @Test func unbalancedMatchersInAConfigArePositioned() async throws {
        let text = """
            route:
              receiver: a
              routes:
                - matchers: ['{a="1", b=~"x', 'c="', '{{{{']
                  receiver: a
            receivers:
              - name: a

            """
        let errors = await Support.errors(text)
        #expect(errors.count == 3, "\(errors)")
        #expect(errors.allSatisfy { $0.range?.start.line == 4 })
        #expect(errors.map(\.range?.start.column) == [18, 35, 42])
    }

    @Test func oneSidedBracesAreAcceptedAsAlertmanagerDoes() throws {
        // Alertmanager trims a leading `{` and a trailing `}` independently (amtool agrees).
        #expect(try MatcherParser.parseList("{a=\"1\"").map(\.description) == ["a=\"1\""])
        #expect(try MatcherParser.parseList("a=\"1\"}").map(\.description) == ["a=\"1\""])
    }

    @Test func millionNestedGroupsInARegexAreRefusedWithAShortMessage() throws {
        let n = 1_000_000
        let input = "a=~\"" + String(repeating: "(", count: n) + "x" + String(repeating: ")", count: n) + "\""
        var message = ""
        #expect {
            _ = try MatcherParser.parse(input)
        } throws: { error in
            message = "\(error)"
            return message.hasPrefix("error parsing regexp")
        }
        #expect(message.utf8.count < 400, "the message quotes the whole pattern: \(message.utf8.count) bytes")
    }
}
