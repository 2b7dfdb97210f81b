import Foundation
import VigilCore

/// Config files kept as values of a ConfigMap or Secret (`alertmanager.yml: |`), decoded with
/// every registered kind so they are linted like files, positioned in the outer manifest.
enum EmbeddedFiles {
    /// Whether the value of `key` is linted as an embedded file.
    static func isFileKey(_ key: String) -> Bool {
        KubernetesObjectKind.embeddedSuffixes.contains { key.hasSuffix($0) }
    }

    /// A ConfigMap's `data` values.
    static func inConfigMap(_ node: Node, file: SourceFile, embedded: EmbeddedDecoder) -> DecodeOutput {
        var out = DecodeOutput()
        for p in node["data"]?.mapping?.pairs ?? [] {
            guard let key = p.key.scalarText, p.value.scalar != nil, isFileKey(key) else { continue }
            out.append(quietConf(embedded.decode(scalar: p.value, of: file, name: key), key: key))
        }
        return out
    }

    /// A Secret's `stringData` values (plain text, positioned inside the value) and `data`
    /// values (base64, positioned at the key, with a note giving the line in the decoded text).
    /// Every value is a secret: values no kind recognises, and all of `data`, are hidden from
    /// printed source lines; a recognised config hides its own secret fields.
    static func inSecret(_ node: Node, file: SourceFile, embedded: EmbeddedDecoder) -> DecodeOutput {
        var out = DecodeOutput()
        for p in node["stringData"]?.mapping?.pairs ?? [] {
            guard p.value.scalar != nil else { continue }
            var inner = DecodeOutput()
            if let key = p.key.scalarText, isFileKey(key) {
                inner = quietConf(embedded.decode(scalar: p.value, of: file, name: key, confidential: true), key: key)
            }
            if inner.artifacts.isEmpty { inner.secrets.append(SecretSpan(file: file, range: p.value.range, text: p.value.scalarText)) }
            out.append(inner)
        }
        for p in node["data"]?.mapping?.pairs ?? [] {
            guard p.value.scalar != nil else { continue }
            out.secrets.append(SecretSpan(file: file, range: p.value.range, text: p.value.scalarText))
            guard let key = p.key.scalarText, let text = p.value.scalarText, p.value.resolvedScalar != .null else { continue }
            guard let bytes = decodeBase64(text) else {
                out.diagnostics.append(Diagnostic(rule: SchemaRule.invalidValue, severity: .error,
                                                  message: "data.\(key): illegal base64 data; Kubernetes rejects the Secret",
                                                  in: file, range: p.key.range,
                                                  hint: "encode the value with `base64 -w0`, or put the plain text under `stringData:`"))
                continue
            }
            // Binary values (keystores, certificates in DER) are no config to lint.
            guard isFileKey(key), !bytes.contains(0), String(bytes: bytes, encoding: .utf8) != nil else { continue }
            let decoded = SourceFile(decoded: bytes, from: file, at: p.key.range, description: "base64-decoded data.\(key)", confidential: true)
            out.append(quietConf(embedded.decode(file: decoded, name: key), key: key))
        }
        return out
    }

    /// Kubernetes' base64 (standard alphabet, padded); line breaks in a folded value are ignored.
    static func decodeBase64(_ text: String) -> [UInt8]? {
        let compact = text.filter { !$0.isWhitespace }
        return Data(base64Encoded: compact).map { [UInt8]($0) }
    }

    /// A `.conf` value is YAML only by accident (nginx.conf, redis.conf): unless some kind
    /// recognised it, YAML parse problems in it are not findings.
    static func quietConf(_ output: DecodeOutput, key: String) -> DecodeOutput {
        var output = output
        if key.hasSuffix(".conf"), output.artifacts.isEmpty {
            output.diagnostics.removeAll { $0.rule.hasPrefix("yaml/") }
        }
        return output
    }
}
