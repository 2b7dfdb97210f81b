/// Decides how a string is written in YAML so that every reader gets the same string back.
///
/// A string is written plain only when it is a legal plain scalar in block context *and*
/// neither a YAML 1.2 core-schema reader nor a YAML 1.1 reader (PyYAML, ruamel in 1.1 mode,
/// go-yaml v2) would resolve it to something else. The YAML 1.1 checks are deliberately a
/// little wider than the 1.1 regular expressions (any case of `yes`/`no`/`on`/`off`/`y`/`n`,
/// anything made only of digits and `_ . : e E + -`, anything starting `dddd-`; ruamel.yaml's
/// looser number patterns too), since an
/// unneeded quote is harmless and a missing one changes the meaning.
public enum YAMLQuoting {
    /// How a string scalar is written.
    public enum Style: Sendable, Equatable {
        case plain, singleQuoted, doubleQuoted, literal
    }

    /// The style for a string value; `allowBlock` permits literal block scalars for multi-line text.
    public static func style(for text: String, allowBlock: Bool = true) -> Style {
        var hasNewline = false
        for u in text.unicodeScalars {
            if u == "\n" { hasNewline = true; continue }
            if needsEscape(u) { return .doubleQuoted }
        }
        if hasNewline {
            return allowBlock && literalFits(text) ? .literal : .doubleQuoted
        }
        if isPlainSafe(text) { return .plain }
        return .singleQuoted
    }

    /// Whether `text` can be written plain and read back as the same string by YAML 1.1 and 1.2 readers.
    ///
    /// Stricter than `isLegalPlain`: no string starting with an indicator character (not even
    /// `-x`, which YAML allows) is written plain.
    public static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, !indicators.contains(first) else { return false }
        return isLegalPlain(text) && !isAmbiguous(text)
    }

    private static let indicators = Set("-?:,[]{}#&*!|>'\"%@`".unicodeScalars)

    /// Whether `text` is syntactically a plain scalar in block context (one line, no indicators
    /// in the wrong places), whatever type a reader would resolve it to. `-`, `?` and `:` may
    /// start a plain scalar when a non-space follows (`-1`, `-Xmx512m`); the other indicators
    /// may not, nor may `---` and `...` (document markers).
    public static func isLegalPlain(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return false }
        if indicators.contains(first) {
            guard first == "-" || first == "?" || first == ":" else { return false }
            let second = scalars.dropFirst().first
            if second == nil || second == " " { return false }
        }
        if first == " " || last == " " || last == ":" { return false }
        if text.hasPrefix("...") || text.hasPrefix("---") { return false }
        var previous: Unicode.Scalar = " "
        for u in scalars {
            if u == "\n" || u == "\t" || needsEscape(u) { return false }
            if previous == ":" && u == " " { return false }
            if previous == " " && u == "#" { return false }
            previous = u
        }
        return true
    }

    /// Whether a YAML 1.2 or YAML 1.1 reader would resolve the plain scalar `text` to a
    /// non-string (null, bool, number, timestamp, merge key, value key).
    public static func isAmbiguous(_ text: String) -> Bool {
        // Every non-string starts with one of these; most text (names, labels) does not.
        guard let first = text.utf8.first else { return true }
        guard ambiguousStarts.contains(first) else { return false }
        if case .string = ScalarResolver.resolve(text) {} else { return true }
        if text.utf8.count <= 5 {
            switch text.lowercased() {
            case "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~", "=", "<<":
                return true
            default:
                break
            }
        }
        return looksNumeric11(text) || looksLikeTimestamp(text)
    }

    private static let ambiguousStarts = Set("yYnNoOtTfF~=<0123456789.+-_".utf8)

    /// `isAmbiguous` without the fast path, to test it against.
    static func isAmbiguousSlow(_ text: String) -> Bool {
        if case .string = ScalarResolver.resolve(text) {} else { return true }
        switch text.lowercased() {
        case "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~", "=", "<<":
            return true
        default:
            break
        }
        return looksNumeric11(text) || looksLikeTimestamp(text)
    }

    /// YAML 1.1 ints and floats: binary, octal, hex, `_` separators, sexagesimal, `.inf`/`.nan`.
    static func looksNumeric11(_ text: String) -> Bool {
        var t = Substring(text)
        if t.first == "-" || t.first == "+" { t = t.dropFirst() }
        guard let first = t.first else { return false }
        let lower = t.lowercased()
        if lower.hasPrefix("0b") || lower.hasPrefix("0x") || lower.hasPrefix("0o") {
            let rest = lower.dropFirst(2)
            return !rest.isEmpty && rest.allSatisfy { $0.isHexDigit || $0 == "_" }
        }
        if lower == ".inf" || lower == ".nan" { return true }
        // ruamel.yaml reads even `_`, `+_` and `._` as numbers (and then fails on them), so no
        // digit is required.
        guard first.isASCII && (first.isNumber || first == "." || first == "_") else { return false }
        return t.allSatisfy { ($0.isASCII && $0.isNumber) || "_.:eE+-".contains($0) }
    }

    /// YAML 1.1 timestamps all start with four digits and a dash.
    static func looksLikeTimestamp(_ text: String) -> Bool {
        let u = Array(text.utf8.prefix(5))
        guard u.count == 5 else { return false }
        return u[0..<4].allSatisfy { $0 >= 48 && $0 <= 57 } && u[4] == UInt8(ascii: "-")
    }

    /// Characters that only a double-quoted scalar can carry: controls other than tab and line
    /// feed, DEL, C1 controls (also NEL, a line break to YAML 1.1), the Unicode line and
    /// paragraph separators, the byte-order mark and the non-characters U+FFFE/U+FFFF.
    static func needsEscape(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        switch v {
        case 0x09, 0x0A: return false
        case 0..<0x20, 0x7F, 0x80...0x9F, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF: return true
        default: return false
        }
    }

    /// Whether a literal block scalar represents `text` exactly: it must have content besides
    /// line breaks (a block of only empty lines is chomped away).
    static func literalFits(_ text: String) -> Bool {
        text.contains { $0 != "\n" }
    }

    /// `text` in single quotes (quotes doubled).
    public static func singleQuoted(_ text: String) -> String {
        "'" + text.replacingAll("'", with: "''") + "'"
    }

    /// `text` in double quotes with YAML escapes for `"`, `\` and every character `needsEscape` names.
    public static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        for u in text.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\0": out += "\\0"
            case "\u{07}": out += "\\a"
            case "\u{08}": out += "\\b"
            case "\u{0B}": out += "\\v"
            case "\u{0C}": out += "\\f"
            case "\u{1B}": out += "\\e"
            case "\u{85}": out += "\\N"
            case "\u{2028}": out += "\\L"
            case "\u{2029}": out += "\\P"
            default:
                if needsEscape(u) {
                    out += hexEscape(u)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    static func hexEscape(_ u: Unicode.Scalar) -> String {
        let hex = String(u.value, radix: 16, uppercase: true)
        if u.value <= 0xFF { return "\\x" + String(repeating: "0", count: 2 - hex.count) + hex }
        if u.value <= 0xFFFF { return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex }
        return "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
    }
}

extension String {
    /// Replaces every occurrence of `target` (without Foundation), for the few replacements the emitters need.
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var out = ""
        var rest = self[...]
        while let r = rest.firstRange(of: target) {
            out += rest[..<r.lowerBound]
            out += replacement
            rest = rest[r.upperBound...]
        }
        out += rest
        return out
    }
}
