import VigilCore

extension Provenance {
    /// The range of item `index` of the list under `key`.
    func range(ofItem key: String, _ index: Int) -> SourceRange? {
        node?[key]?.sequence.flatMap { index < $0.count ? $0[index].range : nil }
    }

    /// The range of the key `sub` inside the mapping under `key`.
    func range(ofKey sub: String, in key: String) -> SourceRange? {
        node?[key]?.mapping?.pair(for: sub)?.key.range
    }

    /// Whether the mapping sets `key` (even to an empty value).
    func has(_ key: String) -> Bool { node?.mapping?.pair(for: key) != nil }
}

extension Optional where Wrapped == String {
    /// Go's notion of "set" for string fields: non-empty.
    var isSet: Bool { !(self ?? "").isEmpty }
}

extension Optional where Wrapped == Secret {
    var isSet: Bool { !(self?.isEmpty ?? true) }
}

/// A minimal valid config used by rule examples.
enum Example {
    static let minimal = "route:\n  receiver: team\nreceivers:\n  - name: team\n"
}
