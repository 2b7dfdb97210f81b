/// A stretch of an input file that holds a secret (a password, an API key, a webhook URL with
/// a token): reports that print source lines show `<redacted>` there instead.
///
/// File kinds report the spans they know while decoding (`DecodeOutput.secrets`); the linter
/// hands reporters redacted copies of the files, so no format can quote a secret from source.
public struct SecretSpan: Sendable {
    /// The file the range is in (an embedded file resolves to the outer one).
    public let file: SourceFile
    public let range: SourceRange
    /// The secret as decoded (the scalar's value), so messages that quote it can be scrubbed.
    public let text: String?

    public init(file: SourceFile, range: SourceRange, text: String?) {
        self.file = file
        self.range = range
        self.text = text
    }

    /// What reports print instead of a secret.
    public static let placeholder = "<redacted>"

    /// `message` with every quotation of the spans' secrets (whole, or cut at 40 characters as
    /// decoders quote values) replaced by `<redacted>`.
    public static func scrub(_ message: String, _ spans: [SecretSpan]) -> String {
        SecretScrubber(spans).scrub(message)
    }

    /// Credentials any document may hold, whatever its kind: values of keys that only ever
    /// hold one (`password`, `credentials`, `bearer_token`, `client_secret`…), the `value` of
    /// an environment variable named like one (`DB_PASSWORD`), and URLs with a password.
    /// File kinds add what they know on top (Alertmanager's integration keys and webhook URLs).
    public static func credentials(in document: Document) -> [SecretSpan] {
        var out: [SecretSpan] = []
        var stack: [(Node, Int)] = [(document.root, 0)]
        while let (n, depth) = stack.popLast() {
            guard depth < 200 else { continue }
            switch n.content {
            case .scalar:
                if let t = n.scalarText, urlHasPassword(t) { out.append(SecretSpan(file: document.file, range: n.range, text: t)) }
            case .sequence(let items):
                for item in items { stack.append((item, depth + 1)) }
            case .mapping(let m):
                let envName = m["name"]?.scalarText.map(isCredentialVariable) ?? false
                for p in m.pairs {
                    let key = p.key.scalarText ?? ""
                    let hidden = isCredentialKey(key) || (envName && key == "value")
                    if hidden, p.value.scalar != nil, let t = p.value.scalarText, !t.isEmpty, !isPlainValue(p.value) {
                        out.append(SecretSpan(file: document.file, range: p.value.range, text: t))
                    } else {
                        stack.append((p.value, depth + 1))
                    }
                }
            }
        }
        return out
    }

    /// Keys whose scalar value is a credential in every format Vigil reads.
    static let credentialKeys: Set<String> = [
        "password", "passwd", "credentials", "bearer_token", "bearerToken", "client_secret", "clientSecret",
        "secret_key", "secretKey", "api_key", "apiKey", "auth_token", "access_token", "private_key", "privateKey",
    ]

    /// Whether `key` is one of `credentialKeys`; most keys are rejected by length and first
    /// letter without hashing (every key of every document is asked).
    static func isCredentialKey(_ key: String) -> Bool {
        let utf8 = key.utf8
        guard credentialKeyLengths.contains(utf8.count), let first = utf8.first, credentialKeyInitials[Int(first)] else { return false }
        return credentialKeys.contains(key)
    }

    private static let credentialKeyLengths: ClosedRange<Int> = {
        let lengths = credentialKeys.map(\.utf8.count)
        return (lengths.min() ?? 0)...(lengths.max() ?? 0)
    }()

    /// Indexed by byte: whether some credential key starts with it.
    private static let credentialKeyInitials: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for key in credentialKeys { if let first = key.utf8.first { table[Int(first)] = true } }
        return table
    }()

    /// `DB_PASSWORD`, `API_TOKEN`, `SLACK_WEBHOOK_URL`, `ELASTIC_PASSWORD`.
    static func isCredentialVariable(_ name: String) -> Bool {
        let utf8 = name.utf8
        // Non-ASCII names go the long way: upper-casing may lengthen them (`ß` is `SS`).
        guard utf8.allSatisfy({ $0 < 0x80 }) else {
            let upper = name.uppercased()
            return credentialVariableWords.contains { upper.contains($0) }
        }
        var upper = Array(utf8)
        for i in upper.indices where upper[i] >= 0x61 && upper[i] <= 0x7A { upper[i] -= 0x20 }
        return credentialVariableBytes.contains { word in
            upper.count >= word.count && (0...(upper.count - word.count)).contains { start in
                upper[start..<(start + word.count)].elementsEqual(word)
            }
        }
    }

    private static let credentialVariableWords = ["PASSWORD", "PASSWD", "SECRET", "TOKEN", "API_KEY", "APIKEY", "CREDENTIAL", "WEBHOOK", "PRIVATE_KEY"]
    private static let credentialVariableBytes = credentialVariableWords.map { Array($0.utf8) }

    /// Booleans, numbers and nulls are settings, not secrets (`password: false` in a schema).
    static func isPlainValue(_ node: Node) -> Bool {
        guard node.scalar?.style == .plain else { return false }
        switch node.resolvedScalar {
        case .bool, .null: return true
        default: return false
        }
    }

    /// Guesses at secrets in a file that could not be parsed (a YAML syntax error), line by
    /// line: values of keys named like credentials, and URLs with a password.
    public static func guessed(in file: SourceFile) -> [SecretSpan] {
        var out: [SecretSpan] = []
        for line in 1...max(1, file.lineCount) {
            let lineStart = file.lineStarts[line - 1]
            var lineEnd = line < file.lineCount ? file.lineStarts[line] : file.bytes.count
            while lineEnd > lineStart, file.bytes[lineEnd - 1] == 0x0A || file.bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            let text = file.bytes[lineStart..<lineEnd].map { $0 }
            var i = 0
            while i < text.count, text[i] == 0x20 || text[i] == 0x09 || text[i] == 0x2D { i += 1 }  // indentation, "- "
            var keyEnd = i
            while keyEnd < text.count, text[keyEnd] != 0x3A { keyEnd += 1 }  // ':'
            let key = String(decoding: text[i..<keyEnd], as: UTF8.self).lowercased().trimmingCharacters(in: "\"' ")
            var valueStart = keyEnd + 1
            while valueStart < text.count, text[valueStart] == 0x20 { valueStart += 1 }
            let value = valueStart < text.count ? String(decoding: text[valueStart...], as: UTF8.self) : ""
            let namedSecret = keyEnd < text.count && !key.hasSuffix("_file") && credentialFragments.contains { key.contains($0) }
            guard !value.isEmpty, value != "|", value != ">", namedSecret || urlHasPassword(value) else { continue }
            let start = lineStart + (keyEnd < text.count ? valueStart : 0)
            let end = lineEnd
            out.append(SecretSpan(file: file, range: SourceRange(start: file.position(atOffset: start), end: file.position(atOffset: end)), text: nil))
        }
        return out
    }

    static let credentialFragments = ["password", "passwd", "secret", "token", "credential", "api_key", "apikey", "_key", "auth", "webhook", "api_url"]

    static func urlHasPassword(_ text: String) -> Bool {
        guard text.utf8.contains(UInt8(ascii: "@")), let schemeEnd = text.range(of: "://") else { return false }
        let authority = text[schemeEnd.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard let at = authority.lastIndex(of: "@") else { return false }
        return authority[..<at].contains(":")
    }
}

/// Replaces quotations of known secrets in messages by `<redacted>`: quoted segments are
/// looked up in a set (any number of secrets), and every secret is searched for as well while
/// there are few enough for that to stay cheap.
public struct SecretScrubber: Sendable {
    private let texts: [String]
    private let quoted: Set<String>

    public init(_ spans: [SecretSpan]) {
        var seen = Set<String>()
        var texts: [String] = []
        var quoted = Set<String>()
        for s in spans {
            guard let t = s.text, t.count >= 4, seen.insert(t).inserted else { continue }
            texts.append(t)
            quoted.insert(t)
            if t.count > 40 { quoted.insert(String(t.prefix(40)) + "…") }
        }
        self.texts = texts.sorted { $0.count > $1.count }
        self.quoted = quoted
    }

    public var isEmpty: Bool { texts.isEmpty }

    public func scrub(_ message: String) -> String {
        guard !texts.isEmpty else { return message }
        var out = ""
        var rest = Substring(message)
        while let open = rest.firstIndex(of: "\""), let close = rest[rest.index(after: open)...].firstIndex(of: "\"") {
            let inner = rest[rest.index(after: open)..<close]
            out += rest[...open]
            out += quoted.contains(String(inner)) ? (inner.hasSuffix("…") ? SecretSpan.placeholder + "…" : SecretSpan.placeholder) : String(inner)
            out += "\""
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        guard texts.count <= 256 else { return out }
        for t in texts {
            for needle in t.count > 40 ? [t, String(t.prefix(40))] : [t] where out.contains(needle) {
                out = out.replacingOccurrences(of: needle, with: SecretSpan.placeholder)
            }
        }
        return out
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}

extension SourceFile {
    /// A copy whose bytes in `ranges` read `<redacted>`: same path, same line numbers (line
    /// breaks inside a range are kept), so diagnostics still point at the right lines.
    public func redacting(_ ranges: [SourceRange]) -> SourceFile {
        let sorted = ranges.filter { $0.end.offset > $0.start.offset }.sorted { $0.start.offset < $1.start.offset }
        guard !sorted.isEmpty else { return self }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var at = 0
        for r in sorted {
            let start = max(at, min(r.start.offset, bytes.count))
            let end = max(start, min(r.end.offset, bytes.count))
            guard end > start else { continue }
            out += bytes[at..<start]
            out += Array(SecretSpan.placeholder.utf8)
            out += bytes[start..<end].filter { $0 == 0x0A || $0 == 0x0D }
            at = end
        }
        out += bytes[at...]
        return SourceFile(path: path, bytes: out, embedding: embedding)
    }

    /// Redacts the spans that fall into this file (after resolving embedded files to theirs).
    public func redacting(_ spans: [SecretSpan]) -> SourceFile {
        redacting(spans.compactMap { s -> SourceRange? in
            let (outer, range) = s.file.resolve(s.range)
            return outer.path == path ? range : nil
        })
    }
}
