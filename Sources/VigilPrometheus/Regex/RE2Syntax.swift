/// Checks that a regular expression compiles with Go's `regexp` (RE2 syntax), which is what
/// Prometheus uses for relabel regexes and `=~` matchers.
///
/// It rejects what Go rejects — backreferences (`\1`), lookaround (`(?=`, `(?<!`), atomic groups,
/// possessive and doubled quantifiers (`a*+`, `a**`), escapes RE2 does not know (`\Z`, `\G`, `\h`),
/// repeat counts over 1000, bad ranges and unbalanced brackets — with Go's wording
/// (`error parsing regexp: invalid escape sequence: \Z`).
public enum RE2Syntax {
    /// A compile error: Go's message and the byte range of the offending part in the pattern.
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        public var message: String
        public var range: Range<Int>
        public var description: String { "error parsing regexp: " + message }
    }

    /// nil when `pattern` compiles with Go's regexp, else the first error.
    public static func validate(_ pattern: String) -> Failure? {
        var v = Validator(bytes: Array(pattern.utf8))
        return v.run()
    }

    /// Whether `pattern` is a plain string with no regex meaning (`=~"exact"` is `="exact"`).
    public static func isLiteral(_ pattern: String) -> Bool {
        for c in pattern.utf8 {
            switch c {
            case 0x5C, 0x2E, 0x2B, 0x2A, 0x3F, 0x28, 0x29, 0x7C, 0x5B, 0x5D, 0x7B, 0x7D, 0x5E, 0x24: return false
            default: continue
            }
        }
        return true
    }

    struct Validator {
        let bytes: [UInt8]
        var i = 0
        var depth = 0
        var groupStarts: [Int] = []
        /// Whether the previous item can take a quantifier, and whether it was a quantifier.
        var canRepeat = false
        var lastWasRepeat = false
        var lastRepeatStart = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        func text(_ r: Range<Int>) -> String {
            String(decoding: bytes[r.clamped(to: 0..<bytes.count)], as: UTF8.self)
        }

        func fail(_ message: String, _ r: Range<Int>) -> Failure { Failure(message: message, range: r) }

        mutating func run() -> Failure? {
            let n = bytes.count
            while i < n {
                let c = bytes[i]
                let start = i
                switch c {
                case 0x28:  // (
                    if i + 1 < n, bytes[i + 1] == 0x3F {  // (?
                        if let f = group() { return f }
                    } else {
                        groupStarts.append(i)
                        i += 1
                        canRepeat = false
                        lastWasRepeat = false
                    }
                case 0x29:  // )
                    guard groupStarts.popLast() != nil else { return fail("unexpected ): `\(text(0..<(i + 1)))`", i..<(i + 1)) }
                    i += 1
                    canRepeat = true
                    lastWasRepeat = false
                case 0x7C:  // |
                    i += 1
                    canRepeat = false
                    lastWasRepeat = false
                case 0x2A, 0x2B, 0x3F:  // * + ?
                    var e = i + 1
                    if e < n, bytes[e] == 0x3F { e += 1 }  // non-greedy
                    if lastWasRepeat { return fail("invalid nested repetition operator: `\(text(lastRepeatStart..<e))`", lastRepeatStart..<e) }
                    guard canRepeat else { return fail("missing argument to repetition operator: `\(text(i..<e))`", i..<e) }
                    lastRepeatStart = i
                    i = e
                    lastWasRepeat = true
                case 0x7B:  // {
                    if let (end, lo, hi) = repeatCount(at: i) {
                        var e = end
                        if e < n, bytes[e] == 0x3F { e += 1 }
                        if lastWasRepeat { return fail("invalid nested repetition operator: `\(text(lastRepeatStart..<e))`", lastRepeatStart..<e) }
                        guard canRepeat else { return fail("missing argument to repetition operator: `\(text(i..<e))`", i..<e) }
                        if lo > 1000 || (hi ?? 0) > 1000 || (hi.map { $0 < lo } ?? false) {
                            return fail("invalid repeat count: `\(text(i..<end))`", i..<end)
                        }
                        lastRepeatStart = i
                        i = e
                        lastWasRepeat = true
                    } else {
                        i += 1  // a literal brace
                        canRepeat = true
                        lastWasRepeat = false
                    }
                case 0x5B:  // [
                    if let f = charClass() { return f }
                    canRepeat = true
                    lastWasRepeat = false
                case 0x5C:  // backslash
                    if let f = escape(inClass: false) { return f }
                case 0x5E, 0x24:  // ^ $
                    i += 1
                    canRepeat = true  // Go allows `^*`
                    lastWasRepeat = false
                default:
                    i += 1
                    while i < n, bytes[i] & 0xC0 == 0x80 { i += 1 }
                    canRepeat = true
                    lastWasRepeat = false
                }
                _ = start
            }
            if let open = groupStarts.last { return fail("missing closing ): `\(text(open..<n))`", open..<n) }
            return nil
        }

        /// `(?…`: flags, non-capturing groups, named groups; lookaround and others are errors.
        mutating func group() -> Failure? {
            let n = bytes.count
            let start = i
            var j = i + 2
            guard j < n else { return fail("missing argument to repetition operator: `?`", (i + 1)..<(i + 2)) }
            let c = bytes[j]
            if c == 0x50 || c == 0x3C {  // (?P<name> or (?<name>
                if c == 0x50 { j += 1 }
                guard j < n, bytes[j] == 0x3C else { return fail("invalid or unsupported Perl syntax: `\(text(start..<min(n, j + 1)))`", start..<min(n, j + 1)) }
                if c == 0x3C, j + 1 < n, bytes[j + 1] == 0x3D || bytes[j + 1] == 0x21 {
                    return fail("invalid or unsupported Perl syntax: `\(text(start..<(j + 2)))`", start..<(j + 2))
                }
                var e = j + 1
                while e < n, bytes[e] != 0x3E { e += 1 }
                guard e < n else { return fail("invalid named capture: `\(text(start..<n))`", start..<n) }
                let name = bytes[(j + 1)..<e]
                let valid = !name.isEmpty && name.allSatisfy { $0 == 0x5F || ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) }
                guard valid else { return fail("invalid named capture: `\(text(start..<(e + 1)))`", start..<(e + 1)) }
                groupStarts.append(start)
                i = e + 1
                canRepeat = false
                lastWasRepeat = false
                return nil
            }
            // Flags: (?flags) or (?flags:…)
            var sawFlag = false
            var negated = false
            while j < n {
                let f = bytes[j]
                switch f {
                case 0x69, 0x6D, 0x73, 0x55:  // i m s U
                    sawFlag = true
                    j += 1
                case 0x2D:  // -
                    if negated { return fail("invalid or unsupported Perl syntax: `\(text(start..<(j + 1)))`", start..<(j + 1)) }
                    negated = true
                    sawFlag = false
                    j += 1
                case 0x3A, 0x29:  // : )
                    if negated && !sawFlag { return fail("invalid or unsupported Perl syntax: `\(text(start..<(j + 1)))`", start..<(j + 1)) }
                    if f == 0x3A {
                        groupStarts.append(start)
                        canRepeat = false
                    } else {
                        if !sawFlag && !negated { return fail("missing argument to repetition operator: `?`", (start + 1)..<(start + 2)) }
                        canRepeat = false
                    }
                    i = j + 1
                    lastWasRepeat = false
                    return nil
                default:
                    return fail("invalid or unsupported Perl syntax: `\(text(start..<(j + 1)))`", start..<(j + 1))
                }
            }
            return fail("missing closing ): `\(text(start..<n))`", start..<n)
        }

        /// `{n}`, `{n,}`, `{n,m}` at `at`; nil when the brace is a literal.
        func repeatCount(at: Int) -> (end: Int, lo: Int, hi: Int?)? {
            let n = bytes.count
            var j = at + 1
            func number() -> Int? {
                let s = j
                var v = 0
                while j < n, bytes[j] >= 0x30, bytes[j] <= 0x39 {
                    v = min(v * 10 + Int(bytes[j] - 0x30), 100_000)
                    j += 1
                }
                return j > s ? v : nil
            }
            guard let lo = number() else { return nil }
            var hi: Int? = lo
            if j < n, bytes[j] == 0x2C {
                j += 1
                hi = number()
                if hi == nil { hi = nil }
            }
            guard j < n, bytes[j] == 0x7D else { return nil }
            return (j + 1, lo, hi)
        }

        /// A bracketed class starting at `[`.
        mutating func charClass() -> Failure? {
            let n = bytes.count
            let start = i
            i += 1
            if i < n, bytes[i] == 0x5E { i += 1 }
            var first = true
            var previous: UInt32?
            while i < n {
                let c = bytes[i]
                if c == 0x5D && !first {
                    i += 1
                    return nil
                }
                first = false
                if c == 0x5B, i + 1 < n, bytes[i + 1] == 0x3A {  // [:alpha:]
                    if let close = findClassName(from: i + 2) {
                        let name = text((i + 2)..<close)
                        let names: Set<String> = ["alnum", "alpha", "ascii", "blank", "cntrl", "digit", "graph", "lower", "print", "punct", "space", "upper", "word", "xdigit",
                                                  "^alnum", "^alpha", "^ascii", "^blank", "^cntrl", "^digit", "^graph", "^lower", "^print", "^punct", "^space", "^upper", "^word", "^xdigit"]
                        guard names.contains(name) else { return fail("invalid character class range: `\(text(i..<(close + 2)))`", i..<(close + 2)) }
                        i = close + 2
                        previous = nil
                        continue
                    }
                }
                var lo: UInt32?
                let itemStart = i
                if c == 0x5C {
                    if let f = escape(inClass: true) { return f }
                    lo = lastEscapedScalar
                } else {
                    lo = decodeScalar()
                }
                // A range a-z
                if i + 1 < n, bytes[i] == 0x2D, bytes[i + 1] != 0x5D {
                    i += 1
                    var hi: UInt32?
                    if bytes[i] == 0x5C {
                        if let f = escape(inClass: true) { return f }
                        hi = lastEscapedScalar
                    } else {
                        hi = decodeScalar()
                    }
                    guard let l = lo, let h = hi, l <= h else {
                        return fail("invalid character class range: `\(text(itemStart..<i))`", itemStart..<i)
                    }
                }
                previous = lo
            }
            _ = previous
            return fail("missing closing ]: `\(text(start..<n))`", start..<n)
        }

        func findClassName(from: Int) -> Int? {
            var j = from
            while j + 1 < bytes.count {
                if bytes[j] == 0x3A && bytes[j + 1] == 0x5D { return j }
                if bytes[j] == 0x5D { return nil }
                j += 1
            }
            return nil
        }

        mutating func decodeScalar() -> UInt32 {
            let c = bytes[i]
            var v = UInt32(c)
            var len = 1
            if c >= 0xF0 { v = UInt32(c & 0x07); len = 4 } else if c >= 0xE0 { v = UInt32(c & 0x0F); len = 3 } else if c >= 0xC0 { v = UInt32(c & 0x1F); len = 2 }
            var j = i + 1
            while j < bytes.count, j < i + len {
                v = (v << 6) | UInt32(bytes[j] & 0x3F)
                j += 1
            }
            i = j
            return v
        }

        /// The scalar a class escape stood for (nil for `\d` and other classes).
        var lastEscapedScalar: UInt32?

        /// An escape starting at the backslash.
        mutating func escape(inClass: Bool) -> Failure? {
            let n = bytes.count
            let start = i
            lastEscapedScalar = nil
            guard i + 1 < n else { return fail("trailing backslash at end of expression: ``", i..<n) }
            let c = bytes[i + 1]
            i += 2
            if !inClass {
                canRepeat = true
                lastWasRepeat = false
            }
            switch c {
            case 0x31...0x37:  // \1-\7: octal only when followed by another octal digit
                guard i < n, bytes[i] >= 0x30, bytes[i] <= 0x37 else { return fail("invalid escape sequence: `\(text(start..<i))`", start..<i) }
                fallthrough
            case 0x30:
                var v = UInt32(c - 0x30)
                var count = 0
                while count < 2, i < n, bytes[i] >= 0x30, bytes[i] <= 0x37 { v = v * 8 + UInt32(bytes[i] - 0x30); i += 1; count += 1 }
                lastEscapedScalar = v
            case 0x38, 0x39:
                return fail("invalid escape sequence: `\(text(start..<i))`", start..<i)
            case 0x78:  // \x
                if i < n, bytes[i] == 0x7B {
                    var e = i + 1
                    var v: UInt32 = 0
                    while e < n, let d = hex(bytes[e]) { v = min(v * 16 + d, 0x110000); e += 1 }
                    guard e < n, bytes[e] == 0x7D, e > i + 1, v <= 0x10FFFF else { return fail("invalid escape sequence: `\(text(start..<min(n, e + 1)))`", start..<min(n, e + 1)) }
                    i = e + 1
                    lastEscapedScalar = v
                } else {
                    guard i + 1 < n, let a = hex(bytes[i]), let b = hex(bytes[i + 1]) else { return fail("invalid escape sequence: `\(text(start..<min(n, i + 2)))`", start..<min(n, i + 2)) }
                    i += 2
                    lastEscapedScalar = a * 16 + b
                }
            case 0x70, 0x50:  // \pL, \p{Greek}
                guard i < n else { return fail("invalid character class range: `\(text(start..<i))`", start..<i) }
                if bytes[i] == 0x7B {
                    guard let e = bytes[i...].firstIndex(of: 0x7D) else { return fail("invalid character class range: `\(text(start..<n))`", start..<n) }
                    i = e + 1
                } else {
                    i += 1
                }
            case 0x64, 0x44, 0x73, 0x53, 0x77, 0x57:  // \d \D \s \S \w \W
                break
            case 0x61: lastEscapedScalar = 7
            case 0x66: lastEscapedScalar = 12
            case 0x74: lastEscapedScalar = 9
            case 0x6E: lastEscapedScalar = 10
            case 0x72: lastEscapedScalar = 13
            case 0x76: lastEscapedScalar = 11
            case 0x62, 0x42, 0x41, 0x7A:  // \b \B \A \z (not in classes)
                if inClass { return fail("invalid escape sequence: `\(text(start..<i))`", start..<i) }
                canRepeat = true
            case 0x51:  // \Q…\E
                if inClass { return fail("invalid escape sequence: `\(text(start..<i))`", start..<i) }
                var e = i
                while e + 1 < n, !(bytes[e] == 0x5C && bytes[e + 1] == 0x45) { e += 1 }
                i = e + 1 < n ? e + 2 : n
            default:
                if c < 0x80, !isAlnum(c) {
                    lastEscapedScalar = UInt32(c)  // escaped punctuation
                } else {
                    var e = i
                    if c >= 0x80 { while e < n, bytes[e] & 0xC0 == 0x80 { e += 1 } }
                    return fail("invalid escape sequence: `\(text(start..<e))`", start..<e)
                }
            }
            return nil
        }

        func isAlnum(_ c: UInt8) -> Bool { c == 0x5F ? false : (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) }

        func hex(_ c: UInt8) -> UInt32? {
            switch c {
            case 0x30...0x39: return UInt32(c - 0x30)
            case 0x41...0x46: return UInt32(c - 0x41 + 10)
            case 0x61...0x66: return UInt32(c - 0x61 + 10)
            default: return nil
            }
        }
    }
}
