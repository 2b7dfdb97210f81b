#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The text of one input file with a line table, so byte offsets map to lines and columns.
///
/// A `SourceFile` is immutable and shared by every document, node and diagnostic that came
/// from it. Line breaks are counted the way libyaml counts them (`\n`, `\r\n`, `\r`, NEL,
/// U+2028, U+2029), so positions from libyaml and from our own scanners agree.
public final class SourceFile: Sendable {
    /// The path as the user named it (`-` for standard input).
    public let path: String
    /// The raw bytes of the file.
    public let bytes: [UInt8]
    /// Byte offset where each line starts; `lineStarts[0] == 0`.
    public let lineStarts: [Int]
    /// Whether every byte is ASCII, which makes column arithmetic trivial.
    public let isASCII: Bool
    /// For non-ASCII text, the number of Unicode scalars before every `scalarStride`-th byte, so
    /// a column on a long line costs at most one stride of scanning instead of the whole line.
    private let scalarCheckpoints: [Int]
    private static let scalarStride = 256
    /// Rule ids silenced per line by `# vigil:ignore RULE-ID` comments (1-based lines).
    public let ignoreDirectives: [Int: [String]]
    /// Set when this file's text is a string inside another file (a ConfigMap key, `expr: |`).
    public let embedding: Embedding?

    public init(path: String, bytes: [UInt8], embedding: Embedding? = nil) {
        self.path = path
        self.bytes = bytes
        self.embedding = embedding
        var starts = [0]
        var ascii = true
        var i = 0
        let n = bytes.count
        bytes.withUnsafeBufferPointer { b in
            // The common case, ASCII with `\n` endings: no per-byte decisions, memchr finds lines.
            if let base = b.baseAddress, SourceFile.isASCIIWithoutCR(b) {
                var p = UnsafeRawPointer(base)
                let end = UnsafeRawPointer(base + n)
                while p < end, let hit = memchr(p, 0x0A, end - p) {
                    let next = UnsafeRawPointer(hit) + 1
                    starts.append(next - UnsafeRawPointer(base))
                    p = next
                }
                i = n
            }
            while i < n {
                let c = b[i]
                if c == 0x0A {
                    starts.append(i + 1)
                } else if c == 0x0D {
                    if i + 1 < n && b[i + 1] == 0x0A { i += 1 }
                    starts.append(i + 1)
                } else if c >= 0x80 {
                    ascii = false
                    if c == 0xC2 && i + 1 < n && b[i + 1] == 0x85 {
                        i += 1
                        starts.append(i + 1)
                    } else if c == 0xE2 && i + 2 < n && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9) {
                        i += 2
                        starts.append(i + 1)
                    }
                }
                i += 1
            }
        }
        self.lineStarts = starts
        self.isASCII = ascii
        self.scalarCheckpoints = ascii ? [] : SourceFile.checkpoints(bytes)
        self.ignoreDirectives = IgnoreDirectiveScanner.scan(bytes)
    }

    /// Whether `b` holds only ASCII bytes and no carriage return.
    static func isASCIIWithoutCR(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var high: UInt8 = 0
        for c in b { high |= c & 0x80 }
        guard high == 0, let base = b.baseAddress else { return high == 0 }
        return memchr(base, 0x0D, b.count) == nil
    }

    /// A file for the text of a scalar of `outer`, whose positions map back into `outer`.
    public convenience init(embeddedIn outer: SourceFile, scalar node: Node) {
        self.init(embeddedIn: outer, scalar: node, confidential: false)
    }

    /// A file for the text of a scalar of `outer`; `confidential` when the scalar is a
    /// Kubernetes Secret's value.
    public convenience init(embeddedIn outer: SourceFile, scalar node: Node, confidential: Bool) {
        self.init(path: outer.path, bytes: Array((node.scalarText ?? "").utf8),
                  embedding: Embedding(outer: outer, map: ScalarSourceMap(node: node, file: outer), isConfidential: confidential))
    }

    /// Whether this text is embedded, at any depth, in a value kept confidential (a Secret).
    public var isConfidential: Bool {
        var file = self
        var hops = 0
        while let e = file.embedding, hops < 32 {
            if e.isConfidential { return true }
            file = e.outer
            hops += 1
        }
        return false
    }

    /// A file for text decoded from a value of `outer` (a base64 Secret key): every position in
    /// it resolves to `range.start` of `outer`; `description` says what was decoded.
    public convenience init(decoded bytes: [UInt8], from outer: SourceFile, at range: SourceRange, description: String, confidential: Bool = false) {
        self.init(path: outer.path, bytes: bytes,
                  embedding: Embedding(outer: outer, map: ScalarSourceMap(pinnedAt: range.start.offset), decodedFrom: description,
                                       isConfidential: confidential))
    }

    /// Where `range` is inside the innermost decoded text it passes through on its way to the
    /// outer file (nil when no embedding on the way was decoded): for a note that gives the
    /// line the user cannot see at the reported position.
    public func decodedLocation(_ range: SourceRange?) -> (description: String, position: SourcePosition)? {
        var file = self
        var r = range
        var hops = 0
        while let e = file.embedding, hops < 32, let cur = r {
            if let d = e.decodedFrom { return (d, cur.start) }
            let s = e.map.sourceOffset(forValueOffset: cur.start.offset)
            let t = e.map.sourceOffset(forValueOffset: cur.end.offset)
            r = SourceRange(start: e.outer.position(atOffset: s), end: e.outer.position(atOffset: max(s, t)))
            file = e.outer
            hops += 1
        }
        return nil
    }

    /// The outermost file and the range there that corresponds to `range` in this file.
    public func resolve(_ range: SourceRange?) -> (file: SourceFile, range: SourceRange?) {
        var file = self
        var r = range
        var hops = 0
        while let e = file.embedding, hops < 32 {
            if let cur = r {
                let s = e.map.sourceOffset(forValueOffset: cur.start.offset)
                let t = e.map.sourceOffset(forValueOffset: cur.end.offset)
                r = SourceRange(start: e.outer.position(atOffset: s), end: e.outer.position(atOffset: max(s, t)))
            }
            file = e.outer
            hops += 1
        }
        return (file, r)
    }

    /// Convenience for tests and embedded text.
    public convenience init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// The number of lines (a final line without a newline counts).
    public var lineCount: Int { lineStarts.count }

    /// The position of a byte offset (clamped to the file).
    public func position(atOffset rawOffset: Int) -> SourcePosition {
        let offset = max(0, min(rawOffset, bytes.count))
        var lo = 0
        var hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        let lineStart = lineStarts[lo]
        let column: Int
        if isASCII {
            column = offset - lineStart + 1
        } else {
            column = scalars(before: offset) - scalars(before: lineStart) + 1
        }
        return SourcePosition(line: lo + 1, column: column, offset: offset)
    }

    private static func checkpoints(_ bytes: [UInt8]) -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(bytes.count / scalarStride + 1)
        var count = 0
        for (i, b) in bytes.enumerated() {
            if i % scalarStride == 0 { result.append(count) }
            if b & 0xC0 != 0x80 { count += 1 }
        }
        if bytes.count % scalarStride == 0 { result.append(count) }
        return result
    }

    /// The number of Unicode scalars that start before byte `offset` (non-ASCII files only).
    private func scalars(before offset: Int) -> Int {
        let k = offset / SourceFile.scalarStride
        var count = scalarCheckpoints[k]
        var j = k * SourceFile.scalarStride
        while j < offset {
            if bytes[j] & 0xC0 != 0x80 { count += 1 }
            j += 1
        }
        return count
    }

    /// The position of a 0-based line and a 0-based column counted in Unicode scalars,
    /// as libyaml reports marks.
    public func position(line0: Int, column0: Int) -> SourcePosition {
        guard line0 >= 0, line0 < lineStarts.count else {
            return position(atOffset: bytes.count)
        }
        let lineStart = lineStarts[line0]
        let lineEnd = line0 + 1 < lineStarts.count ? lineStarts[line0 + 1] : bytes.count
        var offset = lineStart
        if isASCII {
            offset = min(lineStart + column0, max(lineEnd, lineStart))
            if offset > bytes.count { offset = bytes.count }
        } else {
            // Start from the last checkpoint at or before the wanted column, not the line start.
            let target = scalars(before: lineStart) + column0
            var lo = lineStart / SourceFile.scalarStride
            var hi = lineEnd / SourceFile.scalarStride
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if scalarCheckpoints[mid] <= target { lo = mid } else { hi = mid - 1 }
            }
            offset = max(lineStart, lo * SourceFile.scalarStride)
            while offset < lineEnd && bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            var remaining = target - scalars(before: offset)
            while remaining > 0 && offset < lineEnd {
                offset += 1
                while offset < lineEnd && bytes[offset] & 0xC0 == 0x80 { offset += 1 }
                remaining -= 1
            }
            offset += remaining  // a mark past the end of the line (should not happen)
            if offset > bytes.count { offset = bytes.count }
        }
        return SourcePosition(line: line0 + 1, column: column0 + 1, offset: offset)
    }

    /// Like `position(line0:column0:)`, but walks on from `earlier` when it is on the same line
    /// and not past the column, so a scanner reporting marks in order pays for each byte once.
    public func position(line0: Int, column0: Int, after earlier: SourcePosition) -> SourcePosition {
        guard !isASCII, line0 >= 0, line0 < lineStarts.count, earlier.line == line0 + 1, earlier.column <= column0 + 1 else {
            return position(line0: line0, column0: column0)
        }
        let lineEnd = line0 + 1 < lineStarts.count ? lineStarts[line0 + 1] : bytes.count
        guard earlier.offset >= lineStarts[line0], earlier.offset <= lineEnd else {
            return position(line0: line0, column0: column0)
        }
        var offset = earlier.offset
        var remaining = column0 + 1 - earlier.column
        while remaining > 0 && offset < lineEnd {
            offset += 1
            while offset < lineEnd && bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            remaining -= 1
        }
        offset = min(offset + remaining, bytes.count)
        return SourcePosition(line: line0 + 1, column: column0 + 1, offset: offset)
    }

    /// The text of a 1-based line without its line break (lossy for invalid UTF-8).
    public func lineText(_ line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        while end > start && (bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D) { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The bytes of a range decoded as text (lossy for invalid UTF-8).
    public func text(of range: SourceRange) -> String {
        let s = max(0, min(range.start.offset, bytes.count))
        let e = max(s, min(range.end.offset, bytes.count))
        return String(decoding: bytes[s..<e], as: UTF8.self)
    }

    /// Whether a `# vigil:ignore` comment on `line` or the line above names `rule`.
    public func isIgnored(rule: String, line: Int) -> Bool {
        for l in [line, line - 1] {
            if let ids = ignoreDirectives[l], ids.contains(where: { $0 == rule || $0 == "all" }) {
                return true
            }
        }
        return false
    }
}

/// Finds `# vigil:ignore RULE-ID[,RULE-ID…]` comments without parsing the YAML.
enum IgnoreDirectiveScanner {
    static let marker = Array("vigil:ignore".utf8)

    static func scan(_ bytes: [UInt8]) -> [Int: [String]] {
        var result: [Int: [String]] = [:]
        let n = bytes.count
        let m = marker.count
        guard n >= m, mentionsMarker(bytes) else { return result }
        var line = 1
        var i = 0
        var sawHash = false
        while i < n {
            let c = bytes[i]
            if c == 0x0A { line += 1; sawHash = false; i += 1; continue }
            if c == 0x23 { sawHash = true }  // '#'
            if sawHash && c == 0x76 && i + m <= n && bytes[i..<(i + m)].elementsEqual(marker) {
                var j = i + m
                var ids: [String] = []
                var current: [UInt8] = []
                while j < n && bytes[j] != 0x0A && bytes[j] != 0x0D {
                    let d = bytes[j]
                    if d == 0x20 || d == 0x2C || d == 0x09 {
                        if !current.isEmpty { ids.append(String(decoding: current, as: UTF8.self)); current = [] }
                    } else {
                        current.append(d)
                    }
                    j += 1
                }
                if !current.isEmpty { ids.append(String(decoding: current, as: UTF8.self)) }
                if ids.isEmpty { ids = ["all"] }
                result[line, default: []].append(contentsOf: ids)
                i = j
                continue
            }
            i += 1
        }
        return result
    }

    /// Whether `vigil:ignore` occurs anywhere: most files have no directive, and memchr for
    /// its first byte answers that much faster than the line-by-line scan.
    static func mentionsMarker(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { b in marker.withUnsafeBufferPointer { ByteSearch.contains(b, $0) } }
    }
}
