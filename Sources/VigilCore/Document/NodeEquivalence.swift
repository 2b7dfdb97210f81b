/// Semantic equality of node trees: what a YAML 1.2 reader would see, ignoring positions,
/// styles and formatting (a quoted `"8080"` is a string and differs from a plain `8080`).
public enum NodeEquivalence {
    /// Whether two trees denote the same data, keys compared in order. Depth-limited.
    public static func equal(_ a: Node, _ b: Node, keyOrderMatters: Bool = true, depth: Int = 0) -> Bool {
        guard depth < 1_000 else { return false }
        switch (a.content, b.content) {
        case (.scalar(let x), .scalar(let y)):
            let ra = a.resolvedScalar, rb = b.resolvedScalar
            switch (ra, rb) {
            case (.string, .string): return x.text == y.text
            case (.float(let p), .float(let q)): return p == q || (p.isNaN && q.isNaN)
            default: return ra == rb
            }
        case (.sequence(let x), .sequence(let y)):
            guard x.count == y.count else { return false }
            for (p, q) in zip(x, y) where !equal(p, q, keyOrderMatters: keyOrderMatters, depth: depth + 1) { return false }
            return true
        case (.mapping(let x), .mapping(let y)):
            guard x.count == y.count else { return false }
            if keyOrderMatters {
                for (p, q) in zip(x.pairs, y.pairs) {
                    guard equal(p.key, q.key, depth: depth + 1), equal(p.value, q.value, keyOrderMatters: keyOrderMatters, depth: depth + 1) else { return false }
                }
                return true
            }
            for p in x.pairs {
                guard let k = p.key.scalarText, let other = y[k], equal(p.value, other, keyOrderMatters: false, depth: depth + 1) else { return false }
            }
            return true
        default:
            return false
        }
    }
}
