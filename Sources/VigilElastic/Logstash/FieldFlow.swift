import Foundation

/// Which event fields a pipeline can have: those the inputs produce and those its filters set.
///
/// Coarse on purpose: order is ignored (a field set anywhere counts as set everywhere) and a
/// plugin whose output cannot be known (a `ruby` filter, `kv` without `target`) makes the event
/// root "open", after which no root field is reported as unset.
public struct FieldFlow: Sendable {
    /// Fields known to be set; a field covers everything below it.
    public private(set) var set: [FieldReference] = []
    /// Whether some plugin may set any top-level field.
    public private(set) var openRoot = false

    /// Fields every event from the Beats input carries (Filebeat 8 with Kubernetes metadata).
    public static let beatsFields = ["@timestamp", "@metadata", "@version", "message", "agent", "ecs", "host", "input", "log",
                                     "event", "container", "kubernetes", "cloud", "stream", "tags", "data_stream", "orchestrator", "error"]
    /// Fields every event has whatever the input.
    public static let baseFields = ["@timestamp", "@version", "@metadata", "message", "tags", "type", "host", "event"]

    public init(pipeline: LogstashPipeline, logging: LoggingKnowledge) {
        for f in Self.baseFields { add(f) }
        for (kind, plugin) in pipeline.plugins {
            if kind == .input, plugin.name == "beats" {
                for f in Self.beatsFields { add(f) }
                for f in logging.filebeatFields { add(logging.fieldsUnderRoot ? FieldReference([f]) : FieldReference(["fields", f])) }
            }
            addCommon(plugin)
            if kind == .filter { addFilter(plugin, logging: logging) }
        }
    }

    /// Whether a field reference can be set on an event.
    public func isSet(_ f: FieldReference) -> Bool {
        if set.contains(where: { $0.covers(f) }) { return true }
        if openRoot { return true }
        return false
    }

    mutating func add(_ s: String) { add(FieldReference(parsing: s)) }
    mutating func add(_ f: FieldReference) { if !f.path.isEmpty, !f.path[0].contains("%{") { set.append(f) } }

    mutating func addCommon(_ p: Plugin) {
        for a in p.attributes where a.name == "add_field" {
            switch a.value.kind {
            case .hash(let h): for e in h { if let k = e.key.text { add(k) } }
            case .array(let a): for (n, v) in a.enumerated() where n % 2 == 0 { if let k = v.text { add(k) } }
            default: break
            }
        }
        if p.attribute("type") != nil { add("type") }
    }

    mutating func addFilter(_ p: Plugin, logging: LoggingKnowledge) {
        let target = p["target"]?.text
        switch p.name {
        case "json":
            if let target { add(target) } else if let fields = logging.logFields { fields.forEach { add($0) } } else { openRoot = true }
        case "grok":
            let patterns = p.attributes.filter { $0.name == "match" }.flatMap { a -> [String] in
                (a.value.hash ?? []).flatMap { $0.value.list.compactMap(\.text) } + (a.value.hash == nil ? a.value.list.compactMap(\.text) : [])
            }
            for pattern in patterns {
                for name in Self.grokCaptures(pattern) {
                    if let target { add(FieldReference(FieldReference(parsing: target).path + FieldReference(parsing: name).path)) } else { add(name) }
                }
            }
        case "dissect":
            for e in p["mapping"]?.hash ?? [] {
                for name in Self.dissectFields(e.value.text ?? "") { add(name) }
            }
        case "kv", "csv", "xml", "translate", "elasticsearch", "http", "jdbc_streaming", "jdbc_static", "memcached", "aggregate", "ruby", "split", "cipher", "extractnumbers":
            if let target, p.name != "ruby" { add(target) } else { openRoot = true }
            if let d = p["destination"]?.text { add(d) }
            if let cols = p["columns"]?.list.compactMap(\.text), p.name == "csv", target == nil { cols.forEach { add($0) }; openRoot = false }
            if p.name == "kv", let keys = p["include_keys"]?.list.compactMap(\.text), target == nil {
                let prefix = p["prefix"]?.text ?? ""
                keys.forEach { add(prefix + $0) }
                openRoot = false
            }
        case "date": add(target ?? "@timestamp")
        case "geoip": add(target ?? "geoip")
        case "useragent": add(target ?? "user_agent"); add("useragent")
        case "fingerprint": add(target ?? "fingerprint")
        case "uuid": if let target { add(target) }
        case "mutate":
            for a in p.attributes {
                switch a.name {
                case "rename", "copy":
                    for e in a.value.hash ?? [] { if let v = e.value.text { add(v) } }
                case "replace", "update":
                    for e in a.value.hash ?? [] { if let k = e.key.text { add(k) } }
                case "merge":
                    for e in a.value.hash ?? [] { if let k = e.key.text { add(k) } }
                default: break
                }
            }
        case "drop", "prune", "truncate", "urldecode", "de_dot", "throttle", "sleep", "metrics", "clone", "syslog_pri", "cidr", "dns", "bytes", "age", "tld", "environment", "alter", "elapsed", "json_encode":
            if p.name == "syslog_pri" { add("syslog_severity"); add("syslog_facility"); add("log") }
            if p.name == "json_encode", let t = target { add(t) }
            if p.name == "tld" { add(target ?? "tld") }
            if p.name == "environment" || p.name == "alter" || p.name == "elapsed" || p.name == "metrics" { openRoot = true }
        default:
            openRoot = true
        }
    }

    /// Field names captured by a grok pattern: `%{PATTERN:name}`, `%{PATTERN:[a][b]:int}`, `(?<name>…)`.
    static func grokCaptures(_ pattern: String) -> [String] {
        var out: [String] = []
        let s = Array(pattern)
        var i = 0
        while i < s.count {
            if s[i] == "%", i + 1 < s.count, s[i + 1] == "{" {
                var j = i + 2
                while j < s.count, s[j] != "}" { j += 1 }
                let inner = String(s[(i + 2)..<min(j, s.count)])
                let parts = inner.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
                if parts.count >= 2, !parts[1].isEmpty { out.append(String(parts[1])) }
                i = j + 1
                continue
            }
            if s[i] == "(", i + 3 < s.count, s[i + 1] == "?", s[i + 2] == "<", s[i + 3] != "=", s[i + 3] != "!" {
                var j = i + 3
                while j < s.count, s[j] != ">" { j += 1 }
                out.append(String(s[(i + 3)..<min(j, s.count)]))
                i = j + 1
                continue
            }
            i += 1
        }
        return out
    }

    /// Field names a dissect mapping writes: `%{name}`, `%{+name}`, `%{?skip}` (skipped), `%{&name}`.
    static func dissectFields(_ mapping: String) -> [String] {
        var out: [String] = []
        var rest = Substring(mapping)
        while let open = rest.range(of: "%{") {
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else { break }
            var name = String(rest[open.upperBound..<close])
            rest = rest[rest.index(after: close)...]
            if name.hasPrefix("?") || name.isEmpty { continue }
            name = name.trimmingCharacters(in: CharacterSet(charactersIn: "+&*"))
            if let slash = name.firstIndex(of: "/") { name = String(name[..<slash]) }
            if name.hasSuffix("->") { name.removeLast(2) }
            if !name.isEmpty { out.append(name) }
        }
        return out
    }
}
