import FuzzSupport
import Vigil

/// Kubernetes manifests (objects and `List`s, ConfigMaps with embedded configs): the object
/// decoder on every document, then the whole lint.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let file = Fuzz.file(data, size, path: "manifests.yaml")
    let loaded = YAMLLoader.load(file)
    for document in loaded.documents {
        let items = document.root["kind"]?.scalarText == "List" ? document.root["items"]?.sequence ?? [] : [document.root]
        for item in items {
            Fuzz.checkPositions(KubernetesObjects.decode(item, file: file).diagnostics, in: file)
        }
    }
    Fuzz.lint(file)
    return 0
}

@_cdecl("fuzz_kubernetes_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    Fuzz.main(argc, argv, fuzz)
}
