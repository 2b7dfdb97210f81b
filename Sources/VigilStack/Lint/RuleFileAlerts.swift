import VigilAlertmanager
import VigilPromQL
import VigilPrometheus

/// Rule files tell the Alertmanager checks which alerts exist and with which labels.
extension RuleFile: AlertRuleSource {
    public var knownAlerts: [KnownAlert] {
        rules.compactMap { entry -> KnownAlert? in
            let (group, rule) = entry
            guard let name = rule.alert else { return nil }
            var labels: [String: String] = [:]
            var templated: Set<String> = []
            for l in group.labels + rule.labels {
                if l.template == nil { labels[l.name] = l.value; templated.remove(l.name) }
                else { labels[l.name] = nil; templated.insert(l.name) }
            }
            var series: Set<String>?
            if rule.parsed != nil, case .exactly(let s) = rule.outputLabels { series = s.union(templated) }
            return KnownAlert(name: name, labels: labels, seriesLabels: series, file: rule.file, range: rule.alertNode?.range ?? rule.node.range)
        }
    }
}
