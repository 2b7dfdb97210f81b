import VigilCore

/// Legacy `match`/`match_re` (and `source_match`/`target_match`…) instead of `matchers`.
public struct DeprecatedMatch: Check {
    public static let rule = RuleDescription(
        id: "alertmanager/deprecated-match", severity: .warning,
        summary: "`match`, `match_re`, `source_match(_re)` or `target_match(_re)` is used instead of `matchers`.",
        rationale: "The legacy forms are deprecated and slated for removal; `matchers` says the same in one list, supports `!=` and `!~`, and matches the syntax of silences and amtool. The hint gives the exact rewrite.",
        triggering: [RuleExample("route:\n  receiver: team\n  routes:\n    - match: {severity: critical}\n      match_re: {service: 'api|web'}\n      receiver: team\nreceivers:\n  - name: team\n")],
        nonTriggering: [RuleExample("route:\n  receiver: team\n  routes:\n    - matchers: ['severity=\"critical\"', 'service=~\"api|web\"']\n      receiver: team\nreceivers:\n  - name: team\n")])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for a in context.all(AlertmanagerConfigArtifact.self) {
            for visit in a.config.allRoutes {
                let r = visit.route
                guard !(r.match?.isEmpty ?? true) || !(r.matchRE?.isEmpty ?? true) else { continue }
                let key = (r.match?.isEmpty ?? true) ? "match_re" : "match"
                let lines = (r.matchers ?? []).map(\.text) + DeprecatedMatch.rewrite(r.match, r.matchRE)
                report.add("`match`/`match_re` are deprecated", in: a.file, at: r.origin?.range(ofKey: key),
                           hint: "replace them with `matchers: \(DeprecatedMatch.yamlList(lines))`")
            }
            for rule in a.config.inhibitRules ?? [] {
                for side in ["source", "target"] {
                    let eq = side == "source" ? rule.sourceMatch : rule.targetMatch
                    let re = side == "source" ? rule.sourceMatchRE : rule.targetMatchRE
                    guard !(eq?.isEmpty ?? true) || !(re?.isEmpty ?? true) else { continue }
                    let existing = (side == "source" ? rule.sourceMatchers : rule.targetMatchers) ?? []
                    let key = (eq?.isEmpty ?? true) ? "\(side)_match_re" : "\(side)_match"
                    let lines = existing.map(\.text) + DeprecatedMatch.rewrite(eq, re)
                    report.add("`\(side)_match`/`\(side)_match_re` are deprecated", in: a.file, at: rule.origin?.range(ofKey: key),
                               hint: "replace them with `\(side)_matchers: \(DeprecatedMatch.yamlList(lines))`")
                }
            }
        }
    }

    /// The legacy maps as matcher lines, in document order.
    static func rewrite(_ eq: StringMap<String>?, _ re: StringMap<RegexValue>?) -> [String] {
        var out: [String] = []
        for (k, v) in eq ?? StringMap() { out.append("\(k)=\"\(LabelMatcher.escape(v))\"") }
        for (k, v) in re ?? StringMap() { out.append("\(k)=~\"\(LabelMatcher.escape(v.pattern))\"") }
        return out
    }

    /// A YAML flow list of single-quoted strings.
    static func yamlList(_ items: [String]) -> String {
        "[" + items.map { "'" + $0.replacingOccurrences(of: "'", with: "''") + "'" }.joined(separator: ", ") + "]"
    }
}
