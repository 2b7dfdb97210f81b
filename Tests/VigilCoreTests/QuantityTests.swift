import Foundation
import Testing
@testable import VigilCore

@Suite struct QuantityTests {
    static let nano: Int128 = 1_000_000_000

    @Test(arguments: [
        ("0", 0),
        ("1", nano),
        ("+1", nano),
        ("-1", -nano),
        ("1000m", nano),
        ("500m", nano / 2),
        ("0.5", nano / 2),
        (".5", nano / 2),
        ("5.", 5 * nano),
        ("1.5", 1_500_000_000),
        ("100m", 100_000_000),
        ("1m", 1_000_000),
        ("1u", 1_000),
        ("1n", 1),
        ("0.1n", 1),
        ("-0.1n", -1),
        ("1.0000000001", 1_000_000_001),
        ("0.0000000000000000000000000001", 1),
        ("1k", 1000 * nano),
        ("1e3", 1000 * nano),
        ("1E3", 1000 * nano),
        ("1e+3", 1000 * nano),
        ("1e-3", 1_000_000),
        ("1M", 1_000_000 * nano),
        ("1G", 1_000_000_000 * nano),
        ("1T", 1_000_000_000_000 * nano),
        ("1P", 1_000_000_000_000_000 * nano),
        ("1E", 1_000_000_000_000_000_000 * nano),
        ("1Ki", 1024 * nano),
        ("1Mi", 1_048_576 * nano),
        ("1Gi", 1_073_741_824 * nano),
        ("1.5Gi", 1_610_612_736 * nano),
        ("128Mi", 134_217_728 * nano),
        ("1Ti", (Int128(1) << 40) * nano),
        ("1Pi", (Int128(1) << 50) * nano),
        ("1Ei", (Int128(1) << 60) * nano),
        ("0.0000000001Ki", 103),
        ("007", 7 * nano),
        ("1073741824", 1_073_741_824 * nano),
    ] as [(String, Int128)])
    func validQuantitiesParseExactly(_ text: String, _ nanounits: Int128) throws {
        let q = try Quantity(text)
        #expect(q.nanounits == nanounits)
        #expect(q.description == text)
    }

    static let formatWrong = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"

    @Test(arguments: [
        ("", formatWrong),
        ("+", formatWrong),
        ("abc", formatWrong),
        ("1 Gi", formatWrong),
        ("1.2.3", formatWrong),
        ("1Gi ", formatWrong),
        ("--1", formatWrong),
        ("1GiB", formatWrong),
        ("1m3x", formatWrong),
        (".", "unable to parse quantity's numeric part"),
        ("1K", "unable to parse quantity's suffix"),
        ("1ki", "unable to parse quantity's suffix"),
        ("1e", "unable to parse quantity's suffix"),
        ("1Mm", "unable to parse quantity's suffix"),
        ("1m3", "unable to parse quantity's suffix"),
        ("1e99999999999", "unable to parse quantity's suffix"),
        ("1e100", "quantity is too large"),
        ("99999999999999999999999999999999999999999", "quantity is too large"),
        ("1000000000000Ei", "quantity is too large"),
    ])
    func invalidQuantitiesAreRejected(_ text: String, _ message: String) {
        do {
            _ = try Quantity(text)
            Issue.record("\(text) should be rejected")
        } catch let error as QuantityError {
            #expect(error.description == message)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test(arguments: [
        ("1Gi", "1073741824"),
        ("1000m", "1"),
        ("0.5", "500m"),
        ("1e3", "1k"),
        ("1Ki", "1024"),
        ("1M", "1000k"),
        ("1.5Gi", "1536Mi"),
        ("100m", "0.1"),
        ("0", "0m"),
        ("1e-9", "1n"),
    ])
    func equalValuesCompareEqual(_ a: String, _ b: String) throws {
        let x = try Quantity(a)
        let y = try Quantity(b)
        #expect(x == y)
        #expect(x.hashValue == y.hashValue)
        #expect(!(x < y) && !(y < x))
    }

    @Test(arguments: [
        ("0", "0"), ("0Gi", "0"), ("1000m", "1"), ("1.5", "1500m"), ("0.5", "500m"), ("100m", "100m"),
        ("1536Mi", "1536Mi"), ("2048Mi", "2Gi"), ("0.5Gi", "512Mi"), ("1.5Ki", "1536"), ("512", "512"),
        ("1Ki", "1Ki"), ("-1Ki", "-1Ki"), ("1024", "1024"), ("1000000", "1M"), ("1k", "1k"), ("1E", "1E"),
        ("1e3", "1e3"), ("1.5e3", "1500"), ("12e6", "12e6"), ("1e-3", "1e-3"), ("0.1n", "1n"), ("1000E", "1000E"),
    ])
    func canonicalFormMatchesKubernetes(_ text: String, _ canonical: String) throws {
        #expect(try Quantity(text).canonical == canonical)
        #expect(try Quantity(canonical) == Quantity(text))
    }

    @Test func orderingIsExact() throws {
        #expect(try Quantity("999m") < Quantity("1"))
        #expect(try Quantity("1G") < Quantity("1Gi"))
        #expect(try Quantity("-1") < Quantity("0"))
        #expect(try Quantity("1.0000000001") > Quantity("1"))
        let sorted = try ["2Gi", "512Mi", "1G", "100m"].map(Quantity.init).sorted().map(\.text)
        #expect(sorted == ["100m", "512Mi", "1G", "2Gi"])
    }

    @Test func accessors() throws {
        #expect(try Quantity("1Gi").bytes == 1_073_741_824)
        #expect(try Quantity("250m").cores == 0.25)
        #expect(try Quantity("1n").milliValue == 1)
        #expect(try Quantity("1.5").milliValue == 1500)
        #expect(Quantity(2).text == "2")
        #expect(Quantity(milli: 250) == (try Quantity("0.25")))
    }

    private struct Resources: Codable {
        var cpu: Quantity
        var memory: Quantity
    }

    @Test func decodesFromStringsAndNumbers() throws {
        let r = try JSONDecoder().decode(Resources.self, from: Data(#"{"cpu":0.5,"memory":1}"#.utf8))
        #expect(r.cpu == (try Quantity("500m")))
        #expect(r.memory.text == "1")
        let s = try JSONDecoder().decode(Resources.self, from: Data(#"{"cpu":"250m","memory":"2Gi"}"#.utf8))
        #expect(s.memory.bytes == 2_147_483_648)
        #expect(try YAMLEmitter().emit(NodeEncoder().encode(s)) == "cpu: 250m\nmemory: 2Gi\n")
        #expect(try YAMLEmitter().emit(NodeEncoder().encode(r)) == "cpu: '0.5'\nmemory: '1'\n")
        do {
            _ = try JSONDecoder().decode(Resources.self, from: Data(#"{"cpu":"2 cores","memory":"1"}"#.utf8))
            Issue.record("2 cores should fail")
        } catch let DecodingError.dataCorrupted(context) {
            #expect(context.debugDescription == QuantityTests.formatWrong)
        }
    }
}
