import VigilCore
import VigilElastic

/// A Logstash pipeline as a node tree, so it is compared like any other document: by its
/// syntax tree, with white space, comments, quoting and the split into several `filter { }`
/// blocks being no change.
///
/// ```
/// input:  [ {beats: {port: 5044}} ]
/// filter: [ {mutate: {add_field: {environment: production}}},
///           {"if [level] == \"ERROR\"": [ {mutate: {add_tag: [error]}} ], "else": [ … ]} ]
/// output: [ {elasticsearch: {hosts: ["http://es:9200"], index: "logs-%{+YYYY.MM.dd}"}} ]
/// ```
/// so a path reads `filter[0].mutate.add_field.environment`. Sections of one kind are joined
/// in file order (Logstash runs them as one); plugins keep their order (it matters) and pair
/// by content, then position; a conditional is a mapping from each clause's canonical
/// condition to its body. Nodes carry the pipeline's positions, so locations point into it.
enum LogstashTree {
    /// The tree of the pipeline in `file`, or nil when it is not a valid pipeline.
    static func parse(_ file: SourceFile) -> Node? {
        let result = LogstashParser().parse(file)
        guard result.errors.isEmpty, let pipeline = result.pipeline, !pipeline.sections.isEmpty else { return nil }
        return node(pipeline)
    }

    /// Whether a file name or ConfigMap key names a Logstash pipeline.
    static func isPipelineName(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix(".conf") || lower.hasSuffix(".pipeline")
    }

    static func node(_ pipeline: LogstashPipeline) -> Node {
        var pairs: [(String, Node)] = []
        for kind in PipelineSection.Kind.allCases {
            let sections = pipeline.sections(kind)
            guard let first = sections.first else { continue }
            pairs.append((kind.rawValue, Node(.sequence(sections.flatMap { $0.items.map(node) }), tag: Tag.seq, range: range(first.span))))
        }
        return mapping(pairs, range: Node.noRange)
    }

    private static func node(_ item: PipelineItem) -> Node {
        switch item {
        case .plugin(let p): return node(p)
        case .branch(let b):
            let printer = LogstashPrinter()
            var pairs: [(String, Node)] = []
            var seen: [String: Int] = [:]
            for (i, clause) in b.clauses.enumerated() {
                var key: String
                if let condition = clause.condition { key = (i == 0 ? "if " : "else if ") + printer.print(canonical(condition)) } else { key = "else" }
                // A repeated `else if` (dead, but valid) keeps its own entry.
                let n = (seen[key] ?? 0) + 1
                seen[key] = n
                if n > 1 { key += " #\(n)" }
                pairs.append((key, Node(.sequence(clause.body.map(node)), tag: Tag.seq, range: range(clause.span))))
            }
            return mapping(pairs, range: range(b.span))
        }
    }

    /// The condition with every string double-quoted, so `'api'` and `"api"` print alike.
    static func canonical(_ c: Condition) -> Condition {
        switch c {
        case .chain(let first, let rest): return .chain(canonical(first), rest.map { ($0.0, canonical($0.1)) })
        case .group(let x): return .group(canonical(x))
        case .not(let x): return .not(canonical(x))
        case .compare(let l, let op, let r): return .compare(canonical(l), op, canonical(r))
        case .match(let l, let negated, let r): return .match(canonical(l), negated: negated, canonical(r))
        case .in(let l, let negated, let r): return .in(canonical(l), negated: negated, canonical(r))
        case .value(let v): return .value(canonical(v))
        }
    }

    private static func canonical(_ v: RValue) -> RValue {
        switch v.kind {
        case .string(let s, .single):
            let text = s.replacing("\\'", with: "'").replacing("\"", with: "\\\"")
            return RValue(.string(text, .double), span: v.span)
        case .call(let name, let args): return RValue(.call(name, args.map(canonical)), span: v.span)
        default: return v
        }
    }

    private static func node(_ p: Plugin) -> Node {
        var attributes: [(String, Node)] = []
        var seen: [String: Int] = [:]
        for a in p.attributes {
            // A repeated option keeps its place: `add_field`, then `add_field#2`.
            let n = (seen[a.name] ?? 0) + 1
            seen[a.name] = n
            attributes.append((n == 1 ? a.name : "\(a.name)#\(n)", node(a.value)))
        }
        return mapping([(p.name, mapping(attributes, range: range(p.span)))], range: range(p.span))
    }

    private static func node(_ v: Value) -> Node {
        let r = range(v.span)
        switch v.kind {
        case .string, .bareword:
            return Node.string(v.text ?? "", range: r)
        case .number(let n):
            let isInteger = n.allSatisfy { $0.isNumber || $0 == "-" || $0 == "+" }
            return Node(.scalar(Scalar(n)), tag: isInteger ? Tag.int : Tag.float, range: r)
        case .array(let items):
            return Node(.sequence(items.map(node)), tag: Tag.seq, range: r)
        case .hash(let entries):
            return Node(.mapping(Mapping(entries.map { Pair(key: Node.string($0.key.text ?? ""), value: node($0.value)) })), tag: Tag.map, range: r)
        case .plugin(let p):
            return node(p)
        }
    }

    private static func mapping(_ pairs: [(String, Node)], range: SourceRange) -> Node {
        Node(.mapping(Mapping(pairs.map { Pair(key: .string($0.0), value: $0.1) })), tag: Tag.map, range: range)
    }

    private static func range(_ span: Span) -> SourceRange { span.range ?? Node.noRange }
}
