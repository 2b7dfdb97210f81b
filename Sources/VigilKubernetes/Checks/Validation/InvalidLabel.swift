import VigilCore

/// Label keys and values, annotation keys and selector labels that the API server rejects.
public struct InvalidLabel: ObjectCheck {
    public static let rule = RuleDescription(
        id: "k8s/invalid-label", severity: .error,
        summary: "A label key or value, an annotation key, or a selector's label the API server rejects: keys are qualified names (an optional DNS subdomain prefix and '/', then at most 63 alphanumerics, '-', '_' or '.', starting and ending alphanumeric), values the same name syntax or empty.",
        rationale: "`kubectl apply` fails on the whole object. The usual causes are a value with a space or a ':' (a version string, a date, a team name), a value over 63 characters (a Git ref, an image), or a key with two '/'.",
        triggering: [
            RuleExample(Example.deployment(labels: "{app: api, version: \"1.2.3 beta\"}")),
            RuleExample(Example.deployment(annotations: "{\"example.com/a/b\": x}")),
            RuleExample(Example.deployment(selector: "{app: -api}", labels: "{app: -api}")),
        ],
        nonTriggering: [RuleExample(Example.deployment(labels: "{app: api, app.kubernetes.io/version: 1.2.3, empty: \"\"}",
                                                       annotations: "{\"prometheus.io/scrape\": \"true\", note: \"free text: any value\"}"))])

    public init() {}

    public func run(_ objects: ArraySlice<KubernetesObject>, _ context: LintContext, _ report: inout CheckReport) {
        for object in objects {
            guard let meta = object.metadata else { continue }
            func what() -> String { object.displayName }
            check(meta.labels, node: meta.origin?.node?["labels"], file: meta.origin?.file, "\(what()): label", values: true, &report)
            check(meta.annotations, node: meta.origin?.node?["annotations"], file: meta.origin?.file, "\(what()): annotation", values: false, &report)
            switch object {
            case .deployment(let d): workload(what, selector: d.spec.selector, template: d.spec.template, &report)
            case .statefulSet(let s): workload(what, selector: s.spec.selector, template: s.spec.template, &report)
            case .daemonSet(let d): workload(what, selector: d.spec.selector, template: d.spec.template, &report)
            case .service(let s):
                check(s.spec?.selector, node: s.spec?.origin?.node?["selector"], file: s.spec?.origin?.file, "\(what()): selector label", values: true, &report)
            default: break
            }
        }
    }

    private func workload(_ what: () -> String, selector: LabelSelector?, template: PodTemplateSpec, _ report: inout CheckReport) {
        if let selector {
            check(selector.matchLabels, node: selector.origin?.node?["matchLabels"], file: selector.origin?.file, "\(what()): selector label", values: true, &report)
            for e in selector.matchExpressions ?? [] {
                if let problem = LabelSyntax.keyProblem(e.key) {
                    report.add("\(what()): selector key \"\(e.key)\" is invalid: \(problem)", at: e.origin, key: "key")
                }
            }
        }
        if let meta = template.metadata {
            check(meta.labels, node: meta.origin?.node?["labels"], file: meta.origin?.file, "\(what()): pod template label", values: true, &report)
            check(meta.annotations, node: meta.origin?.node?["annotations"], file: meta.origin?.file, "\(what()): pod template annotation", values: false, &report)
        }
    }

    /// Reports each invalid key (and value, for labels) of `map`, at its place in `node`.
    private func check(_ map: StringMap<String>?, node: @autoclosure () -> Node?, file: SourceFile?, _ what: @autoclosure () -> String, values: Bool, _ report: inout CheckReport) {
        guard let map, let file else { return }
        for (key, value) in map {
            var pair: Pair? { node()?.mapping?.pair(for: key) }
            if let problem = LabelSyntax.keyProblem(key) {
                report.add("\(what()) key \"\(key)\" is invalid: \(problem)", in: file, at: pair?.key.range ?? node()?.range)
            }
            if values, let problem = LabelSyntax.valueProblem(value) {
                let shown = value.count > 70 ? String(value.prefix(67)) + "…" : value
                report.add("\(what()) \"\(key)\" has an invalid value \"\(shown)\": \(problem)", in: file, at: pair?.value.range ?? node()?.range)
            }
        }
    }
}
