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

    /// Whether the mapping gives `key` a value (not null, not an empty string): a value that
    /// failed to decode still counts, so "missing" is not reported on top of "invalid".
    func sets(_ key: String) -> Bool {
        guard let v = node?.mapping?[key] else { return false }
        if v.mapping != nil || v.sequence != nil { return true }
        return v.resolvedScalar != .null && !(v.scalarText ?? "").isEmpty
    }
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
