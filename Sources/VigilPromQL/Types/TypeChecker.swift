extension Expr {
    /// The value type this expression evaluates to.
    public var type: ValueType {
        switch kind {
        case .number: return .scalar
        case .string: return .string
        case .vectorSelector: return .instantVector
        case .matrixSelector, .subquery: return .rangeVector
        case .call(let c): return c.function.returnType
        case .aggregate: return .instantVector
        case .binary(let b): return b.lhs.type == .scalar && b.rhs.type == .scalar ? .scalar : .instantVector
        case .unary(let u): return u.expr.type
        case .paren(let e): return e.type
        }
    }
}

/// Prometheus's type rules, applied to a whole tree; every violation is reported.
enum TypeChecker {
    static func check(_ root: Expr, source: [UInt8], maxDepth: Int) -> [PromQLError] {
        var checker = State(source: source)
        if root.height > maxDepth {
            return [PromQLError(.limit, "expression nesting too deep (more than \(maxDepth) levels)", range: root.range)]
        }
        checker.visit(root, bypassEmptyMatcherCheck: false)
        return checker.errors
    }

    struct State {
        let source: [UInt8]
        var errors: [PromQLError] = []

        mutating func error(_ message: String, _ range: Range<Int>) {
            errors.append(PromQLError(.type, message, range: range))
        }

        mutating func expect(_ e: Expr, _ want: ValueType, _ context: String) {
            visit(e, bypassEmptyMatcherCheck: false)
            let got = e.type
            if got != want { error("expected type \(want) in \(context), got \(got)", e.range) }
        }

        /// The operator's range: the text between the operands, trimmed.
        func operatorRange(_ b: Binary) -> Range<Int> {
            var lo = b.lhs.range.upperBound, hi = b.rhs.range.lowerBound
            guard lo < hi, hi <= source.count else { return lo..<max(lo, hi) }
            while lo < hi, Lexer.isSpace(source[lo]) { lo += 1 }
            while hi > lo, Lexer.isSpace(source[hi - 1]) { hi -= 1 }
            return lo..<hi
        }

        mutating func visit(_ e: Expr, bypassEmptyMatcherCheck: Bool) {
            switch e.kind {
            case .number, .string:
                return
            case .vectorSelector(let vs):
                checkSelector(vs, e.range, bypassEmptyMatcherCheck: bypassEmptyMatcherCheck)
            case .matrixSelector(let ms):
                checkSelector(ms.selector, e.range, bypassEmptyMatcherCheck: false)
            case .subquery(let sq):
                visit(sq.expr, bypassEmptyMatcherCheck: false)
                let t = sq.expr.type
                if t != .instantVector { error("subquery is only allowed on instant vector, got \(t) instead", e.range) }
            case .paren(let inner):
                visit(inner, bypassEmptyMatcherCheck: false)
            case .unary(let u):
                visit(u.expr, bypassEmptyMatcherCheck: false)
                let t = u.expr.type
                if t != .scalar && t != .instantVector {
                    error("unary expression only allowed on expressions of type scalar or instant vector, got \"\(t)\"", e.range)
                }
            case .aggregate(let a):
                expect(a.expr, .instantVector, "aggregation expression")
                if let want = a.op.parameterType {
                    if let p = a.param { expect(p, want, "aggregation parameter") } else {
                        error("wrong number of arguments for aggregate expression provided, expected 2, got 1", e.range)
                    }
                } else if let p = a.param {
                    visit(p, bypassEmptyMatcherCheck: false)
                    error("wrong number of arguments for aggregate expression provided, expected 1, got 2", e.range)
                }
            case .call(let c):
                checkCall(c, e.range)
            case .binary(let b):
                checkBinary(b, e.range)
            }
        }

        mutating func checkSelector(_ vs: VectorSelector, _ range: Range<Int>, bypassEmptyMatcherCheck: Bool) {
            if let name = vs.name {
                if let m = vs.matchers.first(where: { $0.name == "__name__" }) {
                    error("metric name must not be set twice: \(PromQLPrinter.quote(name)) or \(PromQLPrinter.quote(m.value))", range)
                }
                return
            }
            if bypassEmptyMatcherCheck { return }
            if !vs.matchers.contains(where: { !MatcherSemantics.matchesEmpty($0) }) {
                error("vector selector must contain at least one non-empty matcher", range)
            }
        }

        mutating func checkCall(_ c: Call, _ range: Range<Int>) {
            let fn = c.function
            let n = c.args.count
            if fn.variadic == 0 {
                if n != fn.argTypes.count {
                    error("expected \(fn.argTypes.count) argument(s) in call to \(PromQLPrinter.quote(fn.name)), got \(n)", range)
                }
            } else if n < fn.minArgs {
                error("expected at least \(fn.minArgs) argument(s) in call to \(PromQLPrinter.quote(fn.name)), got \(n)", range)
            } else if let maxArgs = fn.maxArgs, n > maxArgs {
                error("expected at most \(maxArgs) argument(s) in call to \(PromQLPrinter.quote(fn.name)), got \(n)", range)
            }
            for (index, arg) in c.args.enumerated() {
                let isInfoSelector = fn.name == "info" && index == 1
                if isInfoSelector {
                    if case .vectorSelector(let vs) = arg.kind {
                        if vs.name != nil { error("expected label selectors only, got vector selector instead", arg.range) }
                    } else {
                        error("expected label selectors only", arg.range)
                    }
                }
                visit(arg, bypassEmptyMatcherCheck: isInfoSelector)
                guard let want = fn.argType(at: index) else { continue }
                let got = arg.type
                if got != want {
                    error("expected type \(want) in call to function \(PromQLPrinter.quote(fn.name)), got \(got)", arg.range)
                }
            }
        }

        mutating func checkBinary(_ b: Binary, _ range: Range<Int>) {
            visit(b.lhs, bypassEmptyMatcherCheck: false)
            visit(b.rhs, bypassEmptyMatcherCheck: false)
            let lt = b.lhs.type, rt = b.rhs.type
            if b.returnBool && !b.op.isComparison {
                error("bool modifier can only be used on comparison operators", operatorRange(b))
            }
            if b.op.isComparison && !b.returnBool && lt == .scalar && rt == .scalar {
                error("comparisons between scalars must use BOOL modifier", operatorRange(b))
            }
            if let m = b.matching, m.on {
                let include: [String]
                switch m.cardinality {
                case .oneToOne: include = []
                case .manyToOne(let l), .oneToMany(let l): include = l
                }
                for l in m.labels where include.contains(l) {
                    error("label \(PromQLPrinter.quote(l)) must not occur in ON and GROUP clause at once", operatorRange(b))
                }
            }
            if lt != .scalar && lt != .instantVector {
                error("binary expression must contain only scalar and instant vector types", b.lhs.range)
            }
            if rt != .scalar && rt != .instantVector {
                error("binary expression must contain only scalar and instant vector types", b.rhs.range)
            }
            let bothVectors = lt == .instantVector && rt == .instantVector
            if let m = b.matching, !bothVectors {
                if !m.labels.isEmpty || m.on || m.cardinality != .oneToOne {
                    error("vector matching only allowed between instant vectors", range)
                }
            } else if b.op.isSetOperator, bothVectors, let m = b.matching, m.cardinality != .oneToOne {
                error("no grouping allowed for \(PromQLPrinter.quote(b.op.rawValue)) operation", range)
            }
            if (lt == .scalar || rt == .scalar) && b.op.isSetOperator {
                error("set operator \(PromQLPrinter.quote(b.op.rawValue)) not allowed in binary scalar expression", range)
            }
        }
    }
}

/// What a label matcher matches.
public enum MatcherSemantics {
    /// Whether the matcher accepts a series that lacks the label (an empty value).
    public static func matchesEmpty(_ m: LabelMatcher) -> Bool {
        switch m.op {
        case .equal: return m.value.isEmpty
        case .notEqual: return !m.value.isEmpty
        case .regexMatch: return regexMatchesEmpty(m.value)
        case .regexNoMatch: return !regexMatchesEmpty(m.value)
        }
    }

    /// Whether the (fully anchored) regular expression matches the empty string.
    public static func regexMatchesEmpty(_ pattern: String) -> Bool {
        switch pattern {
        case "", ".*", "^.*$": return true
        case ".+", "^.+$": return false
        default: break
        }
        // Compiling a regex costs tens of microseconds per matcher; most patterns need a
        // character outside any group (`5..`, `api|web` aside), which settles it.
        if requiresACharacter(pattern) { return false }
        guard let regex = try? Regex("^(?:" + pattern + ")$") else { return false }
        return (try? regex.wholeMatch(in: "")) != nil
    }

    /// Whether every match of `pattern` has at least one character, judged without compiling
    /// it: a top-level atom (literal, `.`, class, simple escape) without a quantifier that
    /// allows zero repetitions, in a pattern without alternation. False means "not known".
    static func requiresACharacter(_ pattern: String) -> Bool {
        let b = Array(pattern.utf8)
        if b.contains(UInt8(ascii: "|")) { return false }
        var i = 0, depth = 0
        while i < b.count {
            let c = b[i]
            switch c {
            case UInt8(ascii: "("): depth += 1; i += 1; continue
            case UInt8(ascii: ")"): depth -= 1; i += 1; continue
            case UInt8(ascii: "\\"):
                guard i + 1 < b.count else { return false }
                if depth > 0 { i += 2; continue }
                // Zero-width and multi-byte escapes are left to the regex engine.
                if !(b[i + 1] == UInt8(ascii: "d") || b[i + 1] == UInt8(ascii: "D") || b[i + 1] == UInt8(ascii: "s")
                     || b[i + 1] == UInt8(ascii: "S") || b[i + 1] == UInt8(ascii: "w") || b[i + 1] == UInt8(ascii: "W")
                     || (b[i + 1] < 0x80 && !isAlphanumeric(b[i + 1]))) { return false }
                i += 2
            case UInt8(ascii: "["):
                guard let end = classEnd(b, i) else { return false }
                if depth > 0 { i = end; continue }
                i = end
            case UInt8(ascii: "^"), UInt8(ascii: "$"):
                i += 1
                continue
            case UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"), UInt8(ascii: "{"):
                // A quantifier after a group, or one this scan does not follow.
                if depth > 0 || i > 0 && b[i - 1] == UInt8(ascii: ")") { i += 1; continue }
                return false
            default:
                i += 1
                while i < b.count, b[i] & 0xC0 == 0x80 { i += 1 }
                if depth > 0 { continue }
            }
            // A top-level atom ended at `i`: it needs a character unless a quantifier allows none.
            guard i < b.count else { return true }
            switch b[i] {
            case UInt8(ascii: "*"), UInt8(ascii: "?"):
                i += 1
                if i < b.count, b[i] == UInt8(ascii: "?") { i += 1 }
            case UInt8(ascii: "{"):
                return false
            default:
                return true
            }
        }
        return false
    }

    static func isAlphanumeric(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
    }

    /// The index after the character class that opens at `start`, or nil when it is not closed.
    static func classEnd(_ b: [UInt8], _ start: Int) -> Int? {
        var i = start + 1
        if i < b.count, b[i] == UInt8(ascii: "^") { i += 1 }
        if i < b.count, b[i] == UInt8(ascii: "]") { i += 1 }
        while i < b.count {
            switch b[i] {
            case UInt8(ascii: "\\"): i += 2
            case UInt8(ascii: "]"): return i + 1
            case UInt8(ascii: "["):
                if i + 1 < b.count, b[i + 1] == UInt8(ascii: ":") {
                    guard let close = b[(i + 2)...].indices.first(where: { b[$0] == UInt8(ascii: "]") && b[$0 - 1] == UInt8(ascii: ":") }) else { return nil }
                    i = close + 1
                } else {
                    i += 1
                }
            default: i += 1
            }
        }
        return nil
    }
}
