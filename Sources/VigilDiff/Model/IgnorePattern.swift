/// A `--ignore` pattern: a glob over the printed `DiffPath` notation.
///
/// `*` matches any run of characters within one step (it stops at `.`, `/`, `[` and `]`),
/// `**` matches anything (also across steps), `?` matches one character; every other
/// character stands for itself (brackets too, so `containers[name=api].image` is literal).
/// A pattern also ignores everything below what it matches: `metadata.labels` drops
/// `metadata.labels.team`, and `data["prometheus.yml"]/global` drops the changes inside that
/// embedded section. Examples: `metadata.annotations`, `**.image`, `spec.replicas`,
/// `spec.template.spec.containers[*].resources`.
public struct IgnorePattern: Sendable, Hashable, CustomStringConvertible {
    public let pattern: String
    private let bytes: [UInt8]

    public init(_ pattern: String) {
        self.pattern = pattern
        self.bytes = Array(pattern.utf8)
    }

    public var description: String { pattern }

    /// Whether the pattern matches `path` or one of its ancestors.
    public func matches(_ path: DiffPath) -> Bool {
        if path.isEmpty { return matches(text: ".") }
        for prefix in path.prefixDescriptions where matches(text: prefix) { return true }
        return false
    }

    /// Whether the pattern matches the whole of `text`.
    public func matches(text: String) -> Bool {
        let s = Array(text.utf8)
        return IgnorePattern.match(bytes[...], s[...])
    }

    private static func isStepBoundary(_ c: UInt8) -> Bool {
        c == UInt8(ascii: ".") || c == UInt8(ascii: "/") || c == UInt8(ascii: "[") || c == UInt8(ascii: "]")
    }

    /// Iterative glob matching with one backtracking point per star (linear in practice).
    private static func match(_ p: ArraySlice<UInt8>, _ s: ArraySlice<UInt8>) -> Bool {
        var pi = p.startIndex
        var si = s.startIndex
        var starP: Int?
        var starS = 0
        var starCrosses = false
        while si < s.endIndex {
            if pi < p.endIndex {
                let c = p[pi]
                if c == UInt8(ascii: "*") {
                    let double = pi + 1 < p.endIndex && p[pi + 1] == UInt8(ascii: "*")
                    pi += double ? 2 : 1
                    starP = pi
                    starS = si
                    starCrosses = double
                    continue
                }
                if c == UInt8(ascii: "?") || c == s[si] {
                    pi += 1
                    si += 1
                    continue
                }
            }
            if let sp = starP, starCrosses || !isStepBoundary(s[starS]) {
                starS += 1
                si = starS
                pi = sp
                continue
            }
            return false
        }
        while pi < p.endIndex, p[pi] == UInt8(ascii: "*") { pi += 1 }
        return pi == p.endIndex
    }
}
