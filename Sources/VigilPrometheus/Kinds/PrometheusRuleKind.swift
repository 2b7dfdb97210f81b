import VigilCore

/// The prometheus-operator `PrometheusRule` resource (`monitoring.coreos.com/v1`), whose
/// `spec.groups` is a rule file.
public struct PrometheusRuleKind: FileKind {
    public var name: String { "prometheus-rule-crd" }

    public init() {}

    public func matches(_ document: Document) -> Bool {
        guard let m = document.root.mapping, m["kind"]?.scalarText == "PrometheusRule",
              let api = m["apiVersion"]?.scalarText else { return false }
        return api.hasPrefix("monitoring.coreos.com/")
    }

    public func decode(_ document: Document, embedded: EmbeddedDecoder) -> DecodeOutput {
        var decoder = RuleFileDecoder(file: document.file)
        decoder.extraGroupKeys = ["partial_response_strategy"]
        let root = document.root
        let metadata = root["metadata"]
        guard let spec = root["spec"] else {
            decoder.report(SchemaRule.missingField, "missing required field \"spec\" in PrometheusRule", root)
            return DecodeOutput(diagnostics: decoder.diagnostics)
        }
        if let m = spec.mapping { decoder.unknownKeys(m, allowed: ["groups"], in: "PrometheusRule spec", path: "spec") }
        let groupsNode = spec["groups"] ?? spec
        let groups = spec["groups"].map { decoder.decodeGroups($0, path: "spec.groups") } ?? []
        let source = RuleFile.Source.prometheusRule(name: metadata?["name"]?.scalarText, namespace: metadata?["namespace"]?.scalarText)
        let artifact = RuleFile(file: document.file, source: source, groups: groups, node: groupsNode)
        return DecodeOutput(artifacts: [artifact], diagnostics: decoder.diagnostics)
    }
}
