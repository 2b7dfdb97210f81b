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

    /// The rules of one name seen so far: most names occur once, so the label keys (sorted
    /// `name=value` lists) are built only once a second rule of the name turns up.
    struct Bucket {
        let first: Rule
        /// The first rule's node for each label key, once the name repeats.
        var byLabels: [[String]: Node]?
    }

    static func labelKey(_ r: Rule) -> [String] {
        r.labels.map { "\($0.name)=\($0.value)" }.sorted()
    }

    static func namingNode(_ r: Rule) -> Node { r.recordNode ?? r.alertNode ?? r.node }

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for f in context.ruleFiles {
            var buckets: [String: Bucket] = [:]
            for g in f.groups {
                for r in g.rules where !r.name.isEmpty {
                    guard var bucket = buckets[r.name] else {
                        buckets[r.name] = Bucket(first: r)
                        continue
                    }
                    var byLabels = bucket.byLabels ?? [Self.labelKey(bucket.first): Self.namingNode(bucket.first)]
                    let key = Self.labelKey(r)
                    if let first = byLabels[key] {
                        let at = f.file.resolve(first.range)
                        report.add("duplicate rule: \(r.label) with the same labels is already defined in this file",
                                   in: f.file, at: Self.namingNode(r).range,
                                   hint: "give the rules distinct labels, or remove one",
                                   notes: [DiagnosticNote("first defined here", file: at.file.path, range: at.range)])
                    } else {
                        byLabels[key] = Self.namingNode(r)
                    }
                    bucket.byLabels = byLabels
                    buckets[r.name] = bucket
                }
            }
        }
    }
}
