import VigilCore

/// A route that can never match: an earlier sibling without `continue` matches every alert it
/// would match.
public struct UnreachableRoute: Check {
    public static let rule = RuleDescription(
        id: "alertmanager/unreachable-route", severity: .warning,
        summary: "A route is shadowed by an earlier sibling that matches everything it matches and has no `continue: true`.",
        rationale: "Alertmanager takes the first matching child and stops there unless it has `continue: true`, so a later, more specific route never receives anything — a classic cause of pages going to the wrong team.",
        triggering: [
            RuleExample("route:\n  receiver: team\n  routes:\n    - matchers: ['team=\"db\"']\n      receiver: db\n    - matchers: ['team=\"db\"', 'severity=\"critical\"']\n      receiver: db-pager\nreceivers:\n  - name: team\n  - name: db\n  - name: db-pager\n"),
            RuleExample("route:\n  receiver: team\n  routes:\n    - receiver: team\n    - matchers: ['severity=\"critical\"']\n      receiver: pager\nreceivers:\n  - name: team\n  - name: pager\n"),
        ],
        nonTriggering: [
            RuleExample("route:\n  receiver: team\n  routes:\n    - matchers: ['team=\"db\"', 'severity=\"critical\"']\n      receiver: db-pager\n    - matchers: ['team=\"db\"']\n      receiver: db\nreceivers:\n  - name: team\n  - name: db\n  - name: db-pager\n"),
            RuleExample("route:\n  receiver: team\n  routes:\n    - matchers: ['team=\"db\"']\n      receiver: db\n      continue: true\n    - matchers: ['team=\"db\"', 'severity=\"critical\"']\n      receiver: db-pager\nreceivers:\n  - name: team\n  - name: db\n  - name: db-pager\n"),
        ])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for a in context.all(AlertmanagerConfigArtifact.self) {
            guard let tree = RoutingNode(config: a.config) else { continue }
            var stack = [tree]
            while let node = stack.popLast() {
                stack.append(contentsOf: node.children)
                for (i, later) in node.children.enumerated() {
                    guard let shadow = node.children[..<i].first(where: { !$0.continue && MatcherImplication.covers($0.matchers, later.matchers) }) else { continue }
                    let what = shadow.matchers.isEmpty ? "it matches every alert" : "it matches every alert this one matches (\(LabelMatcher.render(shadow.matchers)))"
                    report.add("route is unreachable: the earlier sibling at \(shadow.path) has no `continue: true` and \(what)",
                               at: later.origin, hint: "move this route before \(shadow.path), or add `continue: true` to that route",
                               notes: [DiagnosticNote("shadowing route", file: shadow.origin?.file?.path, range: shadow.origin?.range)])
                }
            }
        }
    }
}

/// Whether one matcher list accepts every label set another accepts (decided conservatively:
/// "no" when unsure).
public enum MatcherImplication {
    /// True when every label set matching `specific` also matches `general`.
    public static func covers(_ general: [LabelMatcher], _ specific: [LabelMatcher]) -> Bool {
        general.allSatisfy { g in implied(g, by: specific) }
    }

    static func implied(_ g: LabelMatcher, by specific: [LabelMatcher]) -> Bool {
        if g.op == .regex, g.value == ".*" { return true }
        if g.op == .notRegex, g.value.isEmpty || g.value == "^$" { return specific.contains { $0.name == g.name && !$0.matchesEmpty } }
        for s in specific where s.name == g.name {
            if s.op == g.op && s.value == g.value { return true }
            switch s.op {
            case .equal:
                // The label has exactly this value.
                if g.matches(s.value) { return true }
            case .regex:
                if let literals = literalAlternatives(s.value), literals.allSatisfy({ g.matches($0) }) { return true }
            case .notEqual, .notRegex:
                // `g` = `!="x"` is implied by `!="x"` (same) or by `!~` on a set containing x.
                if g.op == .notEqual, s.op == .notRegex, let literals = literalAlternatives(s.value), literals.contains(g.value) { return true }
                if g.op == .notEqual, g.value.isEmpty, s.op == .notEqual, s.value.isEmpty { return true }
            }
        }
        // A matcher that accepts the empty value holds for alerts without the label, but the
        // specific side may still set the label to anything.
        return false
    }

    /// `a|b|c` when the expression is only an alternation of plain literals.
    static func literalAlternatives(_ pattern: String) -> [String]? {
        var p = Substring(pattern)
        if p.hasPrefix("^(?:"), p.hasSuffix(")$") { p = p.dropFirst(4).dropLast(2) }
        if p.hasPrefix("("), p.hasSuffix(")") { p = p.dropFirst().dropLast() }
        let parts = p.split(separator: "|", omittingEmptySubsequences: false)
        guard parts.allSatisfy({ $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == " " || $0 == ":" || $0 == "/" } }) else { return nil }
        return parts.map(String.init)
    }
}
