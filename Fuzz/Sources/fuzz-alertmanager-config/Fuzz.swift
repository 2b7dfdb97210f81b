import FuzzSupport
import Vigil

/// An Alertmanager configuration: strict decoding into `AlertmanagerConfig`, the whole lint, and
/// the routing tree printed and simulated.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let file = Fuzz.file(data, size, path: "alertmanager.yml")
    Fuzz.decodeAndLint(file, as: VigilAlertmanager.AlertmanagerConfig.self)
    let text = Fuzz.text(data, size)
    Fuzz.wait {
        _ = await RoutesTool.show(text: text, path: "alertmanager.yml")
        _ = await RoutesTool.test(text: text, path: "alertmanager.yml", labels: ["severity=critical", "alertname=Fuzz"], tree: true)
    }
    return 0
}

@_cdecl("fuzz_alertmanager_config_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    Fuzz.main(argc, argv, fuzz)
}
