import OrderedCollections

/// Labels, annotations and resource lists read straight from their mapping. Maps of strings and
/// of quantities (nearly all of them) are built by concrete code: the generic path runs
/// `OrderedDictionary` unspecialized, with a metadata lookup per key.
extension StringMap: FieldDecodable where Value: Decodable {
    public init(fields: FieldReader) throws {
        if Value.self == String.self {
            self = unsafeBitCast(try StringMap<String>.strings(fields), to: StringMap<Value>.self)
        } else if Value.self == Quantity.self {
            self = unsafeBitCast(try StringMap<Quantity>.quantities(fields), to: StringMap<Value>.self)
        } else {
            var storage = OrderedDictionary<String, Value>()
            for pair in fields.allPairs() {
                guard let key = pair.key.scalarText else { continue }
                storage[key] = try fields.decode(key, as: Value.self)
            }
            self.init(storage)
        }
    }
}

extension StringMap where Value == String {
    static func strings(_ fields: FieldReader) throws -> StringMap<String> {
        let pairs = fields.allPairs()
        var storage = OrderedDictionary<String, String>(minimumCapacity: pairs.count)
        for pair in pairs {
            guard let key = pair.key.scalarText else { continue }
            // By key, not by pair: when a key repeats, the last value wins (the loader has
            // reported the repeat).
            storage[key] = try fields.decode(key, as: String.self)
        }
        return StringMap(storage)
    }
}

extension StringMap where Value == Quantity {
    static func quantities(_ fields: FieldReader) throws -> StringMap<Quantity> {
        let pairs = fields.allPairs()
        var storage = OrderedDictionary<String, Quantity>(minimumCapacity: pairs.count)
        for pair in pairs {
            guard let key = pair.key.scalarText else { continue }
            storage[key] = try fields.decodeQuantity(key)
        }
        return StringMap(storage)
    }
}

extension FieldReader {
    /// A required quantity, read as `Quantity.init(from:)` reads it.
    func decodeQuantity(_ key: String) throws -> Quantity {
        let v = try requiredValue(key)
        return try tracker.guarded { try session.decodeQuantity(v, path: path.appending(name: key)) }
    }
}

extension DecodingSession {
    func decodeQuantity(_ node: Node, path: @autoclosure () -> FieldPath) throws -> Quantity {
        guard node.scalar != nil else {
            throw NodeDecodingError(rule: SchemaRule.invalidValue, message: Quantity.notAScalarMessage, node: node, path: path(), hint: nil)
        }
        let text = try decodeString(node, path: path())
        do {
            return try Quantity(text)
        } catch let error as QuantityError {
            throw NodeDecodingError(rule: SchemaRule.invalidValue, message: error.description, node: node, path: path(), hint: nil)
        }
    }
}
