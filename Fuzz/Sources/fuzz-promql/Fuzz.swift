import FuzzSupport
import Vigil

/// PromQL: parse, type-check, analyse; a valid expression prints (compact and pretty) to text
/// that parses back to the same tree.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Fuzz.text(data, size)
    let options = ParseOptions(experimentalFunctions: true)
    let result = PromQL.parse(input, options: options)
    let count = input.utf8.count
    for e in result.errors where e.range.lowerBound < 0 || e.range.upperBound > count || e.range.lowerBound > e.range.upperBound {
        Fuzz.fail("error range \(e.range) outside the input of \(count) bytes: \(e.message)")
    }
    if result.expr == nil && result.errors.isEmpty { Fuzz.fail("no tree and no error") }
    _ = PromQLTool.check(expression: input)
    guard result.isValid, let expr = result.expr else { return 0 }
    _ = expr.selectors()
    _ = expr.thresholds()
    _ = expr.outputLabels()
    for printed in [PromQLPrinter.compact(expr), PromQLPrinter.pretty(expr)] {
        let again = PromQL.parse(printed, options: options)
        guard let reparsed = again.expr else {
            Fuzz.fail("printed form does not parse: \(printed.debugDescription): \(again.errors.first?.message ?? "")")
        }
        if reparsed != expr { Fuzz.fail("printed form parses to another tree: \(input.debugDescription) → \(printed.debugDescription)") }
    }
    return 0
}

@_cdecl("fuzz_promql_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    Fuzz.main(argc, argv, fuzz)
}
