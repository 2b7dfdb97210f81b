import VigilCore

/// Output formats of `vigil diff`.
public enum DiffFormat: String, Sendable, CaseIterable {
    case text, brief, json, github
}

/// What `vigil diff A B` does, as a function the command and the tests share.
public enum DiffTool {
    /// What a run printed and how it ended.
    public struct Outcome: Sendable {
        public var output: String
        /// Messages for standard error (unreadable inputs, YAML errors).
        public var errors: String
        /// 0 same, 1 different, 2 trouble.
        public var exitCode: Int32
    }

    /// Compares the files or directories `old` and `new` (either may be `-`).
    public static func run(old: String, new: String, format: DiffFormat = .text, ignore: [String] = [], color: Bool = false,
                           readStandardInput: () -> [UInt8] = { [] }) -> Outcome {
        if old == "-" && new == "-" { return Outcome(output: "", errors: "vigil: " + DiffInputError.bothStandardInput.description + "\n", exitCode: 2) }
        let a: DiffSide, b: DiffSide
        do throws(DiffInputError) {
            a = try DiffInputs.read(old, readStandardInput: readStandardInput)
            b = try DiffInputs.read(new, readStandardInput: readStandardInput)
        } catch {
            return Outcome(output: "", errors: "vigil: \(error)\n", exitCode: 2)
        }
        let options = DiffOptions(ignore: ignore.map(IgnorePattern.init), oldLabel: old, newLabel: new)
        let result: DiffResult
        switch (a, b) {
        case (.file(let x), .file(let y)):
            result = SemanticDiff.diff(oldFile: x, newFile: y, options: options)
        case (.tree(let x), .tree(let y)):
            result = SemanticDiff.diff(old: x, new: y, options: options)
        case (.file(let f), .tree), (.tree, .file(let f)):
            if f.path == "-" { return Outcome(output: "", errors: "vigil: " + DiffInputError.standardInputWithDirectory.description + "\n", exitCode: 2) }
            let directory = f.path == old ? new : old
            return Outcome(output: "", errors: "vigil: " + DiffInputError.fileWithDirectory(file: f.path, directory: directory).description + "\n", exitCode: 2)
        }
        return outcome(result, format: format, color: color)
    }

    /// Renders a result (also for the environment mode, which builds the trees in memory).
    public static func outcome(_ result: DiffResult, format: DiffFormat, color: Bool = false) -> Outcome {
        let reporter = TextReporter(color: false)
        var errors = ""
        for d in result.diagnostics { errors += reporter.render(d, file: nil) }
        if result.hasTrouble { errors += "vigil: some inputs could not be read as YAML; they were compared as text\n" }
        return Outcome(output: render(result, format: format, color: color), errors: errors, exitCode: result.exitCode)
    }

    /// The result in one of the output formats.
    public static func render(_ result: DiffResult, format: DiffFormat, color: Bool = false) -> String {
        switch format {
        case .text: return TextFormatter(color: color).render(result)
        case .brief: return BriefFormatter().render(result)
        case .json: return JSONFormatter().render(result)
        case .github: return GitHubFormatter().render(result)
        }
    }

    /// The `diff.ignore` patterns of a `.vigil.yaml`:
    /// ```yaml
    /// diff:
    ///   ignore: ["metadata.annotations", "**.image"]
    /// ```
    public static func ignorePatterns(fromConfiguration file: SourceFile) -> (patterns: [String], diagnostics: [Diagnostic]) {
        let loaded = YAMLLoader.load(file)
        guard let root = loaded.documents.first?.root, let diff = root["diff"] else { return ([], loaded.diagnostics) }
        var problems = loaded.diagnostics
        guard let list = diff["ignore"] else { return ([], problems) }
        guard let items = list.sequence else {
            problems.append(Diagnostic(rule: "schema/type-mismatch", severity: .error, message: "diff.ignore must be a list of path patterns", in: file, range: list.range))
            return ([], problems)
        }
        var patterns: [String] = []
        for item in items {
            if let t = item.scalarText { patterns.append(t) } else {
                problems.append(Diagnostic(rule: "schema/type-mismatch", severity: .error, message: "diff.ignore entries must be strings", in: file, range: item.range))
            }
        }
        return (patterns, problems)
    }
}
