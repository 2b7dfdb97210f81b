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

    private static func match(_ p: ArraySlice<UInt8>, _ s: ArraySlice<UInt8>) -> Bool {
        // Iterative matcher with backtracking points for `*` and `**`.
        var pi = p.startIndex
        var si = s.startIndex
        var starP: Int?
        var starS = 0
        var starCrossesSlash = false
        while si < s.endIndex {
            if pi < p.endIndex {
                let c = p[pi]
                if c == UInt8(ascii: "*") {
                    let double = pi + 1 < p.endIndex && p[pi + 1] == UInt8(ascii: "*")
                    pi += double ? 2 : 1
                    if double, pi < p.endIndex, p[pi] == UInt8(ascii: "/") { pi += 1 }
                    starP = pi
                    starS = si
                    starCrossesSlash = double
                    continue
                }
                if c == UInt8(ascii: "?") ? s[si] != UInt8(ascii: "/") : c == s[si] {
                    pi += 1
                    si += 1
                    continue
                }
            }
            if let sp = starP, starCrossesSlash || s[starS] != UInt8(ascii: "/") {
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
