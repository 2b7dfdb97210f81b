import VigilCore
import VigilPromQL

/// A PromQL expression somewhere in a lint run — a rule's `expr`, a dashboard panel's query —
/// with what the catalogue checks need: its tree, its selectors, and where its parts are.
public struct CatalogueQuery: Sendable {
    /// The parsed expression.
    public let expr: Expr
    /// Every vector selector of the expression.
    public let selectors: [SelectorUse]
    /// How findings name the query's owner (`alert "HighErrorRate"`, `panel "Latency"`).
    public let owner: String
    /// The file and range of a byte range of the expression text.
    public let locate: @Sendable (Range<Int>) -> (SourceFile, SourceRange?)
    /// Whether the expression text in `range` was written by the user, rather than put there
    /// when a template variable (`$job`) was substituted: names from variables are not checked.
    public let isLiteral: @Sendable (Range<Int>) -> Bool

    public init(expr: Expr, selectors: [SelectorUse]? = nil, owner: String,
                locate: @escaping @Sendable (Range<Int>) -> (SourceFile, SourceRange?),
                isLiteral: @escaping @Sendable (Range<Int>) -> Bool = { _ in true }) {
        self.expr = expr
        self.selectors = selectors ?? expr.selectors()
        self.owner = owner
        self.locate = locate
        self.isLiteral = isLiteral
    }
}

/// An artifact whose PromQL queries the catalogue checks read (dashboards, via the stack
/// module, which knows both sides).
public protocol CatalogueQuerySource: Artifact {
    var catalogueQueries: [CatalogueQuery] { get }
}

extension CatalogueQuery {
    /// Whether the metric name of a selector was written literally (not put there by a variable).
    public func nameIsLiteral(_ use: SelectorUse) -> Bool {
        if let name = use.selector.name {
            let start = use.position.lowerBound
            return isLiteral(start..<(start + name.utf8.count))
        }
        guard let m = use.matchers.first(where: { $0.name == "__name__" }) else { return false }
        return isLiteral(m.range)
    }

    /// The query of an alerting or recording rule.
    init?(rule: Rule) {
        guard let expr = rule.parsed else { return nil }
        self.init(expr: expr, selectors: rule.selectors, owner: rule.label, locate: { rule.exprRange($0) })
    }
}

extension LintContext {
    /// Every PromQL query of the run the catalogue checks apply to: rules first, then the
    /// queries of other artifacts (dashboards).
    public var catalogueQueries: [CatalogueQuery] {
        allRules.compactMap { CatalogueQuery(rule: $0.rule) }
            + artifacts.flatMap { ($0 as? any CatalogueQuerySource)?.catalogueQueries ?? [] }
    }
}

extension CheckReport {
    /// Reports at a byte range of a query.
    mutating func add(_ message: String, query: CatalogueQuery, range: Range<Int>, hint: String? = nil) {
        let (file, r) = query.locate(range)
        add(message, in: file, at: r, hint: hint)
    }
}
