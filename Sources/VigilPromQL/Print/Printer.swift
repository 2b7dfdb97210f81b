/// Canonical text of PromQL trees: a compact one-line form and a `promtool promql format`-style
/// pretty form that splits nodes longer than `maxLineLength` over several lines.
public enum PromQLPrinter {
    /// Lines longer than this are split by `pretty` (Prometheus uses 100).
    public static let maxLineLength = 100

    /// The one-line canonical form.
    public static func compact(_ e: Expr) -> String {
        var out = ""
        write(e, into: &out)
        return out
    }

    /// The multi-line canonical form, as `promtool promql format` prints it.
    public static func pretty(_ e: Expr, maxLineLength: Int = PromQLPrinter.maxLineLength) -> String {
        var p = Pretty(maxLineLength: maxLineLength)
        return p.pretty(e, level: 0)
    }

    // MARK: Compact form

    static func write(_ e: Expr, into out: inout String) {
        switch e.kind {
        case .number(let n): out += formatNumber(n)
        case .string(let s): out += quote(s)
        case .vectorSelector(let vs): writeSelector(vs, range: nil, into: &out)
        case .matrixSelector(let ms): writeSelector(ms.selector, range: ms.range, into: &out)
        case .subquery(let sq):
            write(sq.expr, into: &out)
            out += "[" + PromQLDuration.format(sq.range) + ":"
            if let step = sq.step { out += PromQLDuration.format(step) }
            out += "]"
            writeModifiers(at: sq.at, offset: sq.offset, into: &out)
        case .call(let c):
            out += c.function.name + "("
            for (i, a) in c.args.enumerated() {
                if i > 0 { out += ", " }
                write(a, into: &out)
            }
            out += ")"
        case .aggregate(let a):
            out += aggregateHead(a) + "("
            if let p = a.param {
                write(p, into: &out)
                out += ", "
            }
            write(a.expr, into: &out)
            out += ")"
        case .binary(let b):
            write(b.lhs, into: &out)
            out += " " + binaryOperator(b) + " "
            write(b.rhs, into: &out)
        case .unary(let u):
            out += u.negative ? "-" : "+"
            write(u.expr, into: &out)
        case .paren(let inner):
            out += "("
            write(inner, into: &out)
            out += ")"
        }
    }

    /// `sum`, `sum by (job) `, `sum without (x) `.
    static func aggregateHead(_ a: Aggregate) -> String {
        switch a.grouping {
        case .none: return a.op.rawValue
        case .by(let l): return a.op.rawValue + " by (" + labelList(l) + ") "
        case .without(let l): return a.op.rawValue + " without (" + labelList(l) + ") "
        }
    }

    /// The operator with its modifiers: `> bool on (job) group_left (team)`.
    static func binaryOperator(_ b: Binary) -> String {
        var s = b.op.rawValue
        if b.returnBool { s += " bool" }
        if let m = b.matching {
            s += (m.on ? " on (" : " ignoring (") + labelList(m.labels) + ")"
            switch m.cardinality {
            case .oneToOne: break
            case .manyToOne(let l): s += " group_left (" + labelList(l) + ")"
            case .oneToMany(let l): s += " group_right (" + labelList(l) + ")"
            }
        }
        return s
    }

    static func labelList(_ labels: [String]) -> String {
        var s = ""
        for (i, l) in labels.enumerated() {
            if i > 0 { s += ", " }
            s += isLabelName(l) ? l : quote(l)
        }
        return s
    }

    /// One matcher as Prometheus prints it: `name="value"`, the name quoted when it must be.
    static func matcherText(_ m: LabelMatcher) -> String {
        (isLabelName(m.name) ? m.name : quote(m.name)) + m.op.rawValue + quote(m.value)
    }

    /// `name{a="1",b!="2"}`: matchers sorted and joined by commas, as Prometheus prints them.
    static func writeSelector(_ vs: VectorSelector, range: Int64?, into out: inout String) {
        var parts = vs.matchers.map(matcherText)
        if parts.count > 1 { parts.sort() }
        var quotedName: String?
        if let name = vs.name {
            if isMetricName(name) { out += name } else { quotedName = quote(name) }
        }
        if !parts.isEmpty || vs.name == nil || quotedName != nil {
            out += "{"
            if let quotedName {
                out += quotedName
                if !parts.isEmpty { out += ", " }
            }
            for (i, m) in parts.enumerated() {
                if i > 0 { out += "," }
                out += m
            }
            out += "}"
        }
        if let range { out += "[" + PromQLDuration.format(range) + "]" }
        writeModifiers(at: vs.at, offset: vs.offset, into: &out)
    }

    static func writeModifiers(at: AtModifier?, offset: Int64?, into out: inout String) {
        switch at {
        case .none: break
        case .start: out += " @ start()"
        case .end: out += " @ end()"
        case .timestamp(let ms):
            let sign = ms < 0 ? "-" : ""
            let a = ms.magnitude
            let frac = String(a % 1000)
            out += " @ " + sign + String(a / 1000) + "." + String(repeating: "0", count: 3 - frac.count) + frac
        }
        if let offset { out += " offset " + PromQLDuration.format(offset) }
    }

    // MARK: Names, strings, numbers

    /// Whether `s` can be written bare as a label name (keywords can: labels are never operators).
    public static func isLabelName(_ s: String) -> Bool {
        var first = true
        for c in s.utf8 {
            if !(Lexer.isAlpha(c) || (!first && Lexer.isDigit(c))) { return false }
            first = false
        }
        return !first
    }

    /// Whether `s` can be written bare as a metric name.
    public static func isMetricName(_ s: String) -> Bool {
        var first = true
        for c in s.utf8 {
            if !(Lexer.isAlpha(c) || c == 0x3A || (!first && Lexer.isDigit(c))) { return false }
            first = false
        }
        if first { return false }
        return !isReservedWord(s)
    }

    /// Words the lexer would not read as a plain identifier.
    static func isReservedWord(_ s: String) -> Bool {
        // No keyword is longer than this: most metric names need no copy and no comparison.
        guard s.utf8.count <= Lexer.longestKeyword else { return false }
        let b = Array(s.utf8)
        if b.count == 3 {
            let l = s.lowercased()
            if l == "inf" || l == "nan" { return true }
        }
        return Lexer.keyword(b, 0, b.count).0 != .none
    }

    /// A double-quoted string literal with Go escapes.
    public static func quote(_ s: String) -> String {
        // The common case, printable ASCII without quotes or backslashes, needs no escaping.
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }) { return "\"" + s + "\"" }
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{07}": out += "\\a"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{0B}": out += "\\v"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\x" + (hex.count < 2 ? "0" : "") + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Go's `FormatFloat(v, 'f', -1, 64)`: shortest round-tripping digits, never an exponent.
    public static func formatNumber(_ n: NumberLiteral) -> String {
        let v = n.value
        if n.isDuration, v.isFinite, abs(v) < 9.2e15 {
            let ms = Int64((v * 1000).rounded())
            if Double(ms) / 1000 == v { return PromQLDuration.format(ms) }
        }
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v < 0 ? "-Inf" : "Inf" }
        if v == v.rounded(), abs(v) < 1e15 { return v == 0 ? (v.sign == .minus ? "-0" : "0") : String(Int64(v)) }
        return expand(v.description)
    }

    /// Rewrites Swift's shortest representation ("1e-07", "1.5e+20") without an exponent.
    static func expand(_ d: String) -> String {
        var s = Substring(d)
        var sign = ""
        if s.hasPrefix("-") { sign = "-"; s = s.dropFirst() }
        guard let eIndex = s.firstIndex(where: { $0 == "e" || $0 == "E" }) else {
            return sign + (s.hasSuffix(".0") ? String(s.dropLast(2)) : String(s))
        }
        let mantissa = s[s.startIndex..<eIndex]
        guard let exp = Int(s[s.index(after: eIndex)...].replacingPlus()) else { return d }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let intPart = String(parts[0])
        let fracPart = parts.count > 1 ? String(parts[1]) : ""
        var digits = intPart + fracPart
        var point = intPart.count + exp
        if point <= 0 {
            digits = String(repeating: "0", count: -point + 1) + digits
            point = 1
        } else if point >= digits.count {
            digits += String(repeating: "0", count: point - digits.count)
        }
        let idx = digits.index(digits.startIndex, offsetBy: point)
        var frac = String(digits[idx...])
        while frac.hasSuffix("0") { frac.removeLast() }
        var whole = String(digits[..<idx])
        while whole.count > 1 && whole.hasPrefix("0") { whole.removeFirst() }
        return sign + whole + (frac.isEmpty ? "" : "." + frac)
    }
}

extension Substring {
    fileprivate func replacingPlus() -> Substring { hasPrefix("+") ? dropFirst() : self }
}

/// Prometheus's prettier: a node that fits in `maxLineLength` stays on one line, otherwise
/// its children go on their own lines, indented by two spaces per level.
struct Pretty {
    let maxLineLength: Int

    func indent(_ level: Int) -> String { String(repeating: "  ", count: level) }

    mutating func pretty(_ e: Expr, level: Int) -> String {
        let flat = PromQLPrinter.compact(e)
        if flat.utf8.count <= maxLineLength { return indent(level) + flat }
        switch e.kind {
        case .number, .string, .vectorSelector, .matrixSelector:
            return indent(level) + flat
        case .subquery(let sq):
            var suffix = ""
            suffix += "[" + PromQLDuration.format(sq.range) + ":"
            if let step = sq.step { suffix += PromQLDuration.format(step) }
            suffix += "]"
            PromQLPrinter.writeModifiers(at: sq.at, offset: sq.offset, into: &suffix)
            return pretty(sq.expr, level: level) + suffix
        case .call(let c):
            var s = indent(level) + c.function.name + "(\n"
            for (i, a) in c.args.enumerated() {
                if i > 0 { s += ",\n" }
                s += pretty(a, level: level + 1)
            }
            return s + "\n" + indent(level) + ")"
        case .aggregate(let a):
            var s = indent(level) + PromQLPrinter.aggregateHead(a) + "(\n"
            if let p = a.param { s += pretty(p, level: level + 1) + ",\n" }
            s += pretty(a.expr, level: level + 1)
            return s + "\n" + indent(level) + ")"
        case .binary(let b):
            return pretty(b.lhs, level: level + 1) + "\n" + indent(level) + PromQLPrinter.binaryOperator(b) + "\n"
                + pretty(b.rhs, level: level + 1)
        case .unary(let u):
            let child = pretty(u.expr, level: level)
            return indent(level) + (u.negative ? "-" : "+") + child.drop { $0 == " " }
        case .paren(let inner):
            return indent(level) + "(\n" + pretty(inner, level: level + 1) + "\n" + indent(level) + ")"
        }
    }
}
