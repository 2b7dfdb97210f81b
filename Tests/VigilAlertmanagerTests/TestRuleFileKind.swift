import Foundation
import VigilAlertmanager
import VigilCore

/// A stand-in for the Prometheus module's rule-file kind, so the rule-aware Alertmanager
/// checks can be tested here: reads `groups[].rules[]` alerts, their `labels`, and the series
/// labels of an outer `… by (a, b)` aggregation.
struct TestRuleFileKind: FileKind {
    var name: String { "test-prometheus-rules" }

    func matches(_ document: Document) -> Bool {
        document.root["groups"]?.sequence != nil
    }

    func decode(_ document: Document, embedded: EmbeddedDecoder) -> DecodeOutput {
        var alerts: [KnownAlert] = []
        for group in document.root["groups"]?.sequence ?? [] {
            for rule in group["rules"]?.sequence ?? [] {
                guard let name = rule["alert"]?.scalarText else { continue }
                var labels: [String: String] = [:]
                for p in rule["labels"]?.mapping?.pairs ?? [] {
                    if let k = p.key.scalarText, let v = p.value.scalarText { labels[k] = v }
                }
                alerts.append(KnownAlert(name: name, labels: labels, seriesLabels: Self.byLabels(rule["expr"]?.scalarText ?? ""),
                                         file: document.file, range: rule.range))
            }
        }
        return DecodeOutput(artifacts: [Rules(file: document.file, knownAlerts: alerts)])
    }

    static func byLabels(_ expr: String) -> Set<String>? {
        guard let by = expr.range(of: " by ("), let close = expr[by.upperBound...].firstIndex(of: ")") else { return nil }
        return Set(expr[by.upperBound..<close].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
    }

    struct Rules: AlertRuleSource {
        let file: SourceFile
        let knownAlerts: [KnownAlert]
    }
}
