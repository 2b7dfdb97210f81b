/// Line comparison for text that is not structured data (Logstash pipelines, other files).
///
/// Common leading and trailing lines are stripped first, then Myers' O((N+M)·D) algorithm runs
/// on the middle; when more than `maxEdits` lines differ the middle is reported as replaced,
/// so the cost stays linear in the input for any text.
public enum LineDiff {
    /// The edit script between two texts, reduced to changed lines and `context` unchanged lines
    /// around them. Empty when the texts have the same lines.
    public static func edits(old: String, new: String, maxEdits: Int = 2_000, context: Int = 2) -> [LineEdit] {
        let a = splitLines(old)
        let b = splitLines(new)
        let full = script(a, b, maxEdits: maxEdits)
        return trim(full, context: context)
    }

    static func splitLines(_ s: String) -> [Substring] {
        var lines = s.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        return lines.map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
    }

    /// The full edit script (keep, delete, insert) with line numbers.
    static func script(_ a: [Substring], _ b: [Substring], maxEdits: Int) -> [LineEdit] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        var out: [LineEdit] = []
        for i in 0..<prefix { out.append(LineEdit(op: .keep, text: String(a[i]), oldLine: i + 1, newLine: i + 1)) }
        let midA = Array(a[prefix..<(a.count - suffix)])
        let midB = Array(b[prefix..<(b.count - suffix)])
        var ops = myers(midA, midB, maxEdits: maxEdits)
        if ops == nil {
            ops = Array(repeating: .delete, count: midA.count) + Array(repeating: .insert, count: midB.count)
        }
        var i = 0, j = 0
        for op in ops ?? [] {
            switch op {
            case .keep:
                out.append(LineEdit(op: .keep, text: String(midA[i]), oldLine: prefix + i + 1, newLine: prefix + j + 1))
                i += 1
                j += 1
            case .delete:
                out.append(LineEdit(op: .delete, text: String(midA[i]), oldLine: prefix + i + 1, newLine: nil))
                i += 1
            case .insert:
                out.append(LineEdit(op: .insert, text: String(midB[j]), oldLine: nil, newLine: prefix + j + 1))
                j += 1
            }
        }
        for k in 0..<suffix {
            let ai = a.count - suffix + k, bi = b.count - suffix + k
            out.append(LineEdit(op: .keep, text: String(a[ai]), oldLine: ai + 1, newLine: bi + 1))
        }
        return out
    }

    /// Myers' greedy shortest edit script; nil when it needs more than `maxEdits` edits.
    static func myers(_ a: [Substring], _ b: [Substring], maxEdits: Int) -> [LineEdit.Op]? {
        let n = a.count, m = b.count
        if n == 0 { return Array(repeating: .insert, count: m) }
        if m == 0 { return Array(repeating: .delete, count: n) }
        let maxD = min(n + m, maxEdits)
        let offset = maxD + 1
        var v = Array(repeating: 0, count: 2 * maxD + 3)
        var trace: [[Int]] = []
        var found = false
        outer: for d in 0...maxD {
            trace.append(Array(v[(offset - d - 1)...(offset + d + 1)]))
            var k = -d
            while k <= d {
                var x: Int
                if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
                    x = v[offset + k + 1]
                } else {
                    x = v[offset + k - 1] + 1
                }
                var y = x - k
                while x < n, y < m, a[x] == b[y] { x += 1; y += 1 }
                v[offset + k] = x
                if x >= n && y >= m { found = true; break outer }
                k += 2
            }
        }
        guard found else { return nil }
        // Backtrack through the saved frontiers (trace[d] holds v before step d, for k in -d-1...d+1).
        var ops: [LineEdit.Op] = []
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let saved = trace[d]
            func at(_ k: Int) -> Int { saved[k + d + 1] }
            let k = x - y
            if d == 0 {
                while x > 0 && y > 0 { ops.append(.keep); x -= 1; y -= 1 }
                break
            }
            let prevK = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1
            let prevX = at(prevK)
            let prevY = prevX - prevK
            while x > prevX && y > prevY { ops.append(.keep); x -= 1; y -= 1 }
            if prevK == k + 1 { ops.append(.insert); y -= 1 } else { ops.append(.delete); x -= 1 }
            x = prevX
            y = prevY
        }
        return ops.reversed()
    }

    /// Keeps changed lines and `context` unchanged lines around them.
    static func trim(_ script: [LineEdit], context: Int) -> [LineEdit] {
        guard script.contains(where: { $0.op != .keep }) else { return [] }
        var keep = Array(repeating: false, count: script.count)
        var lastChange = Int.min / 2
        for (i, e) in script.enumerated() {
            if e.op != .keep { lastChange = i; keep[i] = true } else if i - lastChange <= context { keep[i] = true }
        }
        var nextChange = Int.max / 2
        for i in stride(from: script.count - 1, through: 0, by: -1) {
            if script[i].op != .keep { nextChange = i } else if nextChange - i <= context { keep[i] = true }
        }
        return script.indices.filter { keep[$0] }.map { script[$0] }
    }
}
