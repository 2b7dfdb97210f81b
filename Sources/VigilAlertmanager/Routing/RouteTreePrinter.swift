/// Prints routing trees the way `amtool config routes` does (a `treeprint` tree whose root
/// is `.`), so output can be compared and scripts written for amtool keep working.
public enum RouteTreePrinter {
    /// `default-route` or the matchers, then `continue: true` and the receiver as asked.
    public static func slug(_ n: RoutingNode, showContinue: Bool, showReceiver: Bool) -> String {
        var s = n.matchers.isEmpty ? "default-route" : LabelMatcher.render(n.matchers)
        if n.continue && showContinue { s += "  continue: true" }
        if showReceiver { s += "  receiver: " + n.receiver }
        return s
    }

    /// The whole tree (`vigil routes show`).
    public static func show(_ root: RoutingNode) -> String {
        var lines = ["."]
        render(root, prefix: "", last: true, into: &lines) { n in (slug(n, showContinue: true, showReceiver: true), n.children) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The branches an alert takes (`vigil routes test --tree`): matching children up to the
    /// first without `continue`; final nodes show their receiver.
    public static func matching(_ root: RoutingNode, labels: [String: String]) -> String {
        var lines = ["."]
        render(root, prefix: "", last: true, into: &lines) { n in
            var kids: [RoutingNode] = []
            for c in n.children where c.accepts(labels) {
                kids.append(c)
                if !c.continue { break }
            }
            return (slug(n, showContinue: false, showReceiver: kids.isEmpty), kids)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func render(_ n: RoutingNode, prefix: String, last: Bool, into lines: inout [String],
                               _ describe: (RoutingNode) -> (String, [RoutingNode])) {
        let (text, kids) = describe(n)
        lines.append(prefix + (last ? "└── " : "├── ") + text)
        // treeprint's continuation bar is followed by two no-break spaces and a space.
        let childPrefix = prefix + (last ? "    " : "│\u{A0}\u{A0} ")
        for (i, k) in kids.enumerated() {
            render(k, prefix: childPrefix, last: i == kids.count - 1, into: &lines, describe)
        }
    }
}
