import FuzzSupport
import Vigil

/// Go templates as Prometheus parses alert annotations: every error and reference points inside
/// the text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Fuzz.text(data, size)
    let count = input.utf8.count
    let t = GoTemplate.parse(input)
    let ranges = (t.error.map { [$0.range] } ?? []) + t.labelReferences.map(\.range) + t.valueReferences
    for r in ranges where r.lowerBound < 0 || r.upperBound > count {
        Fuzz.fail("range \(r) outside the template of \(count) bytes")
    }
    return 0
}

@_cdecl("fuzz_go_template_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    Fuzz.main(argc, argv, fuzz)
}
