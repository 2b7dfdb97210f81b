import VigilCore

/// Relabel configs Prometheus refuses.
public struct InvalidRelabelConfig: Check {
    public static let rule = RuleDescription(
        id: "prometheus/invalid-relabel-config", severity: .error,
        summary: "A relabel config Prometheus refuses: unknown action, missing or invalid fields for its action, a regex that is not valid RE2.",
        rationale: "Prometheus validates each relabel config by action (replace, lowercase and uppercase need a valid target_label; hashmod a modulus; labelmap a valid replacement; labeldrop/labelkeep only a regex; keepequal/dropequal only source_labels and target_label) and compiles every regex with Go's RE2, which has no backreferences, lookaround or possessive quantifiers. Regexes are anchored at both ends.",
        triggering: [ConfigExample.job(ConfigExample.targets + "    relabel_configs:\n      - source_labels: [__address__]\n        regex: '(?=.*:9100)(.*)'\n        target_label: instance\n"),
                     ConfigExample.job(ConfigExample.targets + "    relabel_configs:\n      - source_labels: [__address__]\n        action: hashmod\n        target_label: __tmp_hash\n"),
                     ConfigExample.job(ConfigExample.targets + "    relabel_configs:\n      - action: labeldrop\n        source_labels: [pod]\n        regex: pod_.*\n"),
                     ConfigExample.job(ConfigExample.targets + "    relabel_configs:\n      - action: replace\n        source_labels: [__address__]\n"),
                     ConfigExample.job(ConfigExample.targets + "    relabel_configs:\n      - action: rewrite\n        source_labels: [__address__]\n")],
        nonTriggering: [ConfigExample.job(ConfigExample.targets + "    relabel_configs:\n      - source_labels: [__address__]\n        regex: '(.*):10250'\n        target_label: __address__\n        replacement: '${1}:9100'\n      - action: hashmod\n        source_labels: [__address__]\n        modulus: 4\n        target_label: __tmp_hash\n      - action: labelmap\n        regex: __meta_kubernetes_pod_label_(.+)\n      - action: labeldrop\n        regex: pod_.*\n")])

    public init() {}

    static let defaultRegex = "(.*)"
    static let defaultReplacement = "$1"
    static let defaultSeparator = ";"

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for f in context.prometheusConfigs {
            for use in f.relabelConfigs { check(use, &report) }
        }
    }

    /// `^(?:(?:[a-zA-Z_]|\$(?:\{\w+\}|\w+))+\w*)+$`: a label name that may contain `$1`/`${name}`.
    static func isRelabelTarget(_ s: String) -> Bool {
        let b = Array(s.utf8)
        guard !b.isEmpty else { return false }
        func isWord(_ c: UInt8) -> Bool { c == 0x5F || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) }
        var i = 0
        // The first item must be a letter/underscore or a reference; then words or references.
        var first = true
        while i < b.count {
            if b[i] == 0x24 {
                i += 1
                if i < b.count, b[i] == 0x7B {
                    var j = i + 1
                    while j < b.count, isWord(b[j]) { j += 1 }
                    guard j > i + 1, j < b.count, b[j] == 0x7D else { return false }
                    i = j + 1
                } else {
                    let s = i
                    while i < b.count, isWord(b[i]) { i += 1 }
                    guard i > s else { return false }
                }
            } else if isWord(b[i]) {
                if first, b[i] >= 0x30, b[i] <= 0x39 { return false }
                i += 1
            } else {
                return false
            }
            first = false
        }
        return true
    }

    func check(_ use: RelabelUse, _ report: inout CheckReport) {
        let c = use.config
        let origin = c.origin
        let action = c.effectiveAction
        let where_ = "in \(use.section)"
        if let a = c.action, a.isEmpty {
            report.add("relabel action cannot be empty \(where_)", at: origin, key: "action", hint: "one of: \(RelabelConfig.actions.joined(separator: ", "))")
            return
        }
        guard RelabelConfig.actions.contains(action) else {
            let hint = Suggestion.closest(to: action, in: RelabelConfig.actions).map { "did you mean \"\($0)\"?" } ?? "one of: \(RelabelConfig.actions.joined(separator: ", "))"
            report.add("unknown relabel action \"\(c.action ?? "")\" \(where_)", at: origin, key: "action", hint: hint)
            return
        }
        for l in c.sourceLabels ?? [] where !PrometheusNames.isValidLabelName(l) {
            report.add("\"\(l)\" is not a valid label name in source_labels \(where_)", at: origin, key: "source_labels")
        }
        if let regex = c.regex, let failure = RE2Syntax.validate(regex) {
            var hint = "Prometheus regexes are RE2 (Go): no backreferences, lookahead/lookbehind or possessive quantifiers"
            if regex.hasPrefix("^") || regex.hasSuffix("$") { hint += "; they are anchored at both ends already" }
            report.add("\(failure) in regex \"\(regex)\" \(where_)", at: origin, key: "regex", hint: hint)
        }
        let target = c.targetLabel ?? ""
        let needsTarget = ["replace", "hashmod", "lowercase", "uppercase"].contains(action)
        if needsTarget && target.isEmpty {
            report.add("relabel configuration for \(action) action requires 'target_label' value \(where_)", at: origin, key: nil,
                       hint: "add target_label: <label>")
        }
        if ["replace", "lowercase", "uppercase"].contains(action), !target.isEmpty, !Self.isRelabelTarget(target) {
            report.add("\"\(target)\" is invalid 'target_label' for \(action) action \(where_)", at: origin, key: "target_label")
        }
        if ["lowercase", "uppercase"].contains(action), let r = c.replacement, r != Self.defaultReplacement {
            report.add("'replacement' can not be set for \(action) action \(where_)", at: origin, key: "replacement")
        }
        if action == "labelmap", !Self.isRelabelTarget(c.replacement ?? Self.defaultReplacement) {
            report.add("\"\(c.replacement ?? "")\" is invalid 'replacement' for labelmap action \(where_)", at: origin, key: "replacement")
        }
        if action == "hashmod" {
            if (c.modulus ?? 0) == 0 {
                report.add("relabel configuration for hashmod requires non-zero modulus \(where_)", at: origin, key: "modulus", hint: "add modulus: <number of shards>")
            }
            if !target.isEmpty, !PrometheusNames.isValidLabelName(target) {
                report.add("\"\(target)\" is invalid 'target_label' for hashmod action \(where_)", at: origin, key: "target_label")
            }
        }
        if action == "keepequal" || action == "dropequal" {
            if target.isEmpty || (c.sourceLabels ?? []).isEmpty {
                report.add("relabel configuration for \(action) action requires 'source_labels' and 'target_label' \(where_)", at: origin)
            }
            if (c.regex.map { $0 != Self.defaultRegex } ?? false) || (c.modulus ?? 0) != 0 || (c.separator.map { $0 != Self.defaultSeparator } ?? false)
                || (c.replacement.map { $0 != Self.defaultReplacement } ?? false) {
                report.add("\(action) action requires only 'source_labels' and `target_label`, and no other fields \(where_)", at: origin)
            }
        }
        if action == "labeldrop" || action == "labelkeep" {
            if c.sourceLabels != nil || !target.isEmpty || (c.modulus ?? 0) != 0 || (c.separator.map { $0 != Self.defaultSeparator } ?? false)
                || (c.replacement.map { $0 != Self.defaultReplacement } ?? false) {
                report.add("\(action) action requires only 'regex', and no other fields \(where_)", at: origin,
                           hint: "\(action) matches label names against regex; drop source_labels, target_label, replacement, separator and modulus")
            }
        }
    }
}
