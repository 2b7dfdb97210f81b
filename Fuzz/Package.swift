// swift-tools-version: 6.1
import PackageDescription

/// libFuzzer targets for every parser of Vigil, one executable per parser. Build with
/// `scripts/fuzz.sh` (it passes `-sanitize=fuzzer,address`); run with `make fuzz`.
let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

/// One fuzz target: `Sources/<name>/Fuzz.swift` defines `LLVMFuzzerTestOneInput` and the
/// module's renamed `main` (`fuzz_<name>_main`), which starts libFuzzer's driver.
func fuzzTarget(_ name: String) -> Target {
    .executableTarget(name: name, dependencies: ["FuzzSupport"], swiftSettings: strict)
}

let targets = [
    "fuzz-yaml", "fuzz-prometheus-config", "fuzz-rule-file", "fuzz-alertmanager-config", "fuzz-kubernetes",
    "fuzz-dashboard", "fuzz-stack", "fuzz-promql", "fuzz-matchers", "fuzz-go-template", "fuzz-logstash",
]

let package = Package(
    name: "VigilFuzz",
    dependencies: [.package(name: "Vigil", path: "..")],
    targets: [
        .target(name: "CFuzzDriver"),
        .target(name: "FuzzSupport", dependencies: ["CFuzzDriver", .product(name: "Vigil", package: "Vigil")], swiftSettings: strict),
    ] + targets.map(fuzzTarget)
)
