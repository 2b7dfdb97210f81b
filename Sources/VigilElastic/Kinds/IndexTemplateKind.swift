import VigilCore
import VigilKubernetes

/// An index template found in a lint run: a JSON (or YAML) file holding an `_index_template`
/// (or legacy `_template`) body, or such a body under a `*.json` key of a ConfigMap.
struct IndexTemplateSite {
    /// The name Logstash refers to it by: the file or key name without `.json`.
    let name: String
    let file: SourceFile
    let patterns: [String]
    let range: SourceRange?

    /// The patterns of a template body (`index_patterns`, a list or one string), if it is one.
    static func patterns(of root: Node) -> [String]? {
        guard let p = root["index_patterns"] else { return nil }
        if let s = p.sequence { return s.compactMap(\.scalarText) }
        return p.scalarText.map { [$0] }
    }

    /// `logs.json` → `logs`; `/usr/share/logstash/templates/logs.json` → `logs`.
    static func name(ofPath path: String) -> String {
        let base = path.split(separator: "/").last.map(String.init) ?? path
        return base.hasSuffix(".json") ? String(base.dropLast(5)) : base
    }
}

/// A standalone index template file `vigil lint` decoded.
public struct IndexTemplateArtifact: Artifact {
    public let file: SourceFile
    public let patterns: [String]
    let range: SourceRange?
}

/// Recognises index template bodies by their top-level `index_patterns` (standalone files;
/// ConfigMap keys are read by the checks through the inventory, where the key gives the name).
public struct IndexTemplateKind: FileKind {
    public init() {}
    public var name: String { "elasticsearch-index-template" }

    public func matches(_ document: Document) -> Bool {
        guard document.file.embedding == nil, let m = document.root.mapping, m["index_patterns"] != nil else { return false }
        return m["template"] != nil || m["priority"] != nil || m["mappings"] != nil || m["settings"] != nil || m["composed_of"] != nil || m.pairs.count == 1
    }

    public func decode(_ document: Document, embedded: EmbeddedDecoder) -> DecodeOutput {
        let patterns = IndexTemplateSite.patterns(of: document.root) ?? []
        return DecodeOutput(artifacts: [IndexTemplateArtifact(file: document.file, patterns: patterns, range: document.root["index_patterns"]?.range)])
    }
}

extension LintContext {
    /// Every index template of the run: standalone files, and ConfigMap keys `*.json` whose
    /// text is a template body (positions mapped into the ConfigMap's file).
    var indexTemplates: [IndexTemplateSite] {
        var out = all(IndexTemplateArtifact.self).map {
            IndexTemplateSite(name: IndexTemplateSite.name(ofPath: $0.file.path), file: $0.file, patterns: $0.patterns, range: $0.range)
        }
        for cm in KubernetesInventory.of(self).configMaps {
            guard let outer = cm.origin?.file, let data = cm.origin?.node?["data"]?.mapping else { continue }
            for p in data.pairs {
                guard let key = p.key.scalarText, key.hasSuffix(".json"), p.value.scalar != nil else { continue }
                let inner = SourceFile(embeddedIn: outer, scalar: p.value)
                guard let root = YAMLLoader.load(inner).documents.first?.root, let patterns = IndexTemplateSite.patterns(of: root) else { continue }
                out.append(IndexTemplateSite(name: IndexTemplateSite.name(ofPath: key), file: inner, patterns: patterns, range: root["index_patterns"]?.range))
            }
        }
        return out
    }
}
