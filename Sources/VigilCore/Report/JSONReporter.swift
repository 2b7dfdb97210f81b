/// The stable JSON report:
/// `{"diagnostics":[{"file","line","column","severity","rule","message","hint"}],
///   "summary":{"errors","warnings","infos","files"}}`.
/// `line`/`column` are null for file-level findings and `hint` is null when there is none.
public struct JSONReporter: Sendable {
    public init() {}

    public func render(_ result: LintResult) -> String {
        let items = result.diagnostics.map { d -> Node in
            Node.mapping([
                ("file", .string(d.file)),
                ("line", d.range.map { .int($0.start.line) } ?? .null),
                ("column", d.range.map { .int($0.start.column) } ?? .null),
                ("severity", .string(d.severity.rawValue)),
                ("rule", .string(d.rule)),
                ("message", .string(d.message)),
                ("hint", d.hint.map { .string($0) } ?? .null),
            ])
        }
        let root = Node.mapping([
            ("diagnostics", .sequence(items)),
            ("summary", .mapping([
                ("errors", .int(result.count(.error))),
                ("warnings", .int(result.count(.warning))),
                ("infos", .int(result.count(.info))),
                ("files", .int(result.fileCount)),
            ])),
        ])
        return (try? JSONEmitter().emit(root)) ?? "{\"diagnostics\":[],\"summary\":{}}\n"
    }
}
