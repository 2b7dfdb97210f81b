/// A Kubernetes resource quantity such as `500m`, `2Gi`, `1.5`, `1e3`.
///
/// Parsing follows `resource.ParseQuantity`: `<signedNumber><suffix>` where the suffix is binary
/// (`Ki Mi Gi Ti Pi Ei`), decimal (`n u m` none `k M G T P E`) or an exponent (`e3`, `E-2`).
/// The value is kept exactly, as an integer number of nano-units in `Int128`; like Kubernetes,
/// precision below one nano-unit is rounded up (away from zero), so `0.1n` is `1n`. A value
/// outside `Int128` nano-units (about ±1.7 × 10²⁹) is rejected.
///
/// Comparison, equality and hashing are by value (`1Gi == 1073741824`, `1000m == 1`); the
/// original text is kept for printing (`description`) and encoding. Decodes from a string or a
/// number (`memory: 1`, `cpu: 0.5`), encodes as a string.
public struct Quantity: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The text the quantity was written as.
    public let text: String
    /// The exact value in units of 10⁻⁹.
    public let nanounits: Int128
    /// The notation the text used, which `canonical` keeps.
    public let format: Format

    /// Kubernetes' three notations for quantities.
    public enum Format: Sendable, Hashable {
        /// Powers of 1024: `Ki` … `Ei`.
        case binarySI
        /// Powers of 1000 (`n u m k M G T P E`) or no suffix.
        case decimalSI
        /// An exponent: `1e3`, `5E-2`.
        case decimalExponent
    }

    /// Parses a quantity, throwing `QuantityError` with Kubernetes' wording.
    public init(_ text: String) throws {
        self.text = text
        (self.nanounits, self.format) = try Quantity.parse(text)
    }

    /// A quantity of whole units (bytes, cores), written as the plain integer.
    public init(_ units: Int64) {
        self.text = String(units)
        self.nanounits = Int128(units) * 1_000_000_000
        self.format = .decimalSI
    }

    /// A quantity of thousandths (millicores), written with the `m` suffix.
    public init(milli: Int64) {
        self.text = String(milli) + "m"
        self.nanounits = Int128(milli) * 1_000_000
        self.format = .decimalSI
    }

    /// A quantity already known to be valid.
    init(text: String, nanounits: Int128, format: Format) {
        self.text = text
        self.nanounits = nanounits
        self.format = format
    }

    /// Kubernetes' canonical text for the value (`Quantity.String()`): `1000m` is `1`, `1.5` is
    /// `1500m`, `2048Mi` is `2Gi`; binary quantities that are not whole, or smaller than 1024,
    /// are written in decimal (`1.5Ki` is `1536`).
    public var canonical: String {
        if nanounits == 0 { return "0" }
        if format == .binarySI && nanounits > -1024 * 1_000_000_000 && nanounits < 1024 * 1_000_000_000 {
            return Quantity.decimalCanonical(nanounits, exponentSuffix: false)
        }
        if format == .binarySI {
            let (whole, rest) = nanounits.quotientAndRemainder(dividingBy: 1_000_000_000)
            if rest != 0 { return Quantity.decimalCanonical(nanounits, exponentSuffix: false) }
            var v = whole
            var power = 0
            while power < 6 && v % 1024 == 0 {
                v /= 1024
                power += 1
            }
            return String(v) + ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"][power]
        }
        return Quantity.decimalCanonical(nanounits, exponentSuffix: format == .decimalExponent)
    }

    /// The value as mantissa × 1000ᵏ with the largest `k` (from −3 to 6) that keeps the mantissa whole.
    private static func decimalCanonical(_ nanos: Int128, exponentSuffix: Bool) -> String {
        var v = nanos
        var exponent = -9
        while exponent < 18 && v % 1000 == 0 {
            v /= 1000
            exponent += 3
        }
        if exponentSuffix { return String(v) + (exponent == 0 ? "" : "e" + String(exponent)) }
        let suffixes = [-9: "n", -6: "u", -3: "m", 0: "", 3: "k", 6: "M", 9: "G", 12: "T", 15: "P", 18: "E"]
        return String(v) + (suffixes[exponent] ?? "")
    }

    public var description: String { text }

    /// The value as a `Double` (bytes for memory and storage).
    public var bytes: Double { Double(nanounits) / 1e9 }
    /// The value as a `Double` (cores for CPU).
    public var cores: Double { bytes }
    /// The value in thousandths, rounded up as Kubernetes' `MilliValue` does.
    public var milliValue: Int128 {
        let (q, r) = nanounits.quotientAndRemainder(dividingBy: 1_000_000)
        return r > 0 ? q + 1 : q
    }

    public static func == (a: Quantity, b: Quantity) -> Bool { a.nanounits == b.nanounits }
    public static func < (a: Quantity, b: Quantity) -> Bool { a.nanounits < b.nanounits }
    public func hash(into hasher: inout Hasher) { hasher.combine(nanounits) }

    static let notAScalarMessage = "a quantity must be a string or a number, such as \"500m\" or \"2Gi\""

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text: String
        if let s = try? container.decode(String.self) {
            text = s
        } else if let i = try? container.decode(Int64.self) {
            text = String(i)
        } else if let d = try? container.decode(Double.self), d.isFinite {
            text = NumberText.float(d)
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: Quantity.notAScalarMessage)
        }
        do {
            try self.init(text)
        } catch let error as QuantityError {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    // MARK: Parsing

    private static let suffixCharacters = Set("eEinumkKMGTP".utf8)

    static func parse(_ text: String) throws -> (Int128, Format) {
        let b = Array(text.utf8)
        if b.isEmpty { throw QuantityError.formatWrong }
        var i = 0
        var negative = false
        if b[0] == UInt8(ascii: "-") || b[0] == UInt8(ascii: "+") {
            negative = b[0] == UInt8(ascii: "-")
            i = 1
        }
        func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
        var whole: [UInt8] = []
        var fraction: [UInt8] = []
        while i < b.count, isDigit(b[i]) { whole.append(b[i] - 48); i += 1 }
        var sawDot = false
        if i < b.count, b[i] == UInt8(ascii: ".") {
            sawDot = true
            i += 1
            while i < b.count, isDigit(b[i]) { fraction.append(b[i] - 48); i += 1 }
        }
        if whole.isEmpty && fraction.isEmpty {
            throw sawDot ? QuantityError.numeric : QuantityError.formatWrong
        }
        // The suffix: [eEinumkKMGTP]* [-+]? [0-9]*
        let suffixStart = i
        while i < b.count, suffixCharacters.contains(b[i]) { i += 1 }
        if i < b.count, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") { i += 1 }
        while i < b.count, isDigit(b[i]) { i += 1 }
        if i != b.count { throw QuantityError.formatWrong }
        let suffix = String(decoding: b[suffixStart...], as: UTF8.self)
        guard let (exp10, exp2) = interpret(suffix) else { throw QuantityError.suffix }
        let magnitude = try nanos(whole: whole, fraction: fraction, exp10: exp10, exp2: exp2)
        let format: Format = exp2 > 0 ? .binarySI : (suffix.first == "e" || (suffix.first == "E" && suffix.count > 1) ? .decimalExponent : .decimalSI)
        return (negative ? -magnitude : magnitude, format)
    }

    /// Powers of ten and two a suffix stands for.
    private static func interpret(_ suffix: String) -> (Int, Int)? {
        switch suffix {
        case "": return (0, 0)
        case "n": return (-9, 0)
        case "u": return (-6, 0)
        case "m": return (-3, 0)
        case "k": return (3, 0)
        case "M": return (6, 0)
        case "G": return (9, 0)
        case "T": return (12, 0)
        case "P": return (15, 0)
        case "E": return (18, 0)
        case "Ki": return (0, 10)
        case "Mi": return (0, 20)
        case "Gi": return (0, 30)
        case "Ti": return (0, 40)
        case "Pi": return (0, 50)
        case "Ei": return (0, 60)
        default:
            guard suffix.count > 1, suffix.first == "e" || suffix.first == "E",
                  let e = Int32(suffix.dropFirst()) else { return nil }
            return (Int(e), 0)
        }
    }

    /// The magnitude in nano-units, rounded up when finer than a nano-unit.
    private static func nanos(whole: [UInt8], fraction: [UInt8], exp10: Int, exp2: Int) throws -> Int128 {
        var digits = Array((whole + fraction).drop { $0 == 0 })
        var e = 9 + exp10 - fraction.count
        while digits.last == 0 { digits.removeLast(); e += 1 }
        if digits.isEmpty { return 0 }
        var shift = exp2
        if shift > 0 && e < 0 {
            digits = multiply(digits, byPowerOfTwo: shift)
            shift = 0
            while digits.last == 0 { digits.removeLast(); e += 1 }
        }
        var roundUp = false
        if e < 0 {
            let k = -e
            if k >= digits.count {
                digits = []
                roundUp = true
            } else {
                roundUp = digits[(digits.count - k)...].contains { $0 != 0 }
                digits.removeLast(k)
            }
            e = 0
        }
        if digits.count > 39 { throw QuantityError.outOfRange }
        var value: Int128 = 0
        for d in digits {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(Int128(d))
            if o1 || o2 { throw QuantityError.outOfRange }
            value = s
        }
        if roundUp {
            let (s, o) = value.addingReportingOverflow(1)
            if o { throw QuantityError.outOfRange }
            value = s
        }
        if e > 0 {
            if e > 40 { throw QuantityError.outOfRange }
            for _ in 0..<e {
                let (m, o) = value.multipliedReportingOverflow(by: 10)
                if o { throw QuantityError.outOfRange }
                value = m
            }
        }
        if shift > 0 {
            let (m, o) = value.multipliedReportingOverflow(by: Int128(1) << shift)
            if o { throw QuantityError.outOfRange }
            value = m
        }
        return value
    }

    /// Decimal digits (most significant first) times 2^power.
    private static func multiply(_ digits: [UInt8], byPowerOfTwo power: Int) -> [UInt8] {
        var result = digits
        var remaining = power
        while remaining > 0 {
            let step = min(remaining, 20)
            remaining -= step
            let factor = UInt64(1) << step
            var carry: UInt64 = 0
            for index in result.indices.reversed() {
                let v = UInt64(result[index]) * factor + carry
                result[index] = UInt8(v % 10)
                carry = v / 10
            }
            var head: [UInt8] = []
            while carry > 0 {
                head.append(UInt8(carry % 10))
                carry /= 10
            }
            result = head.reversed() + result
        }
        return result
    }
}

/// Why a quantity was rejected, with Kubernetes' wording.
public enum QuantityError: Error, CustomStringConvertible, Equatable, Sendable {
    case formatWrong
    case numeric
    case suffix
    case outOfRange

    public var description: String {
        switch self {
        case .formatWrong:
            return "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"
        case .numeric: return "unable to parse quantity's numeric part"
        case .suffix: return "unable to parse quantity's suffix"
        case .outOfRange: return "quantity is too large"
        }
    }
}

extension Quantity {
    /// `n` mebibytes, written `nMi`.
    public static func mebibytes(_ n: Int64) -> Quantity { Quantity(text: "\(n)Mi", nanounits: Int128(n) * 1_048_576 * 1_000_000_000, format: .binarySI) }
    /// `n` gibibytes, written `nGi`.
    public static func gibibytes(_ n: Int64) -> Quantity { Quantity(text: "\(n)Gi", nanounits: Int128(n) * 1_073_741_824 * 1_000_000_000, format: .binarySI) }
    /// `n` thousandths of a core, written `nm`.
    public static func millicores(_ n: Int64) -> Quantity { Quantity(milli: n) }
}
