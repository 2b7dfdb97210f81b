/// A short unified diff of the first differing lines of two texts, for `render --check`.
enum UnifiedDiff {
    private struct Line: Equatable {
        var text: Substring
        var terminated: Bool
    }

    private enum Op { case same(Int, Int), delete(Int), insert(Int) }

    /// Lines of the middle (after common prefix/suffix) diffed exactly; beyond this window the
    /// diff stops (it only ever shows the first differences).
    private static let window = 400

    static func diff(old: [UInt8], new: [UInt8], path: String, context: Int, maxLines: Int) -> String {
        guard let oldText = String(validating: old, as: UTF8.self), let newText = String(validating: new, as: UTF8.self) else {
            return "Binary file \(path) differs (\(old.count) bytes on disk, \(new.count) bytes rendered)\n"
        }
        let a = lines(oldText), b = lines(newText)
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let aMid = Array(a[prefix..<min(a.count - suffix, prefix + window)])
        let bMid = Array(b[prefix..<min(b.count - suffix, prefix + window)])
        var ops: [Op] = (0..<prefix).map { .same($0, $0) }
        ops += lcsOps(aMid, bMid, offsetA: prefix, offsetB: prefix)
        let cut = a.count - suffix - prefix > window || b.count - suffix - prefix > window
        if !cut { ops += (0..<suffix).map { .same(a.count - suffix + $0, b.count - suffix + $0) } }

        guard let first = ops.firstIndex(where: { if case .same = $0 { return false } else { return true } }) else { return "" }
        var out = "--- a/\(path)\n+++ b/\(path)\n"
        var body: [String] = []
        var start = max(0, first - context)
        var end = first
        // Extend the hunk while changes are within 2×context of each other.
        var lastChange = first
        var index = first
        while index < ops.count {
            if case .same = ops[index] {
                if index - lastChange > 2 * context { break }
            } else {
                lastChange = index
            }
            index += 1
        }
        end = min(ops.count, lastChange + 1 + context)
        var oldStart = 0, newStart = 0, oldCount = 0, newCount = 0
        var truncated = false
        switch ops[start] {
        case .same(let i, let j): oldStart = i; newStart = j
        case .delete(let i): oldStart = i; newStart = newIndex(before: start, in: ops)
        case .insert(let j): newStart = j; oldStart = oldIndex(before: start, in: ops)
        }
        while start < end {
            if body.count >= maxLines { truncated = true; break }
            switch ops[start] {
            case .same(let i, _): body.append(render(" ", a[i])); oldCount += 1; newCount += 1
            case .delete(let i): body.append(render("-", a[i])); oldCount += 1
            case .insert(let j): body.append(render("+", b[j])); newCount += 1
            }
            start += 1
        }
        out += "@@ -\(oldStart + 1),\(oldCount) +\(newStart + 1),\(newCount) @@\n"
        out += body.joined()
        if truncated || end < ops.count && ops[end...].contains(where: { if case .same = $0 { return false } else { return true } }) || cut {
            out += "… (more differences not shown)\n"
        }
        return out
    }

    private static func oldIndex(before position: Int, in ops: [Op]) -> Int {
        var count = 0
        for op in ops[..<position] { if case .insert = op { continue }; count += 1 }
        return count
    }

    private static func newIndex(before position: Int, in ops: [Op]) -> Int {
        var count = 0
        for op in ops[..<position] { if case .delete = op { continue }; count += 1 }
        return count
    }

    private static func render(_ marker: String, _ line: Line) -> String {
        let text = marker + Redaction.mask(line: line.text) + "\n"
        return line.terminated ? text : text + "\\ No newline at end of file\n"
    }

    private static func lines(_ text: String) -> [Line] {
        var parts = text.split(separator: "\n", omittingEmptySubsequences: false)
        var result: [Line] = []
        let terminatedAtEnd = parts.last == ""
        if terminatedAtEnd { parts.removeLast() }
        for (index, part) in parts.enumerated() {
            result.append(Line(text: part, terminated: index < parts.count - 1 || terminatedAtEnd))
        }
        return result
    }

    /// An exact longest-common-subsequence edit script (deletions before insertions).
    private static func lcsOps(_ a: [Line], _ b: [Line], offsetA: Int, offsetB: Int) -> [Op] {
        let n = a.count, m = b.count
        var table = [Int32](repeating: 0, count: (n + 1) * (m + 1))
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[i * (m + 1) + j] = a[i] == b[j]
                    ? table[(i + 1) * (m + 1) + j + 1] + 1
                    : max(table[(i + 1) * (m + 1) + j], table[i * (m + 1) + j + 1])
            }
        }
        var ops: [Op] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, a[i] == b[j] {
                ops.append(.same(offsetA + i, offsetB + j)); i += 1; j += 1
            } else if i < n, j == m || table[(i + 1) * (m + 1) + j] >= table[i * (m + 1) + j + 1] {
                ops.append(.delete(offsetA + i)); i += 1
            } else {
                ops.append(.insert(offsetB + j)); j += 1
            }
        }
        return ops
    }
}

/// Keeps secrets out of diffs: values of secret-looking keys are masked, and whole files that
/// look like Kubernetes Secrets (or are named so) get no diff at all.
enum Redaction {
    private static let secretKeys = ["password", "passwd", "secret", "token", "api_key", "apikey", "auth", "credential", "private_key", "routing_key", "service_key", "api_url", "webhook_url"]

    /// Whether a file's diff must be withheld entirely.
    static func withholds(path: String, contents: [[UInt8]]) -> Bool {
        if path.lowercased().contains("secret") { return true }
        return contents.contains { bytes in
            String(decoding: bytes, as: UTF8.self).split(separator: "\n").contains {
                $0.trimmingPrefix(while: { $0 == " " }) == "kind: Secret" || $0.contains("\"kind\": \"Secret\"") || $0.contains("\"kind\":\"Secret\"")
            }
        }
    }

    /// `  password: hunter2` → `  password: <redacted>`; URLs with credentials or hooks too.
    static func mask(line: Substring) -> String {
        var rest = line.drop(while: { $0 == " " || $0 == "\t" || $0 == "-" })
        if rest.first == "\"" { rest = rest.dropFirst() }
        let key = rest.prefix(while: { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." })
        let afterKey = rest.dropFirst(key.count).drop(while: { $0 == "\"" })
        guard !key.isEmpty, let separator = afterKey.first, separator == ":" || separator == "=" else { return String(line) }
        let value = afterKey.dropFirst().trimmingPrefix(while: { $0 == " " })
        guard !value.isEmpty, value != "|", value != ">", value != "{", value != "[" else { return String(line) }
        let lowered = key.lowercased()
        if lowered.hasSuffix("_file") { return String(line) }
        let secretKey = secretKeys.contains { lowered.contains($0) }
        let secretURL = lowered.hasSuffix("url") && (value.contains("hook") || value.contains("@") || value.contains("token=") || value.contains("key="))
        guard secretKey || secretURL else { return String(line) }
        let keep = line.count - value.count
        return String(line.prefix(keep)) + "<redacted>"
    }
}

extension Substring {
    fileprivate func trimmingPrefix(while predicate: (Character) -> Bool) -> Substring {
        drop(while: predicate)
    }
}
