import Foundation
import VigilCore

/// Finds the Alertmanager config inside a Kubernetes ConfigMap or Secret manifest, for
/// `vigil routes`: the first `.yml`/`.yaml` key of `data` or `stringData` whose text reads as
/// an Alertmanager config (a Secret's `data` base64-decoded). Positions resolve to the manifest.
public enum EmbeddedConfig {
    /// The embedded config and what hides its secrets in the printed manifest; nil when the
    /// file is not such a manifest (then it is the config itself).
    public static func find(in file: SourceFile) -> (config: SourceFile, secrets: [SecretSpan])? {
        // Most inputs are plain configs: skip parsing them twice.
        let text = String(decoding: file.bytes.prefix(1 << 20), as: UTF8.self)
        guard text.contains("ConfigMap") || text.contains("Secret") else { return nil }
        let loaded = YAMLLoader.load(file)
        guard loaded.documents.count == 1, let root = loaded.documents.first?.root,
              root["apiVersion"]?.scalarText == "v1", let kind = root["kind"]?.scalarText,
              kind == "ConfigMap" || kind == "Secret" else { return nil }
        let isSecret = kind == "Secret"
        for section in isSecret ? ["stringData", "data"] : ["data"] {
            for p in root[section]?.mapping?.pairs ?? [] {
                guard let key = p.key.scalarText, key.hasSuffix(".yml") || key.hasSuffix(".yaml"),
                      let text = p.value.scalarText, p.value.scalar != nil else { continue }
                let inner: SourceFile
                var hidden: [SecretSpan] = []
                if isSecret && section == "data" {
                    guard let data = Data(base64Encoded: text.filter { !$0.isWhitespace }) else { continue }
                    inner = SourceFile(decoded: [UInt8](data), from: file, at: p.key.range, description: "base64-decoded data.\(key)", confidential: true)
                    hidden.append(SecretSpan(file: file, range: p.value.range, text: text))
                } else {
                    inner = SourceFile(embeddedIn: file, scalar: p.value, confidential: isSecret)
                }
                let documents = YAMLLoader.load(inner).documents
                guard let doc = documents.first, AlertmanagerConfigKind().matches(doc) else { continue }
                return (inner, hidden + documents.flatMap { AlertmanagerRedaction.secretSpans(in: $0) })
            }
        }
        return nil
    }
}
