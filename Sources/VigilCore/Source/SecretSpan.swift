/// A stretch of an input file that holds a secret (a password, an API key, a webhook URL with
/// a token): reports that print source lines show `<redacted>` there instead.
///
/// File kinds report the spans they know while decoding (`DecodeOutput.secrets`); the linter
/// hands reporters redacted copies of the files, so no format can quote a secret from source.
public struct SecretSpan: Sendable {
    /// The file the range is in (an embedded file resolves to the outer one).
    public let file: SourceFile
    public let range: SourceRange

    public init(file: SourceFile, range: SourceRange) {
        self.file = file
        self.range = range
    }

    /// What reports print instead of a secret.
    public static let placeholder = "<redacted>"
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
