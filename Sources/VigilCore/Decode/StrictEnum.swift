/// An enumeration decoded strictly from a string: an unknown value is reported with the
/// allowed values and a "did you mean".
///
/// Conform a `String`-backed `CaseIterable` enum to get it for free.
public protocol StrictEnum {
    static var allowedValues: [String] { get }
    init?(strictRawValue: String)
}

extension StrictEnum where Self: CaseIterable & RawRepresentable, RawValue == String {
    public static var allowedValues: [String] { allCases.map(\.rawValue) }
    public init?(strictRawValue: String) { self.init(rawValue: strictRawValue) }
}

/// Fields of a mapping that a model does not know, kept so that a round trip loses nothing.
///
/// Declare `public var extra: ExtraFields?` in a partly modelled type: Vigil's decoder fills it
/// with the whole mapping and reports no unknown fields for that mapping; Vigil's encoder writes
/// back the pairs whose keys the model did not encode itself.
public struct ExtraFields: Sendable, Hashable, Codable {
    /// Every pair of the mapping as read.
    public let pairs: [Pair]
    /// The keys the model itself decoded (filled in when decoding finishes).
    let known: KnownKeys?

    public init(pairs: [Pair]) {
        self.pairs = pairs
        self.known = nil
    }

    init(pairs: [Pair], known: KnownKeys) {
        self.pairs = pairs
        self.known = known
    }

    public init(from decoder: any Decoder) throws {
        pairs = []
        known = nil
    }

    public func encode(to encoder: any Encoder) throws {}

    /// The pairs the model does not know: what the encoder writes back. A field the model
    /// knows is never resurrected from here, even when the model cleared it.
    public var unknownPairs: [Pair] {
        guard let known else { return pairs }
        let keys = known.keys
        return pairs.filter { p in p.key.scalarText.map { !keys.contains($0) } ?? true }
    }

    /// Two extra-field sets are equal when they hold the same unknown keys (values are compared
    /// by the semantic diff, not by model equality).
    public static func == (a: ExtraFields, b: ExtraFields) -> Bool {
        a.unknownPairs.map { $0.key.scalarText } == b.unknownPairs.map { $0.key.scalarText }
    }

    public func hash(into hasher: inout Hasher) {
        for p in unknownPairs { hasher.combine(p.key.scalarText) }
    }
}

/// The keys a model decoded from one mapping, set once when decoding ends.
final class KnownKeys: @unchecked Sendable {
    // Written only by the decoding session that created it, before the value is returned.
    var keys: Set<String> = []
}
