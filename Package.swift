// swift-tools-version: 6.1
import PackageDescription

/// Settings every Vigil target shares: Swift 6 language mode and explicit existentials.
let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Vigil",
    products: [
        .library(name: "Vigil", targets: ["Vigil"]),
        .executable(name: "vigil", targets: ["vigil"]),
        .executable(name: "vigil-bench", targets: ["VigilBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .target(
            name: "VigilCore",
            dependencies: [
                "CYAML",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ],
            swiftSettings: strict
        ),
        .target(name: "VigilStack", dependencies: ["VigilCore", "VigilPromQL", "VigilPrometheus", "VigilKubernetes", "VigilAlertmanager", "VigilElastic", "VigilGrafana"], swiftSettings: strict),
        .target(name: "Vigil", dependencies: ["VigilCore", "VigilPromQL", "VigilPrometheus", "VigilKubernetes", "VigilAlertmanager", "VigilElastic", "VigilGrafana", "VigilDiff", "VigilStack"], swiftSettings: strict),
        .target(name: "VigilKubernetes", dependencies: ["VigilCore"], swiftSettings: strict),
        .target(name: "VigilElastic", dependencies: ["VigilKubernetes"], swiftSettings: strict),
        .executableTarget(
            name: "vigil",
            dependencies: [
                "Vigil",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .target(name: "VigilPromQL", dependencies: ["VigilCore"], swiftSettings: strict),
        .target(name: "VigilPrometheus", dependencies: ["VigilPromQL"], swiftSettings: strict),
        .executableTarget(name: "VigilBench", dependencies: ["VigilCore", "VigilPrometheus", "VigilKubernetes", "VigilStack", "VigilDiff"], swiftSettings: strict),
        .target(name: "VigilAlertmanager", dependencies: ["VigilCore"], swiftSettings: strict),
        .testTarget(name: "VigilAlertmanagerTests", dependencies: ["VigilAlertmanager"], exclude: ["Fixtures", "fetch-corpus.sh"], swiftSettings: strict),
        .testTarget(name: "VigilCoreTests", dependencies: ["VigilCore"], swiftSettings: strict),
        .testTarget(name: "VigilPromQLTests", dependencies: ["VigilPromQL"], swiftSettings: strict),
        .testTarget(name: "VigilKubernetesTests", dependencies: ["VigilKubernetes"], exclude: ["Fixtures"], swiftSettings: strict),
        .testTarget(name: "VigilElasticTests", dependencies: ["VigilElastic"], exclude: ["Fixtures", "fetch-corpus.sh"], swiftSettings: strict),
        .testTarget(name: "VigilStackTests", dependencies: ["VigilStack"], swiftSettings: strict),
        .testTarget(name: "VigilCLITests", dependencies: ["vigil", "VigilStack"], exclude: ["Fixtures"], swiftSettings: strict),
        .testTarget(name: "VigilPrometheusTests", dependencies: ["VigilPrometheus"], exclude: ["Fixtures", "fetch-corpus.sh"], swiftSettings: strict),
        .target(name: "VigilGrafana", dependencies: ["VigilPromQL"], swiftSettings: strict),
        .testTarget(name: "VigilGrafanaTests", dependencies: ["VigilGrafana"], exclude: ["fetch-corpus.sh"], swiftSettings: strict),
        .target(name: "VigilDiff", dependencies: ["VigilCore", "VigilPromQL", "VigilElastic"], swiftSettings: strict),
        .testTarget(name: "VigilDiffTests", dependencies: ["VigilDiff"], swiftSettings: strict),
        // examples/aurelis-swift's stack, compiled here too so a test can hold it to the YAML
        // stack's rendered files (the example's own Package.swift builds it against this package).
        .target(name: "AurelisSwiftExample", dependencies: ["Vigil"], path: "examples/aurelis-swift/Sources/AurelisStack", swiftSettings: strict),
        .testTarget(name: "AurelisSwiftExampleTests", dependencies: ["AurelisSwiftExample", "Vigil"], swiftSettings: strict),
    ]
)
