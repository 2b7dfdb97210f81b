import VigilCore

extension PromQLError {
    /// The rule id a lint check reports this error under: `promql/syntax` for text that does not
    /// parse (and for nesting limits), `promql/type` for ill-typed expressions.
    public var ruleID: String { kind == .type ? "promql/type" : "promql/syntax" }

    /// This error as a Vigil diagnostic; `position` maps a UTF-8 offset inside the expression to
    /// a position in the file that holds it (for a YAML scalar, the lead's VigilCore mapping).
    public func diagnostic(file: String, severity: Severity = .error, position: (Int) -> SourcePosition) -> Diagnostic {
        Diagnostic(rule: ruleID, severity: severity, message: message, file: file,
                   range: SourceRange(start: position(range.lowerBound), end: position(range.upperBound)))
    }
}
