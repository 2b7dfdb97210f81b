import VigilCore
import VigilPromQL

/// A Prometheus rule file: its groups, from a plain rule file, a document of a multi-document
/// stream, a `PrometheusRule` resource (`spec.groups`) or text embedded in a ConfigMap.
public struct RuleFile: Artifact {
    /// Where the groups were found.
    public enum Source: Sendable, Hashable {
        /// A plain rule file (`groups:` at the top).
        case ruleFile
        /// A prometheus-operator `PrometheusRule` resource.
        case prometheusRule(name: String?, namespace: String?)
    }

    public let file: SourceFile
    public var source: Source
    public var groups: [RuleGroup]
    /// The `groups` node (or the document root when it is missing).
    public var node: Node

    public init(file: SourceFile, source: Source, groups: [RuleGroup], node: Node) {
        self.file = file
        self.source = source
        self.groups = groups
        self.node = node
    }

    /// Every rule of every group with its group.
    public var rules: [(group: RuleGroup, rule: Rule)] {
        groups.flatMap { g in g.rules.map { (g, $0) } }
    }
}

/// A label or annotation: name and value with their nodes, and the parsed template when the
/// value contains `{{`.
public struct LabelEntry: Sendable {
    public var name: String
    public var value: String
    public var keyNode: Node
    public var valueNode: Node
    /// The template in the value, parsed only when the value contains `{{`.
    public var template: GoTemplate?

    public init(name: String, value: String, keyNode: Node, valueNode: Node, template: GoTemplate?) {
        self.name = name
        self.value = value
        self.keyNode = keyNode
        self.valueNode = valueNode
        self.template = template
    }
}

/// A rule group.
public struct RuleGroup: Sendable {
    public var name: String
    public var nameNode: Node?
    /// The group's evaluation interval (`interval`), when set.
    public var interval: Duration?
    public var limit: Int?
    public var queryOffset: Duration?
    public var labels: [LabelEntry]
    public var rules: [Rule]
    public var node: Node
    public var origin: Provenance { Provenance(node: node, file: file) }
    public let file: SourceFile

    public init(name: String, nameNode: Node?, interval: Duration?, limit: Int?, queryOffset: Duration?,
                labels: [LabelEntry], rules: [Rule], node: Node, file: SourceFile) {
        self.name = name
        self.nameNode = nameNode
        self.interval = interval
        self.limit = limit
        self.queryOffset = queryOffset
        self.labels = labels
        self.rules = rules
        self.node = node
        self.file = file
    }
}

/// A recording or alerting rule.
public struct Rule: Sendable {
    /// `record` or `alert`, as written (both or neither are errors reported by a check).
    public var record: String?
    public var alert: String?
    public var recordNode: Node?
    public var alertNode: Node?
    public var expr: String?
    public var exprNode: Node?
    /// The expression's text as its own file: PromQL ranges in it resolve to the rule file.
    public var exprFile: SourceFile?
    /// The parsed expression (nil when it has a syntax error or is missing).
    public var parsed: Expr?
    /// Syntax and type errors of the expression.
    public var exprErrors: [PromQLError]
    public var forDuration: Duration?
    public var keepFiringFor: Duration?
    public var labels: [LabelEntry]
    public var annotations: [LabelEntry]
    public var node: Node
    /// 1-based position in its group.
    public var index: Int
    public let file: SourceFile

    public init(record: String?, alert: String?, recordNode: Node?, alertNode: Node?, expr: String?, exprNode: Node?,
                exprFile: SourceFile?, parsed: Expr?, exprErrors: [PromQLError], forDuration: Duration?,
                keepFiringFor: Duration?, labels: [LabelEntry], annotations: [LabelEntry], node: Node, index: Int, file: SourceFile) {
        self.record = record
        self.alert = alert
        self.recordNode = recordNode
        self.alertNode = alertNode
        self.expr = expr
        self.exprNode = exprNode
        self.exprFile = exprFile
        self.parsed = parsed
        self.exprErrors = exprErrors
        self.forDuration = forDuration
        self.keepFiringFor = keepFiringFor
        self.labels = labels
        self.annotations = annotations
        self.node = node
        self.index = index
        self.file = file
    }

    /// Whether this is an alerting rule.
    public var isAlert: Bool { alert != nil && record == nil }
    /// Whether this is a recording rule.
    public var isRecord: Bool { record != nil && alert == nil }
    /// The alert or record name.
    public var name: String { alert ?? record ?? "" }
    public var origin: Provenance { Provenance(node: node, file: file) }

    /// The range in the rule file of `range` inside the expression.
    public func exprRange(_ range: Range<Int>) -> SourceRange? {
        guard let f = exprFile else { return exprNode?.range }
        return SourceRange(start: f.position(atOffset: range.lowerBound), end: f.position(atOffset: range.upperBound))
    }

    /// How diagnostics name the rule (`alert "HighErrorRate"`).
    public var label: String {
        if let alert { return "alert \"\(alert)\"" }
        if let record { return "recording rule \"\(record)\"" }
        return "rule \(index)"
    }
}

extension LabelEntry {
    /// The value as its own file, for pointing inside templates.
    public func valueFile(in file: SourceFile) -> SourceFile { SourceFile(embeddedIn: file, scalar: valueNode) }

    /// The range in the outer file of `range` inside the value.
    public func range(_ range: Range<Int>, in file: SourceFile) -> (SourceFile, SourceRange) {
        let f = valueFile(in: file)
        return (f, SourceRange(start: f.position(atOffset: range.lowerBound), end: f.position(atOffset: range.upperBound)))
    }
}
