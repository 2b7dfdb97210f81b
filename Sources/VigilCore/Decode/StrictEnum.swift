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
    public let pairs: [Pair]

    public init(pairs: [Pair]) { self.pairs = pairs }

    public init(from decoder: any Decoder) throws { pairs = [] }
    public func encode(to encoder: any Encoder) throws {}

    /// Two extra-field sets are equal when they hold the same keys (values are compared by the
    /// semantic diff, not by model equality).
    public static func == (a: ExtraFields, b: ExtraFields) -> Bool {
        a.pairs.map { $0.key.scalarText } == b.pairs.map { $0.key.scalarText }
    }

    public func hash(into hasher: inout Hasher) {
        for p in pairs { hasher.combine(p.key.scalarText) }
    }
}
