import Foundation
import AurelisStack
import Vigil

// render-aurelis --out DIR: writes every environment of the Aurelis stack under DIR/ENV/,
// as `vigil render ../aurelis/vigil.yaml --all-envs --out DIR` does.
let arguments = CommandLine.arguments.dropFirst()
guard arguments.count == 2, arguments.first == "--out", let out = arguments.last else {
    FileHandle.standardError.write(Data("usage: render-aurelis --out DIR\n".utf8))
    exit(2)
}
switch Aurelis.renderAll() {
case .failure(let failure):
    FileHandle.standardError.write(Data("render-aurelis: \(failure)\n".utf8))
    exit(1)
case .success(let trees):
    for (environment, tree) in trees {
        let dir = (out as NSString).appendingPathComponent(environment)
        do {
            let summary = try OutputWriter().write(tree, to: dir)
            print("\(dir): \(summary.description)")
        } catch {
            FileHandle.standardError.write(Data("render-aurelis: \(error)\n".utf8))
            exit(2)
        }
    }
}
