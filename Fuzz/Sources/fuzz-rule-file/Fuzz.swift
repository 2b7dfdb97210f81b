import FuzzSupport
import Vigil

/// A Prometheus rule file: the rule-group decoder (expressions, templates) on every document,
/// then the whole lint.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let file = Fuzz.file(data, size, path: "rules.yaml")
    let loaded = YAMLLoader.load(file)
    for document in loaded.documents {
        var decoder = RuleFileDecoder(file: file)
        _ = decoder.decodeGroups(document.root["groups"] ?? document.root)
        Fuzz.checkPositions(decoder.diagnostics, in: file)
    }
    Fuzz.lint(file)
    return 0
}

@_cdecl("fuzz_rule_file_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    Fuzz.main(argc, argv, fuzz)
}
