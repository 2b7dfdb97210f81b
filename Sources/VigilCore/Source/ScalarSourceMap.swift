/// Maps byte offsets inside a scalar's value to byte offsets in the file the scalar was read
/// from, for every scalar style (plain, quoted with escapes, literal and folded blocks).
///
/// This is how a PromQL error inside `expr: |` or an embedded `prometheus.yml` inside a
/// ConfigMap string points at the right line and column of the outer file.
public struct ScalarSourceMap: Sendable {
    /// (value offset, source offset) pairs, ascending; between two breakpoints bytes map 1:1.
    private var breakpoints: [(value: Int, source: Int)] = []
    private let sourceEnd: Int

    /// A map that sends every value offset to `offset` (for text that is not a scalar's
    /// value byte for byte, such as a base64-decoded Secret key: all of it is at the key).
    public init(pinnedAt offset: Int) {
        sourceEnd = offset
        breakpoints = [(0, offset)]
    }

    public init(node: Node, file: SourceFile) {
        let bytes = file.bytes
        let start = min(max(0, node.range.start.offset), bytes.count)
        let end = min(max(start, node.range.end.offset), bytes.count)
        sourceEnd = end
        let style = node.scalar?.style ?? .plain
        switch style {
        case .plain: mapFlow(bytes, start, end, quote: nil)
        case .singleQuoted: mapFlow(bytes, start + 1, end, quote: 0x27)
        case .doubleQuoted: mapFlow(bytes, start + 1, end, quote: 0x22)
        case .literal, .folded: mapBlock(bytes, start, end, folded: style == .folded)
        }
        if breakpoints.isEmpty { breakpoints = [(0, start)] }
    }

    /// The source offset of a byte offset in the value.
    public func sourceOffset(forValueOffset v: Int) -> Int {
        var lo = 0
        var hi = breakpoints.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if breakpoints[mid].value <= v { lo = mid } else { hi = mid - 1 }
        }
        let bp = breakpoints[lo]
        return min(bp.source + (v - bp.value), max(sourceEnd, bp.source))
    }

    private static func isBreak(_ c: UInt8) -> Bool { c == 0x0A || c == 0x0D }
    private static func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 }

    private mutating func mapFlow(_ b: [UInt8], _ start: Int, _ end: Int, quote: UInt8?) {
        var s = start
        var v = 0
        breakpoints.append((v, s))
        while s < end {
            let c = b[s]
            if let quote, c == quote {
                if quote == 0x27, s + 1 < end, b[s + 1] == 0x27 {  // '' inside single quotes
                    s += 2; v += 1
                    breakpoints.append((v, s))
                    continue
                }
                return  // closing quote
            }
            if quote == 0x22, c == 0x5C, s + 1 < end {  // backslash escape
                let (consumed, produced) = ScalarSourceMap.escape(b, s + 1, end)
                s += 1 + consumed
                v += produced
                breakpoints.append((v, s))
                continue
            }
            if ScalarSourceMap.isBreak(c) {
                // Trailing blanks before the break were dropped from the value.
                var t = s
                while t > start, ScalarSourceMap.isBlank(b[t - 1]) { t -= 1 }
                // The break and following indentation fold into one space, or newlines for
                // each further empty line.
                var emptyLines = 0
                while s < end {
                    if b[s] == 0x0D, s + 1 < end, b[s + 1] == 0x0A { s += 2; continue }
                    if ScalarSourceMap.isBreak(b[s]) { s += 1; emptyLines += 1; continue }
                    if ScalarSourceMap.isBlank(b[s]) { s += 1; continue }
                    break
                }
                v += max(1, emptyLines - 1)
                breakpoints.append((v, s))
                continue
            }
            s += 1
            v += 1
        }
    }

    /// Returns (source bytes consumed after the backslash, value bytes produced).
    private static func escape(_ b: [UInt8], _ i: Int, _ end: Int) -> (Int, Int) {
        let c = b[i]
        func hex(_ n: Int) -> (Int, Int) {
            guard i + n < end || i + n == end else { return (1, 1) }
            var value: UInt32 = 0
            for k in 1...n {
                guard i + k < b.count, let d = hexDigit(b[i + k]) else { return (1, 1) }
                value = value * 16 + UInt32(d)
            }
            let len: Int
            switch value {
            case 0..<0x80: len = 1
            case 0x80..<0x800: len = 2
            case 0x800..<0x10000: len = 3
            default: len = 4
            }
            return (n + 1, len)
        }
        switch c {
        case UInt8(ascii: "x"): return hex(2)
        case UInt8(ascii: "u"): return hex(4)
        case UInt8(ascii: "U"): return hex(8)
        case UInt8(ascii: "N"): return (1, 2)  // U+0085
        case UInt8(ascii: "_"): return (1, 2)  // U+00A0
        case UInt8(ascii: "L"), UInt8(ascii: "P"): return (1, 3)
        case 0x0A, 0x0D:
            // Escaped line break: the break and the next line's indentation vanish.
            var j = i + 1
            if c == 0x0D, j < end, b[j] == 0x0A { j += 1 }
            while j < end, isBlank(b[j]) { j += 1 }
            return (j - i, 0)
        default: return (1, 1)
        }
    }

    private static func hexDigit(_ c: UInt8) -> Int? {
        switch c {
        case 48...57: return Int(c - 48)
        case 65...70: return Int(c - 55)
        case 97...102: return Int(c - 87)
        default: return nil
        }
    }

    private mutating func mapBlock(_ b: [UInt8], _ start: Int, _ end: Int, folded: Bool) {
        // Skip the header line (`|`, `>-`, `|2`, maybe a comment).
        var s = start
        var explicitIndent: Int?
        while s < end, !ScalarSourceMap.isBreak(b[s]) {
            if b[s] >= 0x31 && b[s] <= 0x39 && explicitIndent == nil { explicitIndent = Int(b[s] - 0x30) }
            if b[s] == 0x23 { break }
            s += 1
        }
        while s < end, !ScalarSourceMap.isBreak(b[s]) { s += 1 }
        if s < end, b[s] == 0x0D { s += 1 }
        if s < end, b[s] == 0x0A { s += 1 }
        // Content indentation: explicit, or that of the first non-empty line.
        var indent = 0
        if let e = explicitIndent {
            // Relative to the parent's indentation: the column of the line the header is on.
            var lineStart = start
            while lineStart > 0, !ScalarSourceMap.isBreak(b[lineStart - 1]) { lineStart -= 1 }
            var parent = 0
            while lineStart + parent < start, b[lineStart + parent] == 0x20 { parent += 1 }
            indent = parent + e
        } else {
            var t = s
            while t < end {
                var k = 0
                while t + k < end, b[t + k] == 0x20 { k += 1 }
                if t + k < end, ScalarSourceMap.isBreak(b[t + k]) {
                    t += k + 1
                    continue
                }
                indent = k
                break
            }
        }
        var v = 0
        var previousEmpty = false
        var first = true
        while s < end {
            // One source line.
            var lineEnd = s
            while lineEnd < end, !ScalarSourceMap.isBreak(b[lineEnd]) { lineEnd += 1 }
            let contentStart = min(s + indent, lineEnd)
            let isEmpty = lineEnd - s <= indent && (s..<lineEnd).allSatisfy { b[$0] == 0x20 }
            if folded && isEmpty {
                if !first && !previousEmpty { v -= 1 }  // the preceding break becomes the newline
                v += 1
                previousEmpty = true
            } else {
                breakpoints.append((v, contentStart))
                v += lineEnd - contentStart + 1
                previousEmpty = false
            }
            first = false
            s = lineEnd
            if s < end, b[s] == 0x0D { s += 1 }
            if s < end, b[s] == 0x0A { s += 1 }
        }
        if breakpoints.isEmpty { breakpoints.append((0, s)) }
    }
}

/// Where an embedded file's text came from: a scalar of an outer file.
public struct Embedding: Sendable {
    public let outer: SourceFile
    public let map: ScalarSourceMap
    /// Set when the text was decoded from the scalar (`base64-decoded data.alertmanager.yml`):
    /// positions then all resolve to one place of the outer file, and diagnostics add a note
    /// with the line and column in the decoded text.
    public let decodedFrom: String?
    /// Whether the outer value is kept confidential (a Kubernetes Secret's), so credentials in
    /// the text are where they belong.
    public let isConfidential: Bool

    public init(outer: SourceFile, map: ScalarSourceMap, decodedFrom: String? = nil, isConfidential: Bool = false) {
        self.outer = outer
        self.map = map
        self.decodedFrom = decodedFrom
        self.isConfidential = isConfidential
    }
}
