import VigilCore
import VigilPromQL

/// A Prometheus rule file: its groups, from a plain rule file, a document of a multi-document
/// stream, a `PrometheusRule` resource (`spec.groups`) or text embedded in a ConfigMap.
public final class RuleFile: Artifact {
    /// Where the groups were found.
    public enum Source: Sendable, Hashable {
        /// A plain rule file (`groups:` at the top).
        case ruleFile
        /// A prometheus-operator `PrometheusRule` resource.
        case prometheusRule(name: String?, namespace: String?)
    }

    public let file: SourceFile
    public let source: Source
    public let groups: [RuleGroup]
    /// The `groups` node (or the document root when it is missing).
    public let node: Node

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
public final class LabelEntry: Sendable {
    // A class: checks walk every label and annotation of every rule, and a copy of the struct
    // retained two strings, two nodes and the template's arrays.
    public let name: String
    public let value: String
    public let keyNode: Node
    public let valueNode: Node
    /// The template in the value, parsed only when the value contains `{{`.
    public let template: GoTemplate?

    public init(name: String, value: String, keyNode: Node, valueNode: Node, template: GoTemplate?) {
        self.name = name
        self.value = value
        self.keyNode = keyNode
        self.valueNode = valueNode
        self.template = template
    }
}

/// A rule group.
public final class RuleGroup: Sendable {
    public let name: String
    public let nameNode: Node?
    /// The group's evaluation interval (`interval`), when set.
    public let interval: Duration?
    public let limit: Int?
    public let queryOffset: Duration?
    public let labels: [LabelEntry]
    public let rules: [Rule]
    public let node: Node
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

/// A parsed rule expression and the facts checks read from it.
public struct ExprAnalysis: Sendable {
    public var parsed: Expr?
    public var errors: [PromQLError]
    public var selectors: [SelectorUse]
    public var thresholds: [Threshold]
    public var functions: [String]
    /// The output labels of the expression without a metric catalogue.
    public var outputLabels: LabelSet = .unknown
    /// The output labels of the operands of the binary operations, without a catalogue.
    public var operandLabels: [OperandLabels] = []

    /// No expression.
    public static let none = ExprAnalysis(parsed: nil, errors: [], selectors: [], thresholds: [], functions: [])

    /// Parses and analyses `text`.
    public static func analyze(_ text: String, options: ParseOptions) -> ExprAnalysis {
        let result = PromQL.parse(text, options: options)
        guard let e = result.expr else { return ExprAnalysis(parsed: nil, errors: result.errors, selectors: [], thresholds: [], functions: []) }
        let labels = LabelAnalyzer().labelsRecordingOperands(of: e)
        return ExprAnalysis(parsed: e, errors: result.errors, selectors: e.selectors(), thresholds: e.thresholds(), functions: e.calledFunctions(),
                            outputLabels: labels.labels, operandLabels: labels.operands)
    }
}

/// A recording or alerting rule, with the facts about its expression that checks share
/// (computed once at decode time).
public final class Rule: Sendable {
    /// `record` or `alert`, as written (both or neither are errors reported by a check).
    public let record: String?
    public let alert: String?
    public let recordNode: Node?
    public let alertNode: Node?
    public let expr: String?
    public let exprNode: Node?
    /// The parsed expression (nil when it has a syntax error or is missing).
    public let parsed: Expr?
    /// Syntax and type errors of the expression.
    public let exprErrors: [PromQLError]
    /// Every vector selector of the expression, in source order.
    public let selectors: [SelectorUse]
    /// Every comparison with a constant, in source order.
    public let thresholds: [Threshold]
    /// Every function called, in source order.
    public let functions: [String]
    /// The output labels of the expression without a metric catalogue (computed once, at decode
    /// time; `.unknown` without a parsed expression).
    public let outputLabels: LabelSet
    /// The output labels of the operands of the binary operations the label analysis reached
    /// (without a catalogue), by the operation's range.
    public let operandLabels: [OperandLabels]
    public let forDuration: Duration?
    public let keepFiringFor: Duration?
    public let labels: [LabelEntry]
    public let annotations: [LabelEntry]
    public let node: Node
    /// 1-based position in its group.
    public let index: Int
    public let file: SourceFile

    public init(record: String?, alert: String?, recordNode: Node?, alertNode: Node?, expr: String?, exprNode: Node?,
                analysis: ExprAnalysis, forDuration: Duration?,
                keepFiringFor: Duration?, labels: [LabelEntry], annotations: [LabelEntry], node: Node, index: Int, file: SourceFile) {
        self.record = record
        self.alert = alert
        self.recordNode = recordNode
        self.alertNode = alertNode
        self.expr = expr
        self.exprNode = exprNode
        self.parsed = analysis.parsed
        self.exprErrors = analysis.errors
        self.selectors = analysis.selectors
        self.thresholds = analysis.thresholds
        self.functions = analysis.functions
        self.outputLabels = analysis.outputLabels
        self.operandLabels = analysis.operandLabels
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

    /// The expression's text as its own file: PromQL ranges in it resolve to the rule file
    /// (built on demand, only for findings).
    public var exprFile: SourceFile? { exprNode.map { SourceFile(embeddedIn: file, scalar: $0) } }

    /// The range in the rule file of `range` inside the expression.
    public func exprRange(_ range: Range<Int>) -> (SourceFile, SourceRange?) {
        guard let f = exprFile else { return (file, exprNode?.range) }
        return (f, SourceRange(start: f.position(atOffset: range.lowerBound), end: f.position(atOffset: range.upperBound)))
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
