import Testing
@testable import VigilPromQL

@Suite("Type checking")
struct TypeTests {
    static let types: [(String, ValueType)] = [
        ("1", .scalar), ("-1", .scalar), ("1h", .scalar), ("\"s\"", .string), ("foo", .instantVector),
        ("foo[5m]", .rangeVector), ("foo[5m:]", .rangeVector), ("rate(foo[5m])[1h:1m]", .rangeVector),
        ("rate(foo[5m])", .instantVector), ("time()", .scalar), ("scalar(foo)", .scalar), ("vector(1)", .instantVector),
        ("sum(foo)", .instantVector), ("count_values(\"v\", foo)", .instantVector), ("1 + 1", .scalar),
        ("1 + foo", .instantVector), ("foo + 1", .instantVector), ("foo + foo", .instantVector), ("1 > bool 1", .scalar),
        ("-foo", .instantVector), ("-(1)", .scalar), ("(foo)", .instantVector), ("(foo[5m])", .rangeVector),
        ("pi() * 2", .scalar), ("foo offset 5m", .instantVector), ("foo @ start()", .instantVector),
    ]

    @Test("expression types", arguments: types)
    func exprType(_ c: (String, ValueType)) {
        let r = PromQL.parse(c.0)
        #expect(r.expr?.type == c.1, "\(c.0)")
    }

    @Test func messagesUseDocumentedTypeNames() {
        #expect(ValueType.allCases.map(\.description) == ["scalar", "instant vector", "range vector", "string"])
    }

    @Test func parenthesisedRangeVectorIsNotARangeSelectorArgument() {
        // Prometheus accepts a parenthesised range vector as a function argument.
        #expect(PromQL.parse("rate((foo[5m]))").isValid)
    }

    @Test func stringTopLevelIsAllowed() {
        #expect(PromQL.parse("\"just a string\"").isValid)
    }

    @Test func scalarComparisonNeedsBoolEvenNested() {
        let r = PromQL.parse("foo > (1 < 2)")
        #expect(r.errors.map(\.message) == ["comparisons between scalars must use BOOL modifier"])
        #expect(r.errors.first?.range == 9..<10)
    }

    @Test func setOperatorsOnlyBetweenVectors() {
        for op in ["and", "or", "unless"] {
            #expect(PromQL.parse("foo \(op) bar").isValid)
            #expect(!PromQL.parse("foo \(op) 1").isValid)
            #expect(!PromQL.parse("foo \(op) on (a) group_left bar").isValid)
        }
    }

    @Test func groupModifiersWorkWithEveryNonSetOperator() {
        for op in BinaryOp.allCases where !op.isSetOperator {
            let bool = op.isComparison ? " bool" : ""
            #expect(PromQL.parse("foo \(op.rawValue)\(bool) on (a) group_left (b) bar").isValid, "\(op)")
        }
    }

    @Test func everyFunctionIsCheckedForArgumentTypes() {
        for fn in PromQLFunction.all where !fn.argTypes.isEmpty && fn.name != "info" {
            var args: [String] = []
            for i in 0..<fn.minArgs + (fn.minArgs == 0 ? 1 : 0) {
                // A string is never accepted where a vector or scalar is wanted, and vice versa.
                args.append(fn.argType(at: i) == .string ? "1" : "\"wrong\"")
            }
            let r = PromQL.parse("\(fn.name)(\(args.joined(separator: ", ")))", options: Corpus.experimental)
            #expect(r.errors.count == args.count, "\(fn.name): \(r.errors)")
            #expect(r.errors.allSatisfy { $0.message.hasPrefix("expected type ") && $0.message.contains("\"\(fn.name)\"") })
        }
    }
}
