import VigilCore
import VigilPromQL

/// Decodes rule groups from nodes, by hand: rule files are the large inputs (10 000 rules), and
/// every problem is reported with promtool's meaning and an exact position.
///
/// Structural problems (unknown fields, wrong types, bad durations) are reported here under the
/// schema rules; the rule semantics (record/alert, expressions, names, templates) are stored in
/// the model and reported by checks.
public struct RuleFileDecoder: Sendable {
    public let file: SourceFile
    public private(set) var diagnostics: [Diagnostic] = []
    /// PromQL parse options (experimental functions accepted: promtool would need a flag).
    public var options = ParseOptions(experimentalFunctions: true)

    /// Expressions and templates parsed ahead, in parallel, for large files.
    var prepared: Prepared?

    public init(file: SourceFile) {
        self.file = file
    }

    static let groupKeys = ["name", "interval", "limit", "query_offset", "labels", "rules"]
    /// Extra group fields accepted (Thanos' `partial_response_strategy` in PrometheusRule resources).
    public var extraGroupKeys: [String] = []
    static let ruleKeys = ["record", "alert", "expr", "for", "keep_firing_for", "labels", "annotations"]

    mutating func report(_ rule: String, _ message: String, _ node: Node, hint: String? = nil) {
        diagnostics.append(Diagnostic(rule: rule, severity: .error, message: message, in: file, range: node.range, hint: hint))
    }

    mutating func unknownKeys(_ m: Mapping, allowed: [String], in what: String, path: @autoclosure () -> String) {
        for p in m.pairs {
            guard let k = p.key.scalarText else {
                report(SchemaRule.typeMismatch, "\(path()): keys must be strings", p.key)
                continue
            }
            if !allowed.contains(k) {
                var hint = Suggestion.closest(to: k, in: allowed).map { "did you mean \"\($0)\"?" }
                if hint == nil, what == "rule", allowed.contains("labels") {
                    hint = "labels such as \(k) go under `labels:`, texts under `annotations:`"
                }
                report(SchemaRule.unknownField, "\(path()): unknown field \"\(k)\" in \(what)", p.key, hint: hint)
            }
        }
    }

    /// The text of a scalar that Go's YAML reader would put into a string field.
    mutating func string(_ node: Node, path: @autoclosure () -> String) -> String? {
        guard let s = node.scalar else {
            report(SchemaRule.typeMismatch, "\(path()): expected a string, got a \(node.kindName)", node)
            return nil
        }
        if s.style == .plain, node.tag == nil, s.text == "~" || s.text == "null" || s.text == "Null" || s.text == "NULL" { return "" }
        return s.text
    }

    mutating func duration(_ node: Node, path: @autoclosure () -> String) -> Duration? {
        guard let text = string(node, path: path()) else { return nil }
        if text.isEmpty { return nil }
        do {
            return try Duration.parse(text)
        } catch {
            report(SchemaRule.invalidValue, "\(path()): \(error)", node, hint: "write a duration such as 30s, 5m or 1h30m")
            return nil
        }
    }

    mutating func labelMap(_ node: Node, path: @autoclosure () -> String, templates: Bool) -> [LabelEntry] {
        if node.scalar != nil, node.resolvedScalar == .null { return [] }
        guard let m = node.mapping else {
            report(SchemaRule.typeMismatch, "\(path()): expected a mapping of names to strings, got a \(node.kindName)", node)
            return []
        }
        var out: [LabelEntry] = []
        out.reserveCapacity(m.count)
        for p in m.pairs {
            guard let k = p.key.scalarText else {
                report(SchemaRule.typeMismatch, "\(path()): names must be strings", p.key)
                continue
            }
            guard let v = string(p.value, path: "\(path()).\(k)") else { continue }
            var t: GoTemplate?
            if templates && GoTemplate.hasActions(v) { t = prepared?.templates[ObjectIdentifier(p.value)] ?? GoTemplate.parse(v) }
            out.append(LabelEntry(name: k, value: v, keyNode: p.key, valueNode: p.value, template: t))
        }
        return out
    }

    /// Decodes the value of `groups:`.
    public mutating func decodeGroups(_ node: Node, path: String = "groups") -> [RuleGroup] {
        if node.scalar != nil, node.resolvedScalar == .null { return [] }
        guard let items = node.sequence else {
            report(SchemaRule.typeMismatch, "\(path): expected a list of rule groups, got a \(node.kindName)", node)
            return []
        }
        guard items.count >= groupsPerTask * 2, Self.rulesAreSpread(over: items) else {
            // Few groups, or most rules in a few: the expressions are parsed ahead on all cores.
            prepared = Prepared.make(groups: items, options: options)
            defer { prepared = nil }
            var groups: [RuleGroup] = []
            groups.reserveCapacity(items.count)
            for (i, item) in items.enumerated() {
                if let g = decodeGroup(item, path: "\(path)[\(i)]") { groups.append(g) }
            }
            return groups
        }
        // Many groups: decoded in runs on all cores, each run by a copy of this decoder, and
        // joined in order (groups and findings), as the loop above would produce them.
        let base = self
        let runs = stride(from: 0, to: items.count, by: groupsPerTask).map { $0..<min($0 + groupsPerTask, items.count) }
        let decoded = runs.parallelMap { run -> (groups: [RuleGroup], diagnostics: [Diagnostic]) in
            var decoder = base
            decoder.diagnostics = []
            var groups: [RuleGroup] = []
            for i in run {
                if let g = decoder.decodeGroup(items[i], path: "\(path)[\(i)]") { groups.append(g) }
            }
            return (groups, decoder.diagnostics)
        }
        var groups: [RuleGroup] = []
        groups.reserveCapacity(items.count)
        for run in decoded {
            groups += run.groups
            diagnostics += run.diagnostics
        }
        return groups
    }

    /// How many rule groups one decoding task takes when a file has many (at least twice as
    /// many groups, else one task decodes them all).
    var groupsPerTask = 32

    /// Whether no group holds more than a quarter of the rules, so that decoding runs of groups
    /// in parallel (each parsing its own expressions and templates) keeps all cores busy.
    static func rulesAreSpread(over groups: [Node]) -> Bool {
        var total = 0, largest = 0
        for g in groups {
            let n = g["rules"]?.sequence?.count ?? 0
            total += n
            largest = max(largest, n)
        }
        return largest * 4 <= total
    }

    mutating func decodeGroup(_ node: Node, path: @autoclosure () -> String) -> RuleGroup? {
        guard let m = node.mapping else {
            report(SchemaRule.typeMismatch, "\(path()): expected a rule group mapping, got a \(node.kindName)", node)
            return nil
        }
        unknownKeys(m, allowed: Self.groupKeys + extraGroupKeys, in: "rule group", path: path())
        var name = ""
        let nameNode = m["name"]
        if let n = nameNode { name = string(n, path: "\(path()).name") ?? "" }
        let interval = m["interval"].flatMap { duration($0, path: "\(path()).interval") }
        let offset = m["query_offset"].flatMap { duration($0, path: "\(path()).query_offset") }
        var limit: Int?
        if let l = m["limit"] {
            if case .int(let v) = l.resolvedScalar, v >= Int64(Int.min), v <= Int64(Int.max) {
                limit = Int(v)
            } else if l.resolvedScalar != .null {
                report(SchemaRule.typeMismatch, "\(path()).limit: expected an integer, got \(l.kindName) \"\(l.scalarText ?? "")\"", l)
            }
        }
        let labels = m["labels"].map { labelMap($0, path: "\(path()).labels", templates: false) } ?? []
        var rules: [Rule] = []
        if let r = m["rules"] {
            if let items = r.sequence {
                rules.reserveCapacity(items.count)
                for (i, item) in items.enumerated() {
                    if let rule = decodeRule(item, index: i + 1, path: "\(path()).rules[\(i)]") { rules.append(rule) }
                }
            } else if !(r.scalar != nil && r.resolvedScalar == .null) {
                report(SchemaRule.typeMismatch, "\(path()).rules: expected a list of rules, got a \(r.kindName)", r)
            }
        }
        return RuleGroup(name: name, nameNode: nameNode, interval: interval, limit: limit, queryOffset: offset,
                         labels: labels, rules: rules, node: node, file: file)
    }

    mutating func decodeRule(_ node: Node, index: Int, path: @autoclosure () -> String) -> Rule? {
        guard let m = node.mapping else {
            report(SchemaRule.typeMismatch, "\(path()): expected a rule mapping, got a \(node.kindName)", node)
            return nil
        }
        unknownKeys(m, allowed: Self.ruleKeys, in: "rule", path: path())
        let recordNode = m["record"], alertNode = m["alert"], exprNode = m["expr"]
        let record = recordNode.flatMap { string($0, path: "\(path()).record") }.flatMap { $0.isEmpty ? nil : $0 }
        let alert = alertNode.flatMap { string($0, path: "\(path()).alert") }.flatMap { $0.isEmpty ? nil : $0 }
        var expr: String?
        var analysis = ExprAnalysis.none
        if let e = exprNode, let text = string(e, path: "\(path()).expr"), !text.isEmpty {
            expr = text
            analysis = prepared?.analyses[ObjectIdentifier(e)] ?? ExprAnalysis.analyze(text, options: options)
        }
        let forDuration = m["for"].flatMap { duration($0, path: "\(path()).for") }
        let keep = m["keep_firing_for"].flatMap { duration($0, path: "\(path()).keep_firing_for") }
        let isAlert = alert != nil
        let labels = m["labels"].map { labelMap($0, path: "\(path()).labels", templates: isAlert) } ?? []
        let annotations = m["annotations"].map { labelMap($0, path: "\(path()).annotations", templates: isAlert) } ?? []
        return Rule(record: record, alert: alert, recordNode: recordNode, alertNode: alertNode, expr: expr, exprNode: exprNode,
                    analysis: analysis, forDuration: forDuration, keepFiringFor: keep,
                    labels: labels, annotations: annotations, node: node, index: index, file: file)
    }
}

/// Parses the expressions and alert templates of many rules on all cores before the
/// (sequential) structural decoding picks the results up.
struct Prepared: Sendable {
    var analyses: [ObjectIdentifier: ExprAnalysis] = [:]
    var templates: [ObjectIdentifier: GoTemplate] = [:]

    /// Files with fewer rules are parsed inline.
    static let threshold = 512

    static func make(groups: [Node], options: ParseOptions) -> Prepared? {
        var exprs: [Node] = []
        var texts: [Node] = []
        for g in groups {
            for r in g["rules"]?.sequence ?? [] {
                guard let m = r.mapping else { continue }
                if let e = m["expr"], let t = e.scalarText, !t.isEmpty { exprs.append(e) }
                guard m["alert"] != nil else { continue }
                for key in ["labels", "annotations"] {
                    for p in m[key]?.mapping?.pairs ?? [] {
                        if let v = p.value.scalarText, GoTemplate.hasActions(v) { texts.append(p.value) }
                    }
                }
            }
        }
        guard exprs.count >= threshold else { return nil }
        let analyses = exprs.parallelMap { ExprAnalysis.analyze($0.scalarText ?? "", options: options) }
        let parsedTemplates = texts.parallelMap { GoTemplate.parse($0.scalarText ?? "") }
        var p = Prepared()
        p.analyses.reserveCapacity(exprs.count)
        for (n, a) in zip(exprs, analyses) { p.analyses[ObjectIdentifier(n)] = a }
        for (n, t) in zip(texts, parsedTemplates) { p.templates[ObjectIdentifier(n)] = t }
        return p
    }
}
