import VigilCore

/// A structural hash of a node tree that agrees with the comparison's notion of equality for
/// data: key order is ignored, scalars hash by what they resolve to (`'x'` and `x` alike,
/// `"8080"` and `8080` not). Equal trees hash equal; unequal trees almost never do, and every
/// hash match is confirmed by comparing the trees.
enum Fingerprint {
    static func of(_ node: Node, depth: Int = 0) -> Int {
        var h = Hasher()
        guard depth < 200 else {
            h.combine(node.expandedSize)
            return h.finalize()
        }
        switch node.content {
        case .scalar(let s):
            switch node.resolvedScalar {
            case .string: h.combine(0); h.combine(s.text)
            case .null: h.combine(1)
            case .bool(let b): h.combine(2); h.combine(b)
            case .int(let i): h.combine(3); h.combine(i)
            case .float(let d): h.combine(4); h.combine(d.isNaN ? Double.nan.bitPattern : d.bitPattern)
            }
        case .sequence(let items):
            h.combine(5)
            h.combine(items.count)
            for item in items { h.combine(of(item, depth: depth + 1)) }
        case .mapping(let m):
            h.combine(6)
            h.combine(m.count)
            var sum = 0
            for p in m.pairs {
                var ph = Hasher()
                ph.combine(p.key.scalarText ?? "")
                ph.combine(of(p.value, depth: depth + 1))
                sum = sum &+ ph.finalize()
            }
            h.combine(sum)
        }
        return h.finalize()
    }

    /// Whether two trees are the same data, key order ignored (the confirmation of a hash match).
    static func equal(_ a: Node, _ b: Node) -> Bool {
        NodeEquivalence.equal(a, b, keyOrderMatters: false)
    }
}
