import FuzzSupport
import Vigil

/// The YAML/JSON loader: any bytes load or get positioned diagnostics; every loaded document
/// emits as YAML and JSON (or is refused by the emitters' limits), and the emitted YAML loads
/// again, without a syntax error, to the same data.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let file = Fuzz.file(data, size, path: "fuzz.yaml")
    let loaded = YAMLLoader.load(file)
    Fuzz.checkPositions(loaded.diagnostics, in: file)
    for document in loaded.documents {
        _ = try? JSONEmitter().emit(document.root)
        guard let yaml = try? YAMLEmitter().emit(document.root) else { continue }
        let again = YAMLLoader.load(text: yaml, path: "emitted.yaml")
        if let d = again.diagnostics.first(where: { $0.rule == "yaml/syntax" }) {
            Fuzz.fail("emitted YAML does not load: \(d.message)\n\(yaml)")
        }
        // Duplicate keys (reported on the input) are emitted as they are and re-reported.
        guard again.diagnostics.isEmpty, let root = again.documents.first?.root else { continue }
        if !NodeEquivalence.equal(document.root, root) {
            Fuzz.fail("emitted YAML loads to other data:\n\(yaml)")
        }
    }
    return 0
}

@_cdecl("fuzz_yaml_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    Fuzz.main(argc, argv, fuzz)
}
