import VigilCore
import VigilPromQL

/// Anchors in regex matchers, which Prometheus adds itself.
public struct RegexAnchors: RuleCheck {
    public static let rule = RuleDescription(
        id: "promql/regex-anchors", severity: .warning,
        summary: "A regex matcher starts with `^` or ends with `$`.",
        rationale: "Prometheus anchors every label regex at both ends (`=~\"api\"` means `^(?:api)$`), so `^` and `$` are redundant — and they suggest the author expected a substring match elsewhere. Remove them.",
        triggering: [Example.alert("up{job=~\"^api$\"} == 0")],
        nonTriggering: [Example.alert("up{job=~\"api|web\"} == 0")])

    public init() {}

    public func run(_ rules: ArraySlice<RuleInContext>, _ context: LintContext, _ report: inout CheckReport) {
        for r in rules {
            guard r.rule.parsed != nil else { continue }
            for use in r.rule.selectors {
                for m in use.matchers where m.op == .regexMatch || m.op == .regexNoMatch {
                    guard m.value.hasPrefix("^") || (m.value.hasSuffix("$") && !m.value.hasSuffix("\\$")) else { continue }
                    var fixed = Substring(m.value)
                    if fixed.hasPrefix("^") { fixed = fixed.dropFirst() }
                    if fixed.hasSuffix("$") { fixed = fixed.dropLast() }
                    report.add("regex matchers are always fully anchored: ^ and $ in \(m.name)\(m.op.rawValue)\"\(m.value)\" are redundant",
                               rule: r.rule, exprRange: m.range, hint: "write \(m.name)\(m.op.rawValue)\"\(fixed)\"")
                }
            }
        }
    }
}

/// Regex matchers without regex syntax.
public struct RegexWithoutMetacharacters: RuleCheck {
    public static let rule = RuleDescription(
        id: "promql/regex-without-metacharacters", severity: .info,
        summary: "A regex matcher (`=~`, `!~`) whose value is a plain string.",
        rationale: "`job=~\"api\"` matches exactly `api`, like `job=\"api\"`, but costs a regex evaluation per series and reads as if a pattern were meant. Use `=` / `!=`.",
        triggering: [Example.alert("up{job=~\"api\"} == 0")],
        nonTriggering: [Example.alert("up{job=\"api\"} == 0"), Example.alert("up{job=~\"api.*\"} == 0")])

    public init() {}

    public func run(_ rules: ArraySlice<RuleInContext>, _ context: LintContext, _ report: inout CheckReport) {
        for r in rules {
            guard r.rule.parsed != nil else { continue }
            for use in r.rule.selectors {
                for m in use.matchers where (m.op == .regexMatch || m.op == .regexNoMatch) && !m.value.isEmpty && RE2Syntax.isLiteral(m.value) {
                    let op = m.op == .regexMatch ? "=" : "!="
                    report.add("\(m.name)\(m.op.rawValue)\"\(m.value)\" has no regex syntax", rule: r.rule, exprRange: m.range,
                               hint: "write \(m.name)\(op)\"\(m.value)\"")
                }
            }
        }
    }
}

/// `offset 0`.
public struct RedundantOffset: RuleCheck {
    public static let rule = RuleDescription(
        id: "promql/redundant-offset", severity: .info,
        summary: "A selector or subquery has `offset 0s`.",
        rationale: "An offset of zero changes nothing; it is usually a leftover from editing. Remove it.",
        triggering: [Example.alert("rate(http_requests_errors_total[5m] offset 0s) > 1")],
        nonTriggering: [Example.alert("rate(http_requests_errors_total[5m] offset 1h) > 1")])

    public init() {}

    public func run(_ rules: ArraySlice<RuleInContext>, _ context: LintContext, _ report: inout CheckReport) {
        for r in rules {
            guard let e = r.rule.parsed,
                  r.rule.selectors.contains(where: { $0.offset == 0 || $0.subqueryRange != nil }) else { continue }
            PromQLWalker().walk(e) { node, _ in
                var zero = false
                switch node.kind {
                case .vectorSelector(let vs): zero = vs.offset == 0
                case .matrixSelector(let ms): zero = ms.selector.offset == 0
                case .subquery(let sq): zero = sq.offset == 0
                default: break
                }
                if zero {
                    report.add("offset 0s is redundant", rule: r.rule, exprRange: node.range, hint: "remove `offset 0s`")
                    return .skipChildren
                }
                return .descend
            }
        }
    }
}
