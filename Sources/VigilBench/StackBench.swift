import Foundation
import VigilCore
import VigilStack

/// Rendering the Aurelis example: resolving and rendering both environments, and the same with
/// the in-memory lint that `vigil render` runs before it writes.
enum StackBench: BenchSuite {
    static let name = "stack"

    static func run(_ options: Options) async {
        let path = "examples/aurelis/vigil.yaml"
        guard let data = FileManager.default.contents(atPath: path) else {
            print("stack: \(path) not found (run from the repository root)")
            return
        }
        let file = SourceFile(path: path, bytes: [UInt8](data))
        let environments = StackLoader.environments(of: file)
        var bytes = 0
        let renderTime = best(options.repeats) {
            bytes = 0
            for env in environments {
                let (resolved, _) = StackLoader.load(file, environment: env, readFile: StackFiles.reader(relativeTo: path))
                guard let resolved else { continue }
                bytes += StackRenderer(stack: resolved.stack).render().reduce(0) { $0 + $1.bytes.count }
            }
        }
        let validateTime = best(options.repeats) {
            for env in environments {
                let (resolved, _) = StackLoader.load(file, environment: env, readFile: StackFiles.reader(relativeTo: path))
                guard let resolved else { continue }
                _ = StackValidation.validate(resolved)
            }
        }
        let kb = Double(bytes) / 1024
        print(String(format: "render aurelis, %d environments (%.0f KB)   %8.1f ms", environments.count, kb, renderTime * 1000))
        print(String(format: "render + validate (as vigil render does) %8.1f ms  (%.1fx the rendering alone)", validateTime * 1000, validateTime / renderTime))
    }
}
