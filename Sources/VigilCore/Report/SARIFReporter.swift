/// SARIF 2.1.0, for code-scanning uploads: one run, the rules that fired, one result per finding.
public struct SARIFReporter: Sendable {
    public let rules: [RuleDescription]

    public init(rules: [RuleDescription]) {
        self.rules = rules
    }

    private func level(_ s: Severity) -> String {
        switch s {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }

    public func render(_ result: LintResult) -> String {
        let used = Set(result.diagnostics.map(\.rule))
        let fired = rules.filter { used.contains($0.id) }
        var index: [String: Int] = [:]
        for (i, r) in fired.enumerated() { index[r.id] = i }
        let ruleNodes = fired.map { r -> Node in
            Node.mapping([
                ("id", .string(r.id)),
                ("shortDescription", .mapping([("text", .string(r.summary))])),
                ("fullDescription", .mapping([("text", .string(r.rationale))])),
                ("defaultConfiguration", .mapping([("level", .string(level(r.severity)))])),
                ("help", .mapping([("text", .string("\(r.summary) Run `vigil explain \(r.id)` for examples."))])),
            ])
        }
        let results = result.diagnostics.map { d -> Node in
            var region: [(String, Node)] = []
            if let r = d.range {
                region = [("startLine", .int(r.start.line)), ("startColumn", .int(r.start.column))]
                if r.end.line >= r.start.line, r.end.offset >= r.start.offset {
                    region += [("endLine", .int(r.end.line)), ("endColumn", .int(max(r.end.column, 1)))]
                }
            }
            var physical: [(String, Node)] = [("artifactLocation", .mapping([("uri", .string(d.file))]))]
            if !region.isEmpty { physical.append(("region", .mapping(region))) }
            var pairs: [(String, Node)] = [("ruleId", .string(d.rule))]
            if let i = index[d.rule] { pairs.append(("ruleIndex", .int(i))) }
            let text = d.hint.map { "\(d.message) (\($0))" } ?? d.message
            pairs += [
                ("level", .string(level(d.severity))),
                ("message", .mapping([("text", .string(text))])),
                ("locations", .sequence([.mapping([("physicalLocation", .mapping(physical))])])),
            ]
            return .mapping(pairs)
        }
        let root = Node.mapping([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .sequence([.mapping([
                ("tool", .mapping([("driver", .mapping([
                    ("name", .string("vigil")),
                    ("version", .string(VigilVersion.current)),
                    ("rules", .sequence(ruleNodes)),
                ]))])),
                ("results", .sequence(results)),
            ])])),
        ])
        return (try? JSONEmitter().emit(root)) ?? "{}\n"
    }
}
