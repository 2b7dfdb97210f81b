import VigilCore

/// How values are shown: scalars as YAML would write them (a string that reads as a number is
/// quoted, so `"8080"` → `8080` is visible), collections as block YAML.
public enum ValueText {
    /// The lines of a value.
    public static func lines(_ node: Node) -> [String] {
        if let s = node.scalar {
            return scalarLines(node, s)
        }
        guard let text = try? YAMLEmitter().emit(node) else { return ["<value too large to show>"] }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// A value on one line, shortened to `limit` characters (for annotations and summaries).
    public static func oneLine(_ node: Node, limit: Int = 120) -> String {
        let l = lines(node)
        var text = l.count == 1 ? l[0] : (node.scalar != nil ? l.joined(separator: " ⏎ ") : "{…}")
        if node.sequence != nil { text = "[… \(node.sequence?.count ?? 0) items]" }
        if node.mapping != nil { text = "{… \(node.mapping?.count ?? 0) keys}" }
        if text.count > limit { text = String(text.prefix(limit - 1)) + "…" }
        return text
    }

    private static func scalarLines(_ node: Node, _ s: Scalar) -> [String] {
        guard node.resolvedScalar == .string else { return [s.text] }
        if s.text == SecretPolicy.placeholder { return [s.text] }
        if s.text.contains("\n") {
            var lines = s.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if lines.last == "" { lines.removeLast() }
            return lines
        }
        switch YAMLQuoting.style(for: s.text, allowBlock: false) {
        case .plain: return [s.text]
        case .singleQuoted: return [YAMLQuoting.singleQuoted(s.text)]
        case .doubleQuoted, .literal: return [YAMLQuoting.doubleQuoted(s.text)]
        }
    }
}
