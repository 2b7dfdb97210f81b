/// A problem in a PromQL expression: a message worded like Prometheus's and the UTF-8 byte
/// range (half-open) of the offending text within the expression.
public struct PromQLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Whether the text could not be parsed, or parsed but is ill-typed.
    public enum Kind: String, Sendable, Hashable {
        case syntax
        case type
        case limit
    }

    public var kind: Kind
    public var message: String
    public var range: Range<Int>

    public init(_ kind: Kind, _ message: String, range: Range<Int>) {
        self.kind = kind
        self.message = message
        self.range = range
    }

    public var description: String { "\(range.lowerBound): \(message)" }
}

/// The outcome of parsing: the tree (when the text was syntactically valid) and every error.
public struct ParseResult: Sendable {
    /// The tree; nil when a syntax error stopped the parser.
    public var expr: Expr?
    /// Syntax errors (at most one: parsing stops there) followed by type errors, by position.
    public var errors: [PromQLError]

    /// true when the expression parsed and type-checked without error.
    public var isValid: Bool { expr != nil && errors.isEmpty }

    /// The tree when valid, else throws the first error.
    public func get() throws(PromQLError) -> Expr {
        if let first = errors.first { throw first }
        guard let expr else { throw PromQLError(.syntax, "no expression found in input", range: 0..<0) }
        return expr
    }
}
