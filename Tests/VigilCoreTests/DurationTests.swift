import Foundation
import Testing
@testable import VigilCore

@Suite struct DurationTests {
    @Test(arguments: [
        ("0", 0, "0s"),
        ("0s", 0, "0s"),
        ("1ms", 1, "1ms"),
        ("500ms", 500, "500ms"),
        ("1s", 1000, "1s"),
        ("30s", 30_000, "30s"),
        ("90s", 90_000, "1m30s"),
        ("5m", 300_000, "5m"),
        ("90m", 5_400_000, "1h30m"),
        ("1h30m", 5_400_000, "1h30m"),
        ("24h", 86_400_000, "1d"),
        ("1d", 86_400_000, "1d"),
        ("7d", 604_800_000, "1w"),
        ("14d", 1_209_600_000, "2w"),
        ("90d", 7_776_000_000, "90d"),
        ("1w", 604_800_000, "1w"),
        ("1w1d", 691_200_000, "8d"),
        ("365d", 31_536_000_000, "1y"),
        ("1y", 31_536_000_000, "1y"),
        ("1y1d", 31_622_400_000, "366d"),
        ("2h45m30s250ms", 9_930_250, "2h45m30s250ms"),
        ("1m1ms", 60_001, "1m1ms"),
        ("01m", 60_000, "1m"),
        ("0h0m", 0, "0s"),
        ("1y2w3d4h5m6s7ms", 33_019_506_007, "382d4h5m6s7ms"),
    ] as [(String, Int64, String)])
    func validDurationsParseAndPrintCanonically(_ text: String, _ ms: Int64, _ canonical: String) throws {
        let d = try Duration(text)
        #expect(d.milliseconds == ms)
        #expect(d.description == canonical)
        #expect(try Duration(canonical) == d)
    }

    @Test(arguments: [
        ("", "empty duration string"),
        ("5x", "not a valid duration string: \"5x\""),
        ("5", "not a valid duration string: \"5\""),
        ("m", "not a valid duration string: \"m\""),
        ("-5m", "not a valid duration string: \"-5m\""),
        ("1.5h", "not a valid duration string: \"1.5h\""),
        ("5m1h", "not a valid duration string: \"5m1h\""),
        ("1m1m", "not a valid duration string: \"1m1m\""),
        ("1s1m", "not a valid duration string: \"1s1m\""),
        ("1ms1s", "not a valid duration string: \"1ms1s\""),
        ("5 m", "not a valid duration string: \"5 m\""),
        ("5M", "not a valid duration string: \"5M\""),
        ("1h ", "not a valid duration string: \"1h \""),
        ("00", "not a valid duration string: \"00\""),
        ("300y", "duration out of range: \"300y\""),
        ("99999999999999999999s", "duration out of range: \"99999999999999999999s\""),
    ])
    func invalidDurationsAreRejected(_ text: String, _ message: String) {
        #expect(throws: (any Error).self) { try Duration(text) }
        do {
            _ = try Duration(text)
        } catch let error as DurationError {
            #expect(error.description == message)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func theLargestPrometheusDurationIsAccepted() throws {
        #expect(try Duration("292y").milliseconds == 292 * 31_536_000_000)
        #expect(try Duration("9223372036854ms").milliseconds == Duration.maxMilliseconds)
        #expect(throws: DurationError.outOfRange("9223372036855ms")) { try Duration("9223372036855ms") }
    }

    @Test func arithmeticAndComparison() throws {
        let five = try Duration("5m")
        #expect(five * 2 == (try Duration("10m")))
        #expect(3 * five == (try Duration("15m")))
        #expect(five + (try Duration("30s")) == (try Duration("5m30s")))
        #expect(five - (try Duration("1m")) == .minutes(4))
        #expect(five.seconds == 300)
        #expect(try Duration("1m") < five)
        #expect(five / .seconds(30) == 10)
        #expect(Duration(seconds: 1.5) == (try Duration("1s500ms")))
        #expect(Duration(seconds: .nan) == .zero)
        #expect(Duration(milliseconds: .max) * 2 == Duration(milliseconds: .max))
        #expect(Duration(milliseconds: -90_000).description == "-1m30s")
        #expect([try Duration("1h"), .seconds(1), .minutes(1)].sorted().map(\.description) == ["1s", "1m", "1h"])
    }

    private struct Rule: Codable {
        var interval: Duration
    }

    @Test func codableAsString() throws {
        let decoded = try JSONDecoder().decode(Rule.self, from: Data(#"{"interval":"90s"}"#.utf8))
        #expect(decoded.interval == .seconds(90))
        #expect(try YAMLEmitter().emit(encoding: decoded) == "interval: 1m30s\n")
        #expect(try JSONEmitter(pretty: false).emit(encoding: decoded) == #"{"interval":"1m30s"}"#)
        #expect(try JSONDecoder().decode(Rule.self, from: Data(#"{"interval":0}"#.utf8)).interval == .zero)
        do {
            _ = try JSONDecoder().decode(Rule.self, from: Data(#"{"interval":300}"#.utf8))
            Issue.record("a bare 300 is not a duration")
        } catch let DecodingError.dataCorrupted(context) {
            #expect(context.debugDescription == "not a valid duration string: \"300\"")
        }
        do {
            _ = try JSONDecoder().decode(Rule.self, from: Data(#"{"interval":"5x"}"#.utf8))
            Issue.record("decoding 5x should fail")
        } catch let DecodingError.dataCorrupted(context) {
            #expect(context.debugDescription == "not a valid duration string: \"5x\"")
        }
    }
}
