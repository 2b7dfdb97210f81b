import FuzzSupport
import Vigil

/// A stack file (`vigil.yaml`): strict decoding into `Stack`, then the whole lint (which also
/// generates and checks every environment's output).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    Fuzz.decodeAndLint(Fuzz.file(data, size, path: "vigil.yaml"), as: Stack.self)
    return 0
}

@_cdecl("fuzz_stack_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    Fuzz.main(argc, argv, fuzz)
}
