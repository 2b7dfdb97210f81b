import VigilCore

/// `vigil routes show` and `vigil routes test`: the routing tree and where an alert goes,
/// printed as amtool prints them.
public enum RoutesTool {
    /// What a command prints and how it exits: 0 fine, 1 `--verify-receivers` mismatch,
    /// 2 invalid config or arguments.
    public struct Output: Sendable, Equatable {
        public var stdout: String
        public var stderr: String
        public var exitCode: Int32
    }

    /// Prints the routing tree of the config in `text`.
    public static func show(text: String, path: String) async -> Output {
        let loaded = await load(text: text, path: path)
        guard let tree = loaded.tree else { return loaded.failure }
        return Output(stdout: "Routing tree:\n" + RouteTreePrinter.show(tree) + "\n", stderr: loaded.warnings, exitCode: 0)
    }

    /// Prints the receivers an alert with `labels` (`name=value` each) reaches, comma-separated
    /// in routing order; with `tree`, the matching branches first. `verifyReceivers` (the
    /// expected comma-separated list, as amtool's `--verify.receivers`) makes a mismatch exit 1.
    public static func test(text: String, path: String, labels: [String], verifyReceivers: String? = nil, tree: Bool = false) async -> Output {
        let parsed: [String: String]
        switch parseLabels(labels) {
        case .success(let l): parsed = l
        case .failure(let e): return Output(stdout: "", stderr: "error: \(e.message)\n", exitCode: 2)
        }
        let loaded = await load(text: text, path: path)
        guard let root = loaded.tree else { return loaded.failure }
        var out = ""
        if tree {
            out += "Matching routes:\n" + RouteTreePrinter.matching(root, labels: parsed) + "\n\n"
        }
        let slug = root.receivers(for: parsed).joined(separator: ",")
        out += slug + "\n"
        if let expected = verifyReceivers, !expected.isEmpty, expected != slug {
            out += "WARNING: Expected receivers did not match resolved receivers.\n"
            return Output(stdout: out, stderr: loaded.warnings, exitCode: 1)
        }
        return Output(stdout: out, stderr: loaded.warnings, exitCode: 0)
    }

    /// A label argument that is not `name=value`.
    public struct LabelError: Error, Sendable {
        public let message: String
    }

    /// Parses `name=value` arguments as amtool does (values may be quoted; the last of a
    /// repeated name wins).
    public static func parseLabels(_ args: [String]) -> Result<[String: String], LabelError> {
        var out: [String: String] = [:]
        for a in args {
            do {
                let m = try MatcherParser.parse(a)
                guard m.op == .equal else {
                    return .failure(LabelError(message: "labels must be specified as key=value pairs, got \(a)"))
                }
                out[m.name] = m.value
            } catch {
                return .failure(LabelError(message: "Failed to parse labels: \(error)"))
            }
        }
        return .success(out)
    }

    struct Loaded {
        var tree: RoutingNode?
        var failure: Output
        var warnings: String
    }

    /// Loads the config in `text`, or the one a ConfigMap or Secret manifest in `text` holds.
    static func load(text: String, path: String) async -> Loaded {
        let file = SourceFile(path: path, text: text)
        let embedded = EmbeddedConfig.find(in: file)
        let result = await AlertmanagerCheck.check(file: embedded?.config ?? file)
        let reporter = TextReporter(color: false)
        let errors = result.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty, let config = result.configs.first, let tree = RoutingNode(config: config) else {
            let shownFile = embedded.map { file.redacting($0.secrets) } ?? AlertmanagerRedaction.redact(result.file)
            var err = errors.map { reporter.render($0, file: shownFile) }.joined()
            if errors.isEmpty { err += "\(path): no Alertmanager route found\n" }
            err += "\(path): invalid Alertmanager configuration; fix the errors above (`vigil lint \(path)` shows warnings too)\n"
            return Loaded(tree: nil, failure: Output(stdout: "", stderr: err, exitCode: 2), warnings: "")
        }
        return Loaded(tree: tree, failure: Output(stdout: "", stderr: "", exitCode: 0), warnings: "")
    }
}
