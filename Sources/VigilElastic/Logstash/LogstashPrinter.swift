/// Writes a pipeline in canonical form: two-space indentation, one attribute per line, a blank
/// line between sections, short scalar arrays on one line, hashes one entry per line.
///
/// `LogstashParser().parse(LogstashPrinter().print(p)) == p` for every pipeline the parser
/// produces (comments inside values and conditions move to the next item).
public struct LogstashPrinter: Sendable {
    /// Arrays of scalars up to this width stay on one line.
    public var maxInlineWidth: Int

    public init(maxInlineWidth: Int = 80) { self.maxInlineWidth = maxInlineWidth }

    public func print(_ pipeline: LogstashPipeline) -> String {
        var out = ""
        for (n, s) in pipeline.sections.enumerated() {
            if n > 0 { out += "\n" }
            comments(s.comments, indent: 0, into: &out)
            out += "\(s.kind.rawValue) {\n"
            items(s.items, indent: 1, into: &out)
            comments(s.trailingComments, indent: 1, into: &out)
            out += "}\n"
        }
        if !pipeline.trailingComments.isEmpty {
            if !pipeline.sections.isEmpty { out += "\n" }
            comments(pipeline.trailingComments, indent: 0, into: &out)
        }
        return out
    }

    /// One condition in canonical form (`[level] == "ERROR" or [level] == "CRITICAL"`).
    public func print(_ condition: Condition) -> String {
        switch condition {
        case .chain(let first, let rest):
            return ([print(first)] + rest.map { "\($0.0.rawValue) \(print($0.1))" }).joined(separator: " ")
        case .group(let c): return "(\(print(c)))"
        case .not(let c): return "!" + print(c)
        case .compare(let l, let op, let r): return "\(print(l)) \(op.rawValue) \(print(r))"
        case .match(let l, let negated, let r): return "\(print(l)) \(negated ? "!~" : "=~") \(print(r))"
        case .in(let l, let negated, let r): return "\(print(l)) \(negated ? "not in" : "in") \(print(r))"
        case .value(let v): return print(v)
        }
    }

    public func print(_ v: RValue) -> String {
        switch v.kind {
        case .string(let s, let q): return quoted(s, q)
        case .number(let n): return n
        case .field(let f): return f.description
        case .array(let a): return "[" + a.map { inline($0) ?? "" }.joined(separator: ", ") + "]"
        case .call(let name, let args): return name + "(" + args.map(print).joined(separator: ", ") + ")"
        case .regexp(let r): return "/" + r + "/"
        }
    }

    private func pad(_ n: Int) -> String { String(repeating: "  ", count: n) }

    private func quoted(_ s: String, _ q: Quote) -> String { "\(q.character)\(s)\(q.character)" }

    private func comments(_ cs: [String], indent: Int, into out: inout String) {
        for c in cs { out += pad(indent) + (c.isEmpty ? "#" : "# " + c) + "\n" }
    }

    private func items(_ list: [PipelineItem], indent: Int, into out: inout String) {
        for item in list {
            switch item {
            case .plugin(let p):
                comments(p.comments, indent: indent, into: &out)
                out += pad(indent) + plugin(p, indent: indent) + "\n"
            case .branch(let b):
                comments(b.comments, indent: indent, into: &out)
                out += pad(indent)
                for (n, c) in b.clauses.enumerated() {
                    if n > 0 { out += " else " }
                    if let cond = c.condition { out += (n == 0 ? "if " : "if ") + print(cond) + " {\n" } else { out += "{\n" }
                    items(c.body, indent: indent + 1, into: &out)
                    comments(c.trailingComments, indent: indent + 1, into: &out)
                    out += pad(indent) + "}"
                }
                out += "\n"
            }
        }
    }

    private func name(_ n: String) -> String {
        let plain = !n.isEmpty && n.utf8.allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F || $0 == 0x2D }
        return plain ? n : "\"" + n + "\""
    }

    /// A plugin starting at the current position, its closing brace at `indent`.
    private func plugin(_ p: Plugin, indent: Int) -> String {
        if p.attributes.isEmpty && p.trailingComments.isEmpty { return name(p.name) + " {}" }
        var out = name(p.name) + " {\n"
        for a in p.attributes {
            comments(a.comments, indent: indent + 1, into: &out)
            out += pad(indent + 1) + name(a.name) + " => " + value(a.value, indent: indent + 1) + "\n"
        }
        comments(p.trailingComments, indent: indent + 1, into: &out)
        out += pad(indent) + "}"
        return out
    }

    /// A scalar, or an array of scalars, on one line; nil when it needs several.
    private func inline(_ v: Value) -> String? {
        switch v.kind {
        case .string(let s, let q): return quoted(s, q)
        case .number(let n): return n
        case .bareword(let w): return w
        case .array(let a):
            let parts = a.compactMap(inline)
            guard parts.count == a.count else { return nil }
            return "[" + parts.joined(separator: ", ") + "]"
        case .hash(let h): return h.isEmpty ? "{}" : nil
        case .plugin(let p): return p.attributes.isEmpty && p.trailingComments.isEmpty ? name(p.name) + " {}" : nil
        }
    }

    private func value(_ v: Value, indent: Int) -> String {
        if let s = inline(v), s.count + indent * 2 <= maxInlineWidth || !s.hasPrefix("[") { return s }
        switch v.kind {
        case .array(let a):
            var out = "[\n"
            for (n, e) in a.enumerated() {
                out += pad(indent + 1) + value(e, indent: indent + 1) + (n + 1 < a.count ? "," : "") + "\n"
            }
            return out + pad(indent) + "]"
        case .hash(let h):
            var out = "{\n"
            for e in h {
                out += pad(indent + 1) + (inline(e.key) ?? "") + " => " + value(e.value, indent: indent + 1) + "\n"
            }
            return out + pad(indent) + "}"
        case .plugin(let p): return plugin(p, indent: indent)
        default: return inline(v) ?? ""
        }
    }
}
