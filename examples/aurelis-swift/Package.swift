// swift-tools-version: 6.1
import PackageDescription

// The Aurelis stack of examples/aurelis, written against Vigil's Swift API instead of vigil.yaml.
// `swift run render-aurelis --out rendered` writes the same files as
// `vigil render ../aurelis/vigil.yaml --all-envs --out rendered`, byte for byte.
let package = Package(
    name: "aurelis-swift",
    dependencies: [
        .package(name: "Vigil", path: "../.."),
    ],
    targets: [
        .target(name: "AurelisStack", dependencies: [.product(name: "Vigil", package: "Vigil")]),
        .executableTarget(name: "render-aurelis", dependencies: ["AurelisStack", .product(name: "Vigil", package: "Vigil")]),
    ]
)
