import OrderedCollections

/// A string-keyed map that keeps its keys in insertion (document) order, for free-form maps
/// such as labels and annotations.
///
/// Decodes from and encodes to a mapping, keeping the order of the keys (with a decoder that
/// reports `allKeys` in document order, as Vigil's does). Equality and hashing, like
/// `OrderedDictionary`'s, include the order; use `sorted()` to compare or print
/// order-independently.
public struct StringMap<Value> {
    /// The underlying ordered storage.
    public var storage: OrderedDictionary<String, Value>

    /// An empty map.
    public init() { storage = [:] }

    /// A map with `storage`'s keys and order.
    public init(_ storage: OrderedDictionary<String, Value>) { self.storage = storage }

    /// A map of `pairs`; when a key repeats, the last value wins at the first position.
    public init<S: Sequence>(_ pairs: S) where S.Element == (String, Value) {
        storage = [:]
        for (k, v) in pairs { storage[k] = v }
    }

    /// The value for `key`; assigning nil removes the key, assigning a new key appends it.
    public subscript(key: String) -> Value? {
        get { storage[key] }
        set { storage[key] = newValue }
    }

    /// The keys in order.
    public var keys: [String] { Array(storage.keys) }
    /// The values in key order.
    public var values: [Value] { Array(storage.values) }
    /// The number of keys.
    public var count: Int { storage.count }
    /// Whether the map has no keys.
    public var isEmpty: Bool { storage.isEmpty }

    /// A copy with the keys sorted (by Unicode scalar order, as `String` compares).
    public func sorted() -> StringMap {
        var copy = self
        copy.storage.sort { $0.key < $1.key }
        return copy
    }

    /// A copy with `other`'s entries added or replacing existing ones.
    public func merging(_ other: StringMap) -> StringMap {
        var copy = self
        for (k, v) in other.storage { copy.storage[k] = v }
        return copy
    }
}

extension StringMap: Sequence {
    public typealias Element = (key: String, value: Value)

    /// Iterates the pairs in key order (a concrete iterator: a loop over labels is specialized
    /// at its call site instead of calling through a boxed closure per pair).
    public struct Iterator: IteratorProtocol {
        @usableFromInline var base: OrderedDictionary<String, Value>.Iterator

        @inlinable init(_ base: OrderedDictionary<String, Value>.Iterator) { self.base = base }

        @inlinable public mutating func next() -> Element? {
            base.next().map { (key: $0.key, value: $0.value) }
        }
    }

    @inlinable public func makeIterator() -> Iterator { Iterator(storage.makeIterator()) }
}

extension StringMap: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, Value)...) {
        self.init(elements)
    }
}

extension StringMap: Sendable where Value: Sendable {}
extension StringMap: Equatable where Value: Equatable {}
extension StringMap: Hashable where Value: Hashable {}

extension StringMap: CustomStringConvertible {
    public var description: String {
        "[" + storage.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "]"
    }
}

extension StringMap: Decodable where Value: Decodable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        storage = [:]
        for key in container.allKeys {
            storage[key.stringValue] = try container.decode(Value.self, forKey: key)
        }
    }
}

extension StringMap: Encodable where Value: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        for (key, value) in storage {
            try container.encode(value, forKey: AnyCodingKey(key))
        }
    }
}
