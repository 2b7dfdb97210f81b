import Vigil

extension Aurelis {
    /// The files of every environment, after the same validation `vigil render` makes (the
    /// stack resolves, and linting the rendered files finds no error), in declaration order.
    public static func renderAll() -> Result<[(environment: String, tree: RenderedTree)], RenderFailure> {
        var trees: [(environment: String, tree: RenderedTree)] = []
        for environment in StackLoader.environments(of: stack) {
            let (resolved, problems) = StackLoader.load(stack, environment: environment)
            guard let resolved, !problems.contains(where: { $0.severity == .error }) else {
                return .failure(RenderFailure(environment: environment, problems: problems.map(\.message)))
            }
            let (files, result) = StackValidation.validate(resolved)
            let errors = result.diagnostics.filter { $0.severity == .error }
            guard errors.isEmpty else {
                return .failure(RenderFailure(environment: environment, problems: errors.map { "\($0.file): \($0.message)" }))
            }
            var tree = RenderedTree()
            for file in files { tree.files[file.path] = file.bytes }
            trees.append((environment, tree))
        }
        return .success(trees)
    }

    /// An environment that did not resolve or render cleanly.
    public struct RenderFailure: Error, CustomStringConvertible {
        public let environment: String
        public let problems: [String]
        public var description: String { "\(environment): \(problems.joined(separator: "; "))" }
    }
}
