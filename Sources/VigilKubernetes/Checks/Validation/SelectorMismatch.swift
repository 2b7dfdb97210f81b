import VigilCore

/// A workload without `spec.selector`, with an empty one, or whose pod template labels do not
/// satisfy it: the API server rejects all three.
public struct SelectorMismatch: WorkloadCheck {
    public static let rule = RuleDescription(
        id: "k8s/selector-mismatch", severity: .error,
        summary: "A Deployment, StatefulSet or DaemonSet has no selector, or its pod template's labels do not match it.",
        rationale: "`apps/v1` requires `spec.selector`, and the API server rejects a workload whose `spec.template.metadata.labels` do not satisfy it (`selector` does not match template `labels`). The selector is immutable after creation, so pick labels that identify the app (`app.kubernetes.io/name`) and put the same ones on the template.",
        triggering: [
            RuleExample(Example.deployment(labels: "{app: web}")),
            RuleExample(Example.deployment().replacingOccurrences(of: "  selector:\n    matchLabels: {app: api}\n", with: "")),
        ],
        nonTriggering: [RuleExample(Example.deployment()), RuleExample(Example.deployment(selector: "{app: api}", labels: "{app: api, tier: backend}"))])

    public init() {}

    public func run(_ workloads: ArraySlice<Workload>, _ context: LintContext, _ report: inout CheckReport) {
        for w in workloads where w.kind != "Pod" {
            let where_ = w.specOrigin ?? w.origin
            guard let selector = w.selector else {
                report.add("\(w.displayName): spec.selector: Required value", at: where_,
                           hint: "add `selector: {matchLabels: {...}}` with the labels of spec.template.metadata.labels")
                continue
            }
            if selector.isEmpty {
                report.add("\(w.displayName): spec.selector: Invalid value: empty selector is invalid for \(w.kind.lowercased())", at: selector.origin ?? where_,
                           hint: "select the pods by their app label")
                continue
            }
            if !selector.matches(w.podLabels) {
                let shown = (w.podLabels ?? StringMap()).map { "\($0.key)=\($0.value)" }.joined(separator: ",")
                report.add("\(w.displayName): spec.template.metadata.labels [\(shown)]: `selector` does not match template `labels`",
                           at: w.templateOrigin ?? where_, key: "metadata",
                           hint: "give the pod template every label of spec.selector.matchLabels")
            }
        }
    }
}
