import VigilCore

/// A plain Prometheus rule file: a mapping whose only top-level key is `groups` (a list), with
/// no `apiVersion`/`kind`.
public struct RuleFileKind: FileKind {
    public var name: String { "prometheus-rules" }

    public init() {}

    public func matches(_ document: Document) -> Bool {
        guard let m = document.root.mapping, let groups = m["groups"] else { return false }
        guard groups.sequence != nil || m.count == 1 else { return false }
        return m["apiVersion"] == nil && m["kind"] == nil && m["route"] == nil && m["receivers"] == nil
    }

    public func decode(_ document: Document, embedded: EmbeddedDecoder) -> DecodeOutput {
        var decoder = RuleFileDecoder(file: document.file)
        guard let m = document.root.mapping else { return DecodeOutput() }
        decoder.unknownKeys(m, allowed: ["groups"], in: "rule file", path: "(root)")
        let groupsNode = m["groups"] ?? document.root
        let groups = decoder.decodeGroups(groupsNode)
        let artifact = RuleFile(file: document.file, source: .ruleFile, groups: groups, node: groupsNode)
        return DecodeOutput(artifacts: [artifact], diagnostics: decoder.diagnostics)
    }
}
