import VigilCore

/// Puts the fields a model kept in `extra` back into the node `NodeEncoder` made of it.
///
/// `NodeEncoder` writes declared properties only; this walks the model (with `Mirror`) and the
/// encoded node side by side and, for every model value that has `extra`, rebuilds the mapping
/// in the order the original had: modelled fields as the model encodes them, unknown fields as
/// they were read, and a modelled field the model no longer sets only when it was written as
/// `null` (so `"value": null` survives, a field the user removed stays removed). Property names
/// equal JSON keys throughout the Grafana model, which is what lets the two walks line up.
enum ExtraFieldsMerger {
    static let maxDepth = 200

    static func merge(_ value: Any, into node: Node, depth: Int = 0) -> Node {
        guard depth < maxDepth else { return node }
        if value is any NodeRepresentable { return node }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            guard let inner = mirror.children.first?.value else { return node }
            return merge(inner, into: node, depth: depth + 1)
        case .collection:
            guard let items = node.sequence else { return node }
            let values = mirror.children.map(\.value)
            guard values.count == items.count else { return node }
            let merged = zip(values, items).map { merge($0, into: $1, depth: depth + 1) }
            return Node(.sequence(merged), tag: node.tag, range: node.range)
        case .enum:
            guard let inner = mirror.children.first?.value else { return node }
            return merge(inner, into: node, depth: depth + 1)
        case .struct:
            return mergeStruct(mirror, into: node, depth: depth)
        default:
            return node
        }
    }

    private static func mergeStruct(_ mirror: Mirror, into node: Node, depth: Int) -> Node {
        guard let mapping = node.mapping else { return node }
        var extra: ExtraFields?
        var properties: [String: Any] = [:]
        for child in mirror.children {
            guard let label = child.label else { continue }
            if label == "extra" {
                extra = child.value as? ExtraFields
                continue
            }
            if label == "origin" { continue }
            properties[label] = child.value
        }
        // Children first.
        var encoded: [(String, Node)] = []
        var encodedKeys: Set<String> = []
        for p in mapping.pairs {
            guard let key = p.key.scalarText else { continue }
            let v = properties[key].map { merge($0, into: p.value, depth: depth + 1) } ?? p.value
            encoded.append((key, v))
            encodedKeys.insert(key)
        }
        guard let extra, !extra.pairs.isEmpty else {
            return Node(.mapping(Mapping(encoded.map { Pair(key: .string($0.0), value: $0.1) })), tag: Tag.map, range: node.range)
        }
        // Rebuild in the original order, then add fields the original did not have.
        var byKey: [String: Node] = [:]
        for (k, v) in encoded { byKey[k] = v }
        var out: [Pair] = []
        var written: Set<String> = []
        for p in extra.pairs {
            guard let key = p.key.scalarText, !written.contains(key) else { continue }
            if let v = byKey[key] {
                out.append(Pair(key: p.key, value: v))
            } else if properties[key] == nil || isNull(p.value) {
                out.append(p)
            } else {
                continue
            }
            written.insert(key)
        }
        for (k, v) in encoded where !written.contains(k) {
            out.append(Pair(key: .string(k), value: v))
        }
        return Node(.mapping(Mapping(out)), tag: Tag.map, range: node.range)
    }

    private static func isNull(_ node: Node) -> Bool {
        guard node.scalar != nil else { return false }
        if case .null = node.resolvedScalar { return true }
        return false
    }
}

/// Turns Grafana models into nodes, unknown fields included.
public enum GrafanaEncoding {
    /// The node tree of a model (a dashboard, a panel, an import body) with every field it
    /// was read with that the model does not type.
    public static func node<T: Encodable>(_ value: T) throws -> Node {
        let plain = try NodeEncoder().encode(value)
        return ExtraFieldsMerger.merge(value, into: plain)
    }
}
