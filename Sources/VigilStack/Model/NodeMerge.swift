import VigilCore

/// Overlay semantics for presets and environments, on document nodes.
///
/// - mappings merge key by key (base order, then new keys);
/// - lists of mappings that all have a `name` (or all a `title`) merge item by item by it
///   (new items appended); an overlay item with `$remove: true` removes the item;
/// - any other value replaces the base; `null` (`~`) removes the key.
public enum NodeMerge {
    public static func merge(_ base: Node, _ overlay: Node, depth: Int = 0) -> Node {
        guard depth < 200 else { return overlay }
        switch (base.content, overlay.content) {
        case (.mapping(let b), .mapping(let o)):
            var pairs = b.pairs
            var index: [String: Int] = [:]
            for (i, p) in pairs.enumerated() { if let k = p.key.scalarText { index[k] = i } }
            var removed = Set<String>()
            for p in o.pairs {
                guard let k = p.key.scalarText else { pairs.append(p); continue }
                if isNull(p.value) {
                    removed.insert(k)
                    continue
                }
                if let i = index[k] {
                    pairs[i] = Pair(key: pairs[i].key, value: merge(pairs[i].value, p.value, depth: depth + 1))
                    removed.remove(k)
                } else {
                    index[k] = pairs.count
                    pairs.append(p)
                }
            }
            pairs.removeAll { $0.key.scalarText.map(removed.contains) ?? false }
            return Node(.mapping(Mapping(pairs)), tag: base.tag, range: position(base, overlay))
        case (.sequence(let b), .sequence(let o)):
            guard let bn = names(b), let on = names(o) else { return overlay }
            var items = b
            var index: [String: Int] = [:]
            for (i, n) in bn.enumerated() { index[n] = i }
            var removed = Set<String>()
            for (item, n) in zip(o, on) {
                if item["$remove"]?.resolvedScalar == .bool(true) {
                    removed.insert(n)
                    continue
                }
                if let i = index[n] {
                    items[i] = merge(items[i], item, depth: depth + 1)
                } else {
                    index[n] = items.count
                    items.append(item)
                }
            }
            if !removed.isEmpty { items.removeAll { ($0["name"] ?? $0["title"])?.scalarText.map(removed.contains) ?? false } }
            return Node(.sequence(items), tag: base.tag, range: position(base, overlay))
        default:
            return overlay
        }
    }

    /// Where a merged collection is reported: the overlay's position, or the base's when the
    /// overlay was built in memory (an environment's shorthands), so no finding is left at 0:0.
    private static func position(_ base: Node, _ overlay: Node) -> SourceRange {
        overlay.range.start.line > 0 ? overlay.range : base.range
    }

    /// The identity of every item (its `name`, else its `title`), when every item has one.
    private static func names(_ items: [Node]) -> [String]? {
        for key in ["name", "title"] {
            var out: [String] = []
            for i in items {
                guard let n = i[key]?.scalarText else { break }
                out.append(n)
            }
            if out.count == items.count { return out }
        }
        return nil
    }

    static func isNull(_ n: Node) -> Bool {
        guard let s = n.scalar, s.style == .plain, n.tag == nil else { return n.tag == Tag.null }
        return s.text == "~" || s.text == "null" || s.text == "Null" || s.text == "NULL"
    }

    /// Replaces `${name}` placeholders in every scalar (preset parameters such as `${service}`).
    public static func substitute(_ node: Node, _ values: [String: String], depth: Int = 0) -> Node {
        guard depth < 200 else { return node }
        switch node.content {
        case .scalar(let s):
            guard s.text.contains("${") else { return node }
            var text = s.text
            for (k, v) in values { text = text.replacingAll("${\(k)}", with: v) }
            return Node(.scalar(Scalar(text, style: s.style)), tag: node.tag, range: node.range)
        case .sequence(let items):
            return Node(.sequence(items.map { substitute($0, values, depth: depth + 1) }), tag: node.tag, range: node.range)
        case .mapping(let m):
            return Node(.mapping(Mapping(m.pairs.map { Pair(key: substitute($0.key, values, depth: depth + 1), value: substitute($0.value, values, depth: depth + 1)) })), tag: node.tag, range: node.range)
        }
    }
}

extension String {
    /// Every occurrence of `target` replaced (no Foundation needed).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = Substring(self)
        while let r = rest.firstRange(of: target) {
            out += rest[rest.startIndex..<r.lowerBound]
            out += replacement
            rest = rest[r.upperBound...]
        }
        out += rest
        return out
    }
}
