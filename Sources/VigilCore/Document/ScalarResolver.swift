/// Resolution of plain scalars under the YAML 1.2 core schema (what Kubernetes, Prometheus and
/// most current readers use), written over UTF-8 bytes for speed.
public enum ScalarResolver {
    public static func resolve(_ text: String) -> ResolvedScalar {
        var t = text
        return t.withUTF8 { resolve(bytes: $0) }
    }

    static func resolve(bytes b: UnsafeBufferPointer<UInt8>) -> ResolvedScalar {
        let n = b.count
        if n == 0 { return .null }
        let c0 = b[0]
        // Fast exit: most strings start with a letter that cannot begin a special value.
        switch c0 {
        case UInt8(ascii: "~"):
            return n == 1 ? .null : .string
        case UInt8(ascii: "n"), UInt8(ascii: "N"):
            return equalsAny(b, ["null", "Null", "NULL"]) ? .null : .string
        case UInt8(ascii: "t"), UInt8(ascii: "T"):
            return equalsAny(b, ["true", "True", "TRUE"]) ? .bool(true) : .string
        case UInt8(ascii: "f"), UInt8(ascii: "F"):
            return equalsAny(b, ["false", "False", "FALSE"]) ? .bool(false) : .string
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            return number(b)
        default:
            return .string
        }
    }

    private static func equalsAny(_ b: UnsafeBufferPointer<UInt8>, _ words: [StaticString]) -> Bool {
        for w in words where w.utf8CodeUnitCount == b.count {
            let p = w.utf8Start
            var same = true
            for i in 0..<b.count where p[i] != b[i] { same = false; break }
            if same { return true }
        }
        return false
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    private static func number(_ b: UnsafeBufferPointer<UInt8>) -> ResolvedScalar {
        let s = String(decoding: b, as: UTF8.self)
        let n = b.count
        // Hex and octal (unsigned only, per the core schema).
        if n > 2 && b[0] == 48 && (b[1] == UInt8(ascii: "x") || b[1] == UInt8(ascii: "o")) {
            let radix = b[1] == UInt8(ascii: "x") ? 16 : 8
            if let v = Int64(s.dropFirst(2), radix: radix) { return .int(v) }
            return .string
        }
        var i = 0
        if b[0] == UInt8(ascii: "-") || b[0] == UInt8(ascii: "+") { i = 1 }
        if i == n { return .string }
        // .inf / .nan
        if b[i] == UInt8(ascii: ".") {
            let rest = s.dropFirst(i + 1)
            if ["inf", "Inf", "INF"].contains(rest) { return .float(b[0] == UInt8(ascii: "-") ? -.infinity : .infinity) }
            if i == 0 && ["nan", "NaN", "NAN"].contains(rest) { return .float(.nan) }
        }
        // [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
        var digits = 0
        while i < n && isDigit(b[i]) { i += 1; digits += 1 }
        var isFloat = false
        if i < n && b[i] == UInt8(ascii: ".") {
            isFloat = true
            i += 1
            while i < n && isDigit(b[i]) { i += 1; digits += 1 }
        }
        if digits == 0 { return .string }
        if i < n && (b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E")) {
            isFloat = true
            i += 1
            if i < n && (b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+")) { i += 1 }
            var expDigits = 0
            while i < n && isDigit(b[i]) { i += 1; expDigits += 1 }
            if expDigits == 0 { return .string }
        }
        if i != n { return .string }
        if !isFloat, let v = Int64(s.hasPrefix("+") ? String(s.dropFirst()) : s) { return .int(v) }
        if let d = Double(s) { return .float(d) }
        return .string
    }
}
