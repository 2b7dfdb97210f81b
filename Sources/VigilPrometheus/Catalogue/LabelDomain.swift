import VigilCore

/// The values a label can take, as a catalogue declares them.
///
/// YAML forms: a list of values (`[GET, POST]`), a bound (`{max: 40}` or just `40`), or
/// `unbounded`.
public enum LabelDomain: Sendable, Hashable, Codable {
    case values([String])
    case bounded(Int)
    case unbounded

    /// How many values the label can take; nil when unbounded.
    public var size: Int? {
        switch self {
        case .values(let v): return max(1, v.count)
        case .bounded(let n): return max(1, n)
        case .unbounded: return nil
        }
    }

    private enum Keys: String, CodingKey { case max, values, unbounded }

    public init(from decoder: any Decoder) throws {
        if var list = try? decoder.unkeyedContainer() {
            var values: [String] = []
            while !list.isAtEnd { values.append(try list.decode(String.self)) }
            self = .values(values)
            return
        }
        if let c = try? decoder.container(keyedBy: Keys.self) {
            if let max = try c.decodeIfPresent(Int.self, forKey: .max) { self = .bounded(max); return }
            if let values = try c.decodeIfPresent([String].self, forKey: .values) { self = .values(values); return }
            if try c.decodeIfPresent(Bool.self, forKey: .unbounded) == true { self = .unbounded; return }
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "a label domain mapping needs `max: N` or `values: [...]`"))
        }
        let single = try decoder.singleValueContainer()
        if let n = try? single.decode(Int.self) { self = .bounded(n); return }
        let text = try single.decode(String.self)
        guard text == "unbounded" else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "a label domain is a list of values, a maximum count (`{max: 40}`) or `unbounded`, not \"\(text)\""))
        }
        self = .unbounded
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .values(let v):
            var c = encoder.unkeyedContainer()
            for x in v { try c.encode(x) }
        case .bounded(let n):
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(n, forKey: .max)
        case .unbounded:
            var c = encoder.singleValueContainer()
            try c.encode("unbounded")
        }
    }
}
