import Testing
@testable import VigilPromQL

@Suite("Parser: deep nesting")
struct NestingTests {
    /// A deeply nested input, built inside the test so the runner does not print megabytes.
    struct DeepInput: Sendable, CustomTestStringConvertible {
        var name: String
        var make: @Sendable () -> String
        var testDescription: String { name }
    }

    static let inputs: [DeepInput] = [
        DeepInput(name: "10 000 parentheses") { String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000) },
        DeepInput(name: "1 000 000 parentheses") { String(repeating: "(", count: 1_000_000) + "1" + String(repeating: ")", count: 1_000_000) },
        DeepInput(name: "1 000 000 unclosed") { String(repeating: "(", count: 1_000_000) },
        DeepInput(name: "100 000 unary minus") { String(repeating: "-", count: 100_000) + "foo" },
        DeepInput(name: "100 000 additions") { Array(repeating: "foo", count: 100_000).joined(separator: " + ") },
        DeepInput(name: "100 000 powers") { Array(repeating: "2", count: 100_000).joined(separator: " ^ ") },
        DeepInput(name: "10 000 subqueries") { "foo" + String(repeating: "[5m:]", count: 10_000) },
        DeepInput(name: "10 000 nested calls") { String(repeating: "abs(", count: 10_000) + "foo" + String(repeating: ")", count: 10_000) },
        DeepInput(name: "10 000 nested aggregations") { String(repeating: "sum(", count: 10_000) + "foo" + String(repeating: ")", count: 10_000) },
        DeepInput(name: "10 000 nested argument lists") { String(repeating: "clamp(", count: 10_000) + "foo" + String(repeating: ", 1, 2)", count: 10_000) },
        DeepInput(name: "10 000 nested braces in a string") { "\"" + String(repeating: "({[", count: 10_000) + "\"" },
    ]

    @Test("fails fast with a nesting error", arguments: inputs)
    func tooDeep(_ c: DeepInput) {
        let input = c.make()
        let result: ParseResult? = PromQL.parse(input)
        if c.name.hasSuffix("in a string") {
            #expect(result?.isValid == true)
            return
        }
        #expect(result?.expr == nil)
        #expect(result?.errors.first?.message.contains("expression nesting too deep") == true, "\(c.name): \(result?.errors ?? [])")
        #expect(result?.errors.first?.kind == .limit)
    }

    @Test func nestingBelowTheLimitIsFine() throws {
        let input = String(repeating: "(", count: 200) + "foo" + String(repeating: ")", count: 200)
        let expr = try PromQL.parseExpr(input)
        #expect(expr.height == 201)
        #expect(PromQL.parse(PromQLPrinter.compact(expr)).expr == expr)
        let chain = Array(repeating: "foo", count: 300).joined(separator: " + ")
        #expect(PromQL.parse(chain).isValid)
    }

    @Test func limitIsConfigurable() {
        let input = String(repeating: "(", count: 20) + "1" + String(repeating: ")", count: 20)
        #expect(PromQL.parse(input, options: ParseOptions(maxDepth: 10)).errors.first?.kind == .limit)
        #expect(PromQL.parse(input, options: ParseOptions(maxDepth: 41)).isValid)
        #expect(PromQL.parse(input, options: ParseOptions(maxDepth: 40)).errors.first?.kind == .limit)
    }

    @Test func walkersStopAtTheirLimit() {
        var e = Expr(.vectorSelector(VectorSelector(name: "foo")))
        for _ in 0..<2000 { e = Expr(.unary(Unary(negative: true, expr: Expr(.paren(e))))) }
        #expect(e.height == 4001)
        var visited = 0
        let complete = PromQLWalker(maxDepth: 100).walk(e) { _, _ in
            visited += 1
            return .descend
        }
        #expect(!complete)
        #expect(visited == 101)
        #expect(e.selectors(maxDepth: 100).isEmpty)
        let labels = LabelAnalyzer(maxDepth: 100).labels(of: e)
        #expect(!labels.isExact && labels.certain.isEmpty)
        let errors = TypeChecker.check(e, source: [], maxDepth: 500)
        #expect(errors.first?.message.contains("nesting too deep") == true)
    }

    @Test func walkerCanStopAndSkip() throws {
        let e = try PromQL.parseExpr("sum(rate(a[5m])) + sum(rate(b[5m]))")
        var names: [String] = []
        PromQLWalker().walk(e) { node, _ in
            if case .vectorSelector = node.kind { return .stop }
            if case .matrixSelector(let m) = node.kind {
                names.append(m.selector.name ?? "")
                return .stop
            }
            return .descend
        }
        #expect(names == ["a"])
        var count = 0
        PromQLWalker().walk(e) { node, _ in
            count += 1
            if case .aggregate = node.kind { return .skipChildren }
            return .descend
        }
        #expect(count == 3)
        #expect(PromQLWalker().nodes(e).count == 7)
    }
}
