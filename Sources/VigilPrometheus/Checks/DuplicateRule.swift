import VigilCore

/// Two rules of a file with the same name and the same labels.
public struct DuplicateRule: Check {
    public static let rule = RuleDescription(
        id: "rules/duplicate-rule", severity: .warning,
        summary: "Two rules of one file have the same name (record or alert) and the same labels.",
        rationale: "promtool reports them (\"duplicate rule(s) found\"). Two recording rules with one name and labels write the same series and clash (\"duplicate sample for timestamp\"); two such alerts are usually a copy-paste mistake. Give them distinct labels or names, or delete one.",
        triggering: [RuleExample("groups:\n  - name: a\n    rules:\n      - record: job:up:sum\n        expr: sum by (job) (up)\n  - name: b\n    rules:\n      - record: job:up:sum\n        expr: sum by (job) (up{env=\"prod\"})\n")],
        nonTriggering: [RuleExample("groups:\n  - name: a\n    rules:\n      - record: job:up:sum\n        expr: sum by (job) (up)\n      - record: job:up:sum\n        expr: sum by (job) (up{env=\"prod\"})\n        labels:\n          env: prod\n")])

    public init() {}

    struct Key: Hashable {
        let name: String
        let labels: [String]
    }

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for f in context.ruleFiles {
            // The first rule of each key by the node that names it (not a copy of the rule).
            var seen: [Key: Node] = [:]
            for g in f.groups {
                for r in g.rules where !r.name.isEmpty {
                    let key = Key(name: r.name, labels: r.labels.map { "\($0.name)=\($0.value)" }.sorted())
                    if let first = seen[key] {
                        let at = f.file.resolve(first.range)
                        report.add("duplicate rule: \(r.label) with the same labels is already defined in this file",
                                   in: f.file, at: (r.recordNode ?? r.alertNode ?? r.node).range,
                                   hint: "give the rules distinct labels, or remove one",
                                   notes: [DiagnosticNote("first defined here", file: at.file.path, range: at.range)])
                    } else {
                        seen[key] = r.recordNode ?? r.alertNode ?? r.node
                    }
                }
            }
        }
    }
}
