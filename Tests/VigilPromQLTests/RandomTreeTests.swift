import Testing
@testable import VigilPromQL

/// SplitMix64: small, seeded, deterministic.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Generates random well-formed trees shaped as the parser would build them (parentheses where
/// precedence needs them), so printing and re-parsing must give the same tree back.
struct TreeGenerator {
    var rng: SeededRandom

    static let metricNames = ["foo", "http_requests_total", "job:rate5m:sum", "http.requests", "sum", "start", "ünï", "inf", "a"]
    static let labelNames = ["job", "instance", "le", "on", "bool", "dotted.name", "nan", "__name__x", "ü"]
    static let strings = ["", "x", "a\"b", "back\\slash", "new\nline", "tab\t", "ü✓", "'single'", "`tick`", "\u{01}"]

    mutating func int(_ n: Int) -> Int { Int(rng.next() % UInt64(n)) }
    mutating func chance(_ percent: Int) -> Bool { int(100) < percent }
    mutating func pick<T>(_ items: [T]) -> T { items[int(items.count)] }

    mutating func duration() -> Int64 {
        let base: [Int64] = [1, 500, 1000, 60_000, 300_000, 3_600_000, 86_400_000, 604_800_000, 31_536_000_000, 5_430_123]
        return pick(base) * Int64(1 + int(3))
    }

    mutating func number() -> NumberLiteral {
        switch int(8) {
        case 0: return NumberLiteral(.infinity)
        case 1: return NumberLiteral(.nan)
        case 2: return NumberLiteral(Double(duration()) / 1000, isDuration: true)
        case 3: return NumberLiteral(Double(int(1_000_000)) / 1000)
        case 4: return NumberLiteral(1e-9 * Double(1 + int(9)))
        case 5: return NumberLiteral(1.5e21)
        default: return NumberLiteral(Double(int(1000)))
        }
    }

    mutating func labels() -> [String] { (0..<(1 + int(3))).map { _ in pick(Self.labelNames) } }

    mutating func selector() -> VectorSelector {
        var vs = VectorSelector()
        if chance(80) { vs.name = pick(Self.metricNames) }
        for _ in 0..<int(3) {
            vs.matchers.append(LabelMatcher(name: pick(Self.labelNames), op: pick(MatchOp.allCases), value: pick(Self.strings)))
        }
        if vs.name == nil { vs.matchers.append(LabelMatcher(name: "job", op: .equal, value: "x")) }
        if chance(20) { vs.offset = duration() * (chance(30) ? -1 : 1) }
        if chance(15) { vs.at = pick([AtModifier.start, .end, .timestamp(milliseconds: Int64(int(2_000_000_000)) * 1000 + Int64(int(1000)) - 500_000)]) }
        return vs
    }

    /// Parenthesise `e` when it is a binary operation binding looser than `precedence`
    /// (or equally, on the side associativity would regroup).
    func operand(_ e: Expr, of op: BinaryOp, left: Bool) -> Expr {
        switch e.kind {
        case .binary(let b):
            let p = b.op.precedence, q = op.precedence
            let needs = p < q || (p == q && (left ? op.isRightAssociative : !op.isRightAssociative))
            return needs ? Expr(.paren(e)) : e
        case .unary where left && op == .pow:
            return Expr(.paren(e))
        case .number(let n) where left && op == .pow && (n.value.sign == .minus && !n.value.isNaN):
            return Expr(.paren(e))
        default:
            return e
        }
    }

    /// Something a `[range]`, `offset` or `@` may follow without regrouping.
    func postfixable(_ e: Expr) -> Expr {
        switch e.kind {
        case .vectorSelector, .call, .aggregate, .paren, .subquery: return e
        default: return Expr(.paren(e))
        }
    }

    mutating func expr(_ type: ValueType, depth: Int) -> Expr {
        let leaf = depth <= 0
        switch type {
        case .string:
            return Expr(.string(pick(Self.strings)))
        case .scalar:
            switch leaf ? 0 : int(6) {
            case 0, 1: return Expr(.number(number()))
            case 2: return Expr(.call(Call(function: pick(["time", "pi"].compactMap(PromQLFunction.named)), args: [])))
            case 3: return Expr(.call(Call(function: PromQLFunction.named("scalar").map { $0 } ?? PromQLFunction.all[0], args: [expr(.instantVector, depth: depth - 1)])))
            case 4: return Expr(.paren(expr(.scalar, depth: depth - 1)))
            default:
                let op = pick(BinaryOp.allCases.filter { !$0.isSetOperator })
                let l = operand(expr(.scalar, depth: depth - 1), of: op, left: true)
                let r = operand(expr(.scalar, depth: depth - 1), of: op, left: false)
                return Expr(.binary(Binary(op: op, lhs: l, rhs: r, returnBool: op.isComparison)))
            }
        case .rangeVector:
            if leaf || chance(60) {
                return Expr(.matrixSelector(MatrixSelector(selector: selector(), range: duration())))
            }
            var sq = Subquery(expr: postfixable(expr(.instantVector, depth: depth - 1)), range: duration(), step: chance(50) ? duration() : nil)
            if chance(30) { sq.offset = duration() }
            if chance(20) { sq.at = .end }
            return Expr(.subquery(sq))
        case .instantVector:
            switch leaf ? 0 : int(7) {
            case 0, 1: return Expr(.vectorSelector(selector()))
            case 2:
                let fns = PromQLFunction.all.filter { $0.returnType == .instantVector && $0.name != "info" }
                let fn = pick(fns)
                var args: [Expr] = []
                let count = fn.minArgs + (fn.variadic != 0 && chance(50) ? 1 : 0)
                for i in 0..<count { args.append(expr(fn.argType(at: i) ?? .scalar, depth: depth - 1)) }
                return Expr(.call(Call(function: fn, args: args)))
            case 3:
                let op = pick(AggregationOp.allCases)
                let grouping: Grouping = pick([.none, .by(labels()), .without(labels()), .without([])])
                let param = op.parameterType.map { expr($0, depth: depth - 1) }
                return Expr(.aggregate(Aggregate(op: op, expr: expr(.instantVector, depth: depth - 1), param: param, grouping: grouping, groupingAfterBody: chance(50))))
            case 4:
                let op = pick(BinaryOp.allCases)
                let scalarSide = !op.isSetOperator && chance(30)
                let lt: ValueType = scalarSide && chance(50) ? .scalar : .instantVector
                let rt: ValueType = scalarSide && lt == .instantVector ? .scalar : .instantVector
                let l = operand(expr(lt, depth: depth - 1), of: op, left: true)
                let r = operand(expr(rt, depth: depth - 1), of: op, left: false)
                var matching: VectorMatching?
                if lt == .instantVector && rt == .instantVector && chance(50) {
                    let on = chance(50)
                    var card = Cardinality.oneToOne
                    if !op.isSetOperator && chance(50) { card = chance(50) ? .manyToOne(chance(50) ? [] : ["team"]) : .oneToMany(["team"]) }
                    let ls = on ? labels() : (card == .oneToOne ? labels() : [])
                    matching = VectorMatching(on: on, labels: ls.filter { $0 != "team" }, cardinality: card)
                    if !on, matching?.labels.isEmpty == true, card == .oneToOne { matching = nil }
                }
                return Expr(.binary(Binary(op: op, lhs: l, rhs: r, returnBool: op.isComparison && chance(40), matching: matching)))
            case 5:
                var inner = expr(.instantVector, depth: depth - 1)
                if case .binary(let b) = inner.kind, b.op != .pow { inner = Expr(.paren(inner)) }
                return Expr(.unary(Unary(negative: chance(70), expr: inner)))
            default:
                return Expr(.paren(expr(.instantVector, depth: depth - 1)))
            }
        }
    }
}

@Suite("Printer: random trees")
struct RandomTreeTests {
    @Test("print then parse gives the same tree", arguments: [UInt64(1), 2, 3, 42, 2026])
    func roundTrip(seed: UInt64) throws {
        var gen = TreeGenerator(rng: SeededRandom(seed: seed))
        for _ in 0..<400 {
            let type = gen.pick([ValueType.instantVector, .instantVector, .scalar, .rangeVector])
            let tree = gen.expr(type, depth: 5)
            let compact = PromQLPrinter.compact(tree)
            let parsed = PromQL.parse(compact, options: Corpus.experimental)
            let reparsed = try #require(parsed.expr, "\(compact): \(parsed.errors)")
            #expect(reparsed == tree, "\(compact)")
            #expect(PromQLPrinter.compact(reparsed) == compact)
            let pretty = PromQLPrinter.pretty(tree, maxLineLength: 40)
            #expect(PromQL.parse(pretty, options: Corpus.experimental).expr == tree, "\(pretty)")
        }
    }

    @Test func generatorIsDeterministic() {
        var a = TreeGenerator(rng: SeededRandom(seed: 7)), b = TreeGenerator(rng: SeededRandom(seed: 7))
        let ta = (0..<20).map { _ in PromQLPrinter.compact(a.expr(.instantVector, depth: 4)) }
        let tb = (0..<20).map { _ in PromQLPrinter.compact(b.expr(.instantVector, depth: 4)) }
        #expect(ta == tb)
        #expect(Set(ta).count > 10)
    }

    @Test func generatorCoversTheGrammar() {
        var gen = TreeGenerator(rng: SeededRandom(seed: 99))
        let all = (0..<400).map { _ in PromQLPrinter.compact(gen.expr(.instantVector, depth: 5)) }.joined(separator: "\n")
        for fragment in ["group_left", "group_right", "on (", "ignoring (", " bool ", "offset -", "@ start()", "@ end()", ":]",
                         "by (", "without (", "topk(", "count_values(", "-(", "{\"", "Inf", "NaN", " ^ ", " unless ", "\\n"] {
            #expect(all.contains(fragment), "generator never produced \(fragment)")
        }
    }
}
