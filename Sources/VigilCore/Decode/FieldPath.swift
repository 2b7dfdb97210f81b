/// Where a value sits in the document being decoded, as a chain of links to the parent.
///
/// Extending a path costs one small object instead of copying the whole path, and scalar fields
/// never extend it at all unless they fail: the decoder passes paths as autoclosures.
struct FieldPath: Sendable {
    /// The last component, linked to the ones before it; nil for the document root.
    let last: PathLink?

    static let root = FieldPath(last: nil)

    init(last: PathLink?) { self.last = last }

    /// A path of plain field names (the prefix a caller asks `StrictDecoder` for).
    init(_ names: [String]) {
        var link: PathLink?
        for name in names { link = PathLink(parent: link, name: name, index: nil) }
        last = link
    }

    func appending(_ key: some CodingKey) -> FieldPath {
        FieldPath(last: PathLink(parent: last, name: key.stringValue, index: key.intValue))
    }

    func appending(name: String) -> FieldPath {
        FieldPath(last: PathLink(parent: last, name: name, index: nil))
    }

    func appending(index: Int) -> FieldPath {
        FieldPath(last: PathLink(parent: last, name: String(index), index: index))
    }

    /// The components from the root.
    var links: [PathLink] {
        var out: [PathLink] = []
        var link = last
        while let l = link {
            out.append(l)
            link = l.parent
        }
        return out.reversed()
    }

    /// The path as `Decoder.codingPath` reports it.
    var codingKeys: [any CodingKey] {
        links.map { l in l.index.map { PathKey(intValue: $0) } ?? PathKey(stringValue: l.name) }
    }

    /// The path as messages show it: `spec.containers[0].name`.
    var rendered: String {
        var out = ""
        for l in links {
            if let i = l.index {
                out += "[\(i)]"
            } else {
                if !out.isEmpty { out += "." }
                out += l.name
            }
        }
        return out
    }
}

/// One component of a `FieldPath`.
final class PathLink: Sendable {
    let parent: PathLink?
    let name: String
    /// Set for list positions (and integer coding keys), which render as `[i]`.
    let index: Int?

    init(parent: PathLink?, name: String, index: Int?) {
        self.parent = parent
        self.name = name
        self.index = index
    }
}

struct PathKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue; self.intValue = nil }
    init(intValue: Int) { self.stringValue = String(intValue); self.intValue = intValue }
}
