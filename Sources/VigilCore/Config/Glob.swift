/// Shell-style globs for path excludes: `*` (within a path segment), `**` (any number of
/// segments), `?` (one character).
public enum Glob {
    public static func matches(_ pattern: String, _ path: String) -> Bool {
        let p = Array(pattern.utf8)
        let s = Array(path.utf8)
        // A pattern without a slash matches the file name anywhere (like .gitignore).
        if !p.contains(UInt8(ascii: "/")) {
            let base = s.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).last.map(Array.init) ?? s
            return match(p[...], base[...]) || match(p[...], s[...])
        }
        return match(p[...], s[...])
    }

    /// Matches segment by segment: a `**` segment spans any number of segments (none too),
    /// `*` and `?` stay within one.
    private static func match(_ p: ArraySlice<UInt8>, _ s: ArraySlice<UInt8>) -> Bool {
        let slash = UInt8(ascii: "/")
        let ps = p.split(separator: slash, omittingEmptySubsequences: false)
        let ss = s.split(separator: slash, omittingEmptySubsequences: false)
        // reachable[j]: the pattern segments so far can match the first j path segments.
        var reachable = [Bool](repeating: false, count: ss.count + 1)
        reachable[0] = true
        for seg in ps {
            var next = [Bool](repeating: false, count: ss.count + 1)
            if seg.elementsEqual("**".utf8) {
                var any = false
                for j in 0...ss.count {
                    any = any || reachable[j]
                    next[j] = any
                }
            } else {
                for j in 0..<ss.count where reachable[j] && matchSegment(seg, ss[j]) { next[j + 1] = true }
            }
            reachable = next
        }
        return reachable[ss.count]
    }

    /// `*` (any run, `**` inside a segment too) and `?` within one path segment.
    private static func matchSegment(_ p: ArraySlice<UInt8>, _ s: ArraySlice<UInt8>) -> Bool {
        var pi = p.startIndex
        var si = s.startIndex
        var starP: Int?
        var starS = 0
        while si < s.endIndex {
            if pi < p.endIndex, p[pi] == UInt8(ascii: "*") {
                while pi < p.endIndex, p[pi] == UInt8(ascii: "*") { pi += 1 }
                starP = pi
                starS = si
                continue
            }
            if pi < p.endIndex, p[pi] == UInt8(ascii: "?") || p[pi] == s[si] {
                pi += 1
                si += 1
                continue
            }
            guard let sp = starP else { return false }
            starS += 1
            si = starS
            pi = sp
        }
        while pi < p.endIndex, p[pi] == UInt8(ascii: "*") { pi += 1 }
        return pi == p.endIndex
    }
}
