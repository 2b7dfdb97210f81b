import VigilCore

/// A scalar that real dashboards write in more than one shape (`noValue: 0` or `"-"`,
/// `refresh: "30s"` or `false`, `decimals: "auto"`), kept exactly as written.
///
/// It decodes from any scalar without error and encodes back as the node it was read as.
public struct FlexScalar: Sendable, Codable, NodeRepresentable, CustomStringConvertible {
    /// The node as read (or built).
    public let node: Node

    public init(node: Node) { self.node = node }

    /// A string value.
    public static func string(_ s: String) -> FlexScalar { FlexScalar(node: .string(s)) }
    /// A number value.
    public static func number(_ d: Double) -> FlexScalar {
        if d.rounded() == d, abs(d) < 1e15 { return FlexScalar(node: .int(Int64(d))) }
        return FlexScalar(node: .plain(NumberText.float(d), tag: Tag.float))
    }
    /// A boolean value.
    public static func bool(_ b: Bool) -> FlexScalar { FlexScalar(node: .bool(b)) }

    public init(from decoder: any Decoder) throws {
        if let backed = decoder as? any NodeBackedDecoder {
            node = backed.currentNode
        } else {
            node = .null
        }
    }

    public func encode(to encoder: any Encoder) throws {}
    public func makeNode() -> Node { node }

    /// The text as written (nil for a collection or null).
    public var text: String? {
        if case .null = node.resolvedScalar { return nil }
        return node.scalarText
    }

    /// The value as a number when it is one (also a numeric string such as `"80"`).
    public var number: Double? {
        switch node.resolvedScalar {
        case .int(let i): return Double(i)
        case .float(let d): return d
        case .string: return node.scalarText.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        default: return nil
        }
    }

    /// The value as a boolean when it is one.
    public var bool: Bool? {
        if case .bool(let b) = node.resolvedScalar { return b }
        return nil
    }

    public var isNull: Bool {
        if case .null = node.resolvedScalar { return true }
        return false
    }

    public var description: String { text ?? "null" }
}

/// A value written either as one string or as a list of strings (a variable's `current.value`
/// with multi-value selection), kept as written.
public struct StringOrList: Sendable, Codable, NodeRepresentable {
    public let node: Node

    public init(node: Node) { self.node = node }
    public init(_ value: String) { node = .string(value) }
    public init(_ values: [String]) { node = .sequence(values.map { .string($0) }) }

    public init(from decoder: any Decoder) throws {
        if let backed = decoder as? any NodeBackedDecoder {
            node = backed.currentNode
        } else {
            node = .null
        }
    }

    public func encode(to encoder: any Encoder) throws {}
    public func makeNode() -> Node { node }

    /// The values: one for a string, each scalar of a list, none for null.
    public var values: [String] {
        if let items = node.sequence { return items.compactMap(\.scalarText) }
        if case .null = node.resolvedScalar { return [] }
        return node.scalarText.map { [$0] } ?? []
    }
}

import Foundation
