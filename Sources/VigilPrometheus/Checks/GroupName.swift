import VigilCore

/// Group names are set and unique within a file.
public struct GroupName: Check {
    public static let rule = RuleDescription(
        id: "rules/group-name", severity: .error,
        summary: "A rule group has no name, or two groups of one file share a name.",
        rationale: "Prometheus identifies a group by file and name; promtool rejects empty names (\"Groupname must not be empty\") and repeats (\"groupname: \\\"x\\\" is repeated in the same file\").",
        triggering: [RuleExample("groups:\n  - name: a\n    rules: []\n  - name: a\n    rules: []\n"),
                     RuleExample("groups:\n  - rules:\n      - record: job:up:sum\n        expr: sum by (job) (up)\n")],
        nonTriggering: [RuleExample("groups:\n  - name: a\n    rules: []\n  - name: b\n    rules: []\n")])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for f in context.ruleFiles {
            var seen: [String: RuleGroup] = [:]
            for g in f.groups {
                if g.name.isEmpty {
                    report.add("Groupname must not be empty", in: f.file, node: g.nameNode ?? g.node, hint: "add `name: <group name>`")
                    continue
                }
                if let first = seen[g.name] {
                    let at = first.nameNode.map { f.file.resolve($0.range) }
                    report.add("groupname: \"\(g.name)\" is repeated in the same file", in: f.file, at: g.nameNode?.range,
                               hint: "rename one of the groups or merge their rules",
                               notes: [DiagnosticNote("first defined here", file: at?.file.path, range: at?.range)])
                } else {
                    seen[g.name] = g
                }
            }
        }
    }
}
