/// Text for numbers that every reader Vigil's output meets parses back to the same value.
///
/// Floats are written in Swift's shortest round-trip form, adjusted so that YAML 1.1 readers
/// (PyYAML, go-yaml v2: a float needs a `.` and a signed exponent), YAML 1.2 readers, JSON and
/// Go's `strconv.ParseFloat` all agree:
/// - integral values below 10¹⁵ in magnitude print as integers: `5`, `-3`, `0`;
/// - other values print with a fraction: `0.05`, `2.5`; exponent forms always carry a dot and
///   a signed exponent: `1.0e-09`, `1.5e+20`;
/// - NaN is `.nan`, infinities `.inf` / `-.inf` (the YAML spellings; JSON output turns these
///   into strings, see `JSONEmitter`).
public enum NumberText {
    /// The text of a `Double`.
    public static func float(_ value: Double) -> String {
        if value.isNaN { return ".nan" }
        if value.isInfinite { return value < 0 ? "-.inf" : ".inf" }
        if value == 0 { return value.sign == .minus ? "-0.0" : "0" }
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return normalize(value.description)
    }

    /// The text of a `Float` (shortest form that round-trips as a `Float`).
    public static func float(_ value: Float) -> String {
        if value.isNaN { return ".nan" }
        if value.isInfinite { return value < 0 ? "-.inf" : ".inf" }
        if value == 0 { return value.sign == .minus ? "-0.0" : "0" }
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return normalize(value.description)
    }

    /// Rewrites Swift's `1e-09` / `1.5e+20` to the dotted, signed-exponent form.
    static func normalize(_ text: String) -> String {
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return text }
        var mantissa = String(text[..<e])
        var exponent = String(text[text.index(after: e)...])
        if !mantissa.contains(".") { mantissa += ".0" }
        if !exponent.hasPrefix("-") && !exponent.hasPrefix("+") { exponent = "+" + exponent }
        return mantissa + "e" + exponent
    }
}
