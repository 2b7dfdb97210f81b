import Testing
@testable import VigilPromQL

/// Random and mutated input never crashes the front end, errors stay inside the input, and
/// whatever parses cleanly also round-trips through the printer.
@Suite("Parser: fuzzing")
struct FuzzTests {
    static let pieces = [
        "foo", "bar", "sum", "rate", "(", ")", "{", "}", "[", "]", ",", ":", "@", "=", "==", "!=", "=~", "!~", "<", ">=",
        "+", "-", "*", "/", "%", "^", "and", "or", "unless", "by", "without", "on", "ignoring", "group_left", "bool",
        "offset", "5m", "1h30m", "0", "1.5", "Inf", "NaN", "\"s\"", "'x'", "`r`", "\"", "#", "\n", " ", "start()", "é",
        "topk", "count_values", "histogram_quantile", "label_replace", "0x1f", "1e3", "[5m:]", "\\", "!", "$",
    ]

    static let insertable = Array("({[]})\"',=~!@:#\\ 5m".utf8)

    @discardableResult
    func checkInvariants(_ input: String) throws -> Bool {
        let result = PromQL.parse(input, options: Corpus.experimental)
        let count = input.utf8.count
        for e in result.errors {
            #expect(e.range.lowerBound >= 0 && e.range.upperBound <= count, "\(input.debugDescription): \(e)")
            #expect(!e.message.isEmpty)
        }
        #expect(result.expr != nil || !result.errors.isEmpty)
        _ = PromQLTool.check(expression: input)
        if result.isValid, let expr = result.expr {
            let printed = PromQLPrinter.compact(expr)
            #expect(PromQL.parse(printed, options: Corpus.experimental).expr == expr, "\(input.debugDescription) → \(printed)")
            _ = expr.selectors()
            _ = expr.thresholds()
            _ = expr.outputLabels()
        }
        return result.isValid
    }

    @Test("token soup", arguments: [UInt64(11), 12, 13])
    func tokenSoup(seed: UInt64) throws {
        var rng = SeededRandom(seed: seed)
        for _ in 0..<1500 {
            let n = Int(rng.next() % 12) + 1
            let input = (0..<n).map { _ in Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))] }.joined(separator: rng.next() % 2 == 0 ? " " : "")
            try checkInvariants(input)
        }
    }

    @Test("mutated valid expressions", arguments: [UInt64(21), 22])
    func mutations(seed: UInt64) throws {
        var rng = SeededRandom(seed: seed)
        let corpus = Corpus.allValid
        var valid = 0, invalid = 0
        defer { #expect(valid > 100 && invalid > 500, "valid \(valid), invalid \(invalid)") }
        for _ in 0..<1500 {
            var bytes = Array(corpus[Int(rng.next() % UInt64(corpus.count))].utf8)
            for _ in 0..<(1 + Int(rng.next() % 3)) where !bytes.isEmpty {
                let at = Int(rng.next() % UInt64(bytes.count))
                switch rng.next() % 3 {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(Self.insertable[Int(rng.next() % UInt64(Self.insertable.count))], at: at)
                default: bytes[at] = UInt8(truncatingIfNeeded: rng.next() % 128)
                }
            }
            if try checkInvariants(String(decoding: bytes, as: UTF8.self)) { valid += 1 } else { invalid += 1 }
        }
    }
}
