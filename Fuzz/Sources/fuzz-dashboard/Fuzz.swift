import FuzzSupport
import Vigil

/// A Grafana dashboard (JSON): strict decoding into `Dashboard`, then the whole lint.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    Fuzz.decodeAndLint(Fuzz.file(data, size, path: "dashboard.json"), as: Dashboard.self)
    return 0
}

@_cdecl("fuzz_dashboard_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    Fuzz.main(argc, argv, fuzz)
}
