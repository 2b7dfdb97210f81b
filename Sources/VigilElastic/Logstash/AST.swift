import VigilCore

/// Where a node of a Logstash pipeline was written. Two spans always compare equal, so pipelines
/// compare by content alone (a parsed pipeline equals the one its printed form parses to).
public struct Span: Sendable, Hashable {
    public var range: SourceRange?

    public init(_ range: SourceRange? = nil) { self.range = range }

    public static func == (a: Span, b: Span) -> Bool { true }
    public func hash(into hasher: inout Hasher) {}
}

/// A Logstash pipeline configuration (`logstash.conf`): `input`, `filter` and `output` sections.
///
/// The model follows Logstash's configuration language (LSCL): sections hold plugins and
/// conditionals, plugins hold attributes, attributes hold values. Comments before an item are
/// kept with it; `LogstashPrinter` writes the canonical form and `LogstashParser` reads it back
/// to an equal pipeline.
public struct LogstashPipeline: Sendable, Hashable {
    public var sections: [PipelineSection]
    /// Comments after the last section.
    public var trailingComments: [String]

    public init(sections: [PipelineSection], trailingComments: [String] = []) {
        self.sections = sections
        self.trailingComments = trailingComments
    }

    /// All sections of one kind, in order (a file may repeat `filter { }`).
    public func sections(_ kind: PipelineSection.Kind) -> [PipelineSection] { sections.filter { $0.kind == kind } }

    /// Every plugin of the pipeline with its section kind, depth-first in file order (also
    /// plugins inside conditionals; not codecs nested as attribute values).
    public var plugins: [(kind: PipelineSection.Kind, plugin: Plugin)] {
        var out: [(PipelineSection.Kind, Plugin)] = []
        for s in sections {
            for p in PipelineItem.plugins(in: s.items) { out.append((s.kind, p)) }
        }
        return out
    }

    /// Every condition of the pipeline (`if` and `else if`), in file order.
    public var conditions: [(kind: PipelineSection.Kind, condition: Condition)] {
        var out: [(PipelineSection.Kind, Condition)] = []
        func walk(_ items: [PipelineItem], _ k: PipelineSection.Kind) {
            for item in items {
                guard case .branch(let b) = item else { continue }
                for c in b.clauses {
                    if let cond = c.condition { out.append((k, cond)) }
                    walk(c.body, k)
                }
            }
        }
        for s in sections { walk(s.items, s.kind) }
        return out
    }
}

/// One `input { }`, `filter { }` or `output { }` block.
public struct PipelineSection: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case input, filter, output
    }

    public var kind: Kind
    public var items: [PipelineItem]
    public var comments: [String]
    public var trailingComments: [String]
    public var span: Span

    public init(kind: Kind, items: [PipelineItem], comments: [String] = [], trailingComments: [String] = [], span: Span = Span()) {
        self.kind = kind
        self.items = items
        self.comments = comments
        self.trailingComments = trailingComments
        self.span = span
    }
}

/// What a section or a conditional's body holds: plugins and nested conditionals.
public indirect enum PipelineItem: Sendable, Hashable {
    case plugin(Plugin)
    case branch(Branch)

    /// Plugins in `items`, depth-first, including those inside conditionals.
    public static func plugins(in items: [PipelineItem]) -> [Plugin] {
        var out: [Plugin] = []
        for item in items {
            switch item {
            case .plugin(let p): out.append(p)
            case .branch(let b): for c in b.clauses { out.append(contentsOf: plugins(in: c.body)) }
            }
        }
        return out
    }
}

/// A plugin invocation: `grok { match => { "message" => "%{COMBINEDAPACHELOG}" } }`.
public struct Plugin: Sendable, Hashable {
    public var name: String
    public var attributes: [Attribute]
    public var comments: [String]
    public var trailingComments: [String]
    /// The whole plugin, from its name to the closing brace.
    public var span: Span
    /// The plugin name.
    public var nameSpan: Span

    public init(name: String, attributes: [Attribute] = [], comments: [String] = [], trailingComments: [String] = [],
                span: Span = Span(), nameSpan: Span = Span()) {
        self.name = name
        self.attributes = attributes
        self.comments = comments
        self.trailingComments = trailingComments
        self.span = span
        self.nameSpan = nameSpan
    }

    /// The first attribute named `name`.
    public func attribute(_ name: String) -> Attribute? { attributes.first { $0.name == name } }
    /// The value of the first attribute named `name`.
    public subscript(_ name: String) -> Value? { attribute(name)?.value }
}

/// `name => value` inside a plugin.
public struct Attribute: Sendable, Hashable {
    public var name: String
    public var value: Value
    public var comments: [String]
    public var span: Span
    public var nameSpan: Span

    public init(name: String, value: Value, comments: [String] = [], span: Span = Span(), nameSpan: Span = Span()) {
        self.name = name
        self.value = value
        self.comments = comments
        self.span = span
        self.nameSpan = nameSpan
    }
}

/// How a string literal was quoted.
public enum Quote: Sendable, Hashable {
    case double, single
    var character: Character { self == .double ? "\"" : "'" }
}

/// An attribute value: string, number, bareword, array, hash or a nested plugin (a codec).
public struct Value: Sendable, Hashable {
    public indirect enum Kind: Sendable, Hashable {
        /// The text between the quotes as written (`\"` stays escaped).
        case string(String, Quote)
        /// A number as written (`5044`, `-1.5`).
        case number(String)
        /// An unquoted word (`true`, `json`, `ISO8601`).
        case bareword(String)
        case array([Value])
        case hash([HashEntry])
        case plugin(Plugin)
    }

    public var kind: Kind
    public var span: Span

    public init(_ kind: Kind, span: Span = Span()) {
        self.kind = kind
        self.span = span
    }

    /// A double-quoted string value.
    public static func string(_ s: String) -> Value { Value(.string(s, .double)) }

    /// The text of a string, number or bareword (strings with `\"` unescaped).
    public var text: String? {
        switch kind {
        case .string(let s, let q): return s.replacingOccurrences(of: "\\" + String(q.character), with: String(q.character))
        case .number(let n): return n
        case .bareword(let w): return w
        default: return nil
        }
    }

    /// The elements of an array, or the value itself for a scalar (Logstash accepts a single
    /// value where a list is expected).
    public var list: [Value] {
        if case .array(let a) = kind { return a }
        return [self]
    }

    /// The entries of a hash; nil for other values.
    public var hash: [HashEntry]? {
        if case .hash(let h) = kind { return h }
        return nil
    }

    /// `true`/`false` written as bareword or string.
    public var bool: Bool? {
        switch text?.lowercased() {
        case "true": return true
        case "false": return false
        default: return nil
        }
    }

    /// What kind of value this is, in the words Logstash's documentation uses.
    public var typeName: String {
        switch kind {
        case .string: return "string"
        case .number: return "number"
        case .bareword: return "bareword"
        case .array: return "array"
        case .hash: return "hash"
        case .plugin: return "plugin"
        }
    }
}

/// `key => value` inside a hash.
public struct HashEntry: Sendable, Hashable {
    public var key: Value
    public var value: Value

    public init(key: Value, value: Value) {
        self.key = key
        self.value = value
    }
}

/// `if … { } else if … { } else { }`.
public struct Branch: Sendable, Hashable {
    public var clauses: [Clause]
    public var comments: [String]
    public var span: Span

    public init(clauses: [Clause], comments: [String] = [], span: Span = Span()) {
        self.clauses = clauses
        self.comments = comments
        self.span = span
    }
}

/// One clause of a conditional: `condition` is nil for the final `else`.
public struct Clause: Sendable, Hashable {
    public var condition: Condition?
    public var body: [PipelineItem]
    public var trailingComments: [String]
    public var span: Span

    public init(condition: Condition?, body: [PipelineItem], trailingComments: [String] = [], span: Span = Span()) {
        self.condition = condition
        self.body = body
        self.trailingComments = trailingComments
        self.span = span
    }
}

/// Boolean operators joining expressions. Logstash evaluates a chain left to right.
public enum BooleanOperator: String, Sendable, Hashable, CaseIterable {
    case and, or, xor, nand
}

/// Comparison operators.
public enum CompareOperator: String, Sendable, Hashable, CaseIterable {
    case equal = "==", notEqual = "!=", lessOrEqual = "<=", greaterOrEqual = ">=", less = "<", greater = ">"
}

/// A condition of `if`/`else if`.
public indirect enum Condition: Sendable, Hashable {
    /// `first op e1 op e2 …`, as written (no precedence applied).
    case chain(Condition, [(BooleanOperator, Condition)])
    /// `( condition )`.
    case group(Condition)
    /// `!( condition )` or `![field]`.
    case not(Condition)
    case compare(RValue, CompareOperator, RValue)
    /// `=~` (`negated` false) or `!~` against a string or regexp.
    case match(RValue, negated: Bool, RValue)
    /// `in` (`negated` false) or `not in`.
    case `in`(RValue, negated: Bool, RValue)
    /// A bare value: truthy when the field exists and is not false.
    case value(RValue)

    public static func == (a: Condition, b: Condition) -> Bool {
        switch (a, b) {
        case let (.chain(f1, r1), .chain(f2, r2)):
            return f1 == f2 && r1.count == r2.count && zip(r1, r2).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        case let (.group(x), .group(y)), let (.not(x), .not(y)): return x == y
        case let (.compare(l1, o1, r1), .compare(l2, o2, r2)): return l1 == l2 && o1 == o2 && r1 == r2
        case let (.match(l1, n1, r1), .match(l2, n2, r2)), let (.in(l1, n1, r1), .in(l2, n2, r2)):
            return l1 == l2 && n1 == n2 && r1 == r2
        case let (.value(x), .value(y)): return x == y
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .chain(let f, let rest):
            hasher.combine(0); hasher.combine(f)
            for (o, c) in rest { hasher.combine(o); hasher.combine(c) }
        case .group(let c): hasher.combine(1); hasher.combine(c)
        case .not(let c): hasher.combine(2); hasher.combine(c)
        case .compare(let l, let o, let r): hasher.combine(3); hasher.combine(l); hasher.combine(o); hasher.combine(r)
        case .match(let l, let n, let r): hasher.combine(4); hasher.combine(l); hasher.combine(n); hasher.combine(r)
        case .in(let l, let n, let r): hasher.combine(5); hasher.combine(l); hasher.combine(n); hasher.combine(r)
        case .value(let v): hasher.combine(6); hasher.combine(v)
        }
    }

    /// Every value the condition mentions, in order.
    public var rvalues: [RValue] {
        switch self {
        case .chain(let f, let rest): return f.rvalues + rest.flatMap { $0.1.rvalues }
        case .group(let c), .not(let c): return c.rvalues
        case .compare(let l, _, let r), .match(let l, _, let r), .in(let l, _, let r): return [l, r]
        case .value(let v): return [v]
        }
    }

    /// Every field reference the condition mentions (also inside method calls).
    public var fieldReferences: [(FieldReference, Span)] {
        var out: [(FieldReference, Span)] = []
        func walk(_ v: RValue) {
            switch v.kind {
            case .field(let f): out.append((f, v.span))
            case .call(_, let args): args.forEach(walk)
            default: break
            }
        }
        rvalues.forEach(walk)
        return out
    }
}

/// A field reference: `[fields][service]` is `["fields", "service"]`.
public struct FieldReference: Sendable, Hashable, CustomStringConvertible {
    public var path: [String]

    public init(_ path: [String]) { self.path = path }

    /// Parses `[a][b]` or a bare `a` (as `add_field` keys and `source` options name fields).
    public init(parsing text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        // By scalars: a combining mark after `[` would otherwise join it into one Character.
        guard t.utf8.first == UInt8(ascii: "[") else {
            path = t.isEmpty ? [] : [t]
            return
        }
        var parts: [String] = []
        var current = String.UnicodeScalarView()
        var inside = false
        for ch in t.unicodeScalars {
            if ch == "[" { inside = true; current = String.UnicodeScalarView() } else if ch == "]" { if inside { parts.append(String(current)) }; inside = false } else if inside { current.append(ch) }
        }
        path = parts
    }

    public var description: String { path.map { "[\($0)]" }.joined() }

    /// Whether `other` is this reference or below it (`[kubernetes]` covers `[kubernetes][pod][name]`).
    public func covers(_ other: FieldReference) -> Bool {
        other.path.count >= path.count && Array(other.path.prefix(path.count)) == path
    }
}

/// A value in a condition: string, number, field reference, array, method call or regexp.
public struct RValue: Sendable, Hashable {
    public indirect enum Kind: Sendable, Hashable {
        case string(String, Quote)
        case number(String)
        case field(FieldReference)
        case array([Value])
        case call(String, [RValue])
        /// The text between the slashes as written.
        case regexp(String)
    }

    public var kind: Kind
    public var span: Span

    public init(_ kind: Kind, span: Span = Span()) {
        self.kind = kind
        self.span = span
    }
}

import Foundation
