import VigilCore

/// Invalid label names in external labels and static target labels.
public struct InvalidConfigLabel: Check {
    public static let rule = RuleDescription(
        id: "prometheus/invalid-label-name", severity: .error,
        summary: "An external label or a static target label has an invalid name (or an empty external label value).",
        rationale: "Label names must match `[a-zA-Z_][a-zA-Z0-9_]*`; Prometheus refuses the config (\"… is not a valid label name\"). External labels are attached to everything Prometheus sends out, so `__`-prefixed names are reserved there too.",
        triggering: [RuleExample("global:\n  external_labels:\n    k8s-cluster: prod\n", path: "prometheus.yml"),
                     ConfigExample.job("    static_configs:\n      - targets: [\"api:8080\"]\n        labels:\n          app.kubernetes.io/name: api\n")],
        nonTriggering: [RuleExample("global:\n  external_labels:\n    cluster: prod\n", path: "prometheus.yml")])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for f in context.prometheusConfigs {
            if let g = f.config.global, let labels = g.externalLabels {
                let node = g.origin?.node?["external_labels"]
                for (name, value) in labels {
                    let key = node?.mapping?.pair(for: name)?.key
                    if !PrometheusNames.isValidLabelName(name) {
                        report.add("\"\(name)\" is not a valid label name in external_labels", in: f.file, node: key, hint: "use letters, digits and `_` only")
                    } else if PrometheusNames.isReserved(name) {
                        report.add("\"\(name)\" is a reserved label name in external_labels", in: f.file, node: key)
                    }
                    if value.isEmpty {
                        report.add("external label \"\(name)\" has an empty value, which drops the label", in: f.file, node: key, severity: .warning)
                    }
                }
            }
            for (sd, owner) in f.discoveries {
                for sc in sd.staticConfigs ?? [] {
                    guard let labels = sc.labels else { continue }
                    let node = sc.origin?.node?["labels"]
                    for (name, _) in labels where !PrometheusNames.isValidLabelName(name) {
                        report.add("\"\(name)\" is not a valid label name in static_configs of \(owner)", in: f.file,
                                   node: node?.mapping?.pair(for: name)?.key, hint: "use letters, digits and `_` only")
                    }
                }
            }
        }
    }
}
