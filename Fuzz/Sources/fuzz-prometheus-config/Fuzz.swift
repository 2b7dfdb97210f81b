import FuzzSupport
import Vigil

/// A Prometheus configuration: strict decoding into `PrometheusConfig`, then the whole lint.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    Fuzz.decodeAndLint(Fuzz.file(data, size, path: "prometheus.yml"), as: PrometheusConfig.self)
    return 0
}

@_cdecl("fuzz_prometheus_config_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    Fuzz.main(argc, argv, fuzz)
}
