import VigilCore

/// How the items of a list are told apart, chosen per list from the key that holds it.
///
/// | list | identity |
/// |---|---|
/// | Prometheus rules | `alert` or `record` (plus `labels.severity` when the name repeats) |
/// | rule groups, receivers, containers, volumes, env vars, time intervals, most lists | `name` |
/// | `scrape_configs` | `job_name` |
/// | Alertmanager `routes` | the route's matchers (`matchers`, `match`, `match_re`), order ignored |
/// | Grafana `panels` | `id`, else `title`; `targets`: `refId` |
/// | `ports` | `name`, else `containerPort`, else `port` |
/// | `volumeMounts` | `mountPath` |
///
/// A rule applies only when every item on both sides is a mapping that yields it; otherwise
/// the next one is tried, and lists without any are matched by content and position
/// (see `ListMatcher`).
public struct ListIdentity: Sendable {
    /// The field name shown in paths (`name`, `alert`, `matchers`).
    public let field: String
    let extract: @Sendable (Mapping) -> (field: String, value: String)?

    init(field: String, extract: @escaping @Sendable (Mapping) -> (field: String, value: String)?) {
        self.field = field
        self.extract = extract
    }

    /// An identity read from one scalar field.
    static func scalarField(_ name: String) -> ListIdentity {
        ListIdentity(field: name) { m in
            guard let v = m[name]?.scalarText, !v.isEmpty else { return nil }
            return (name, v)
        }
    }

    static let name = scalarField("name")
    static let jobName = scalarField("job_name")
    static let id = scalarField("id")
    static let title = scalarField("title")
    static let refId = scalarField("refId")
    static let uid = scalarField("uid")
    static let containerPort = scalarField("containerPort")
    static let port = scalarField("port")
    static let mountPath = scalarField("mountPath")
    static let devicePath = scalarField("devicePath")

    /// Prometheus rules: `alert=X` or `record=Y`.
    static let rule = ListIdentity(field: "alert") { m in
        if let a = m["alert"]?.scalarText, !a.isEmpty { return ("alert", a) }
        if let r = m["record"]?.scalarText, !r.isEmpty { return ("record", r) }
        return nil
    }

    /// Alertmanager routes: their matchers as a set, printed `{k="v",k=~"re"}`.
    static let routeMatchers = ListIdentity(field: "matchers") { m in
        var matchers: [String] = []
        if let list = m["matchers"]?.sequence {
            for item in list {
                guard let t = item.scalarText else { return nil }
                matchers.append(contentsOf: splitMatchers(t))
            }
        }
        if let match = m["match"]?.mapping {
            for p in match.pairs {
                guard let k = p.key.scalarText, let v = p.value.scalarText else { return nil }
                matchers.append(k + "=" + DiffPath.quoted(v))
            }
        }
        if let match = m["match_re"]?.mapping {
            for p in match.pairs {
                guard let k = p.key.scalarText, let v = p.value.scalarText else { return nil }
                matchers.append(k + "=~" + DiffPath.quoted(v))
            }
        }
        return ("matchers", "{" + matchers.sorted().joined(separator: ",") + "}")
    }

    /// One Alertmanager matcher string (or a `{a="b", c!="d"}` list of them) in canonical form:
    /// `name`, operator, double-quoted value, no spaces.
    static func splitMatchers(_ text: String) -> [String] {
        var t = Substring(text.trimmed(" \t"))
        if t.hasPrefix("{") && t.hasSuffix("}") { t = t.dropFirst().dropLast() }
        var out: [String] = []
        var current = ""
        var inQuote = false
        var escaped = false
        for ch in t {
            if inQuote {
                current.append(ch)
                if escaped { escaped = false } else if ch == "\\" { escaped = true } else if ch == "\"" { inQuote = false }
                continue
            }
            if ch == "\"" { inQuote = true; current.append(ch); continue }
            if ch == "," { out.append(current); current = ""; continue }
            current.append(ch)
        }
        if !current.trimmed(" \t").isEmpty { out.append(current) }
        return out.map(canonicalMatcher)
    }

    static func canonicalMatcher(_ s: String) -> String {
        let t = s.trimmed(" \t")
        for op in ["=~", "!~", "!=", "="] {
            guard let r = t.firstRange(of: op) else { continue }
            let name = t[..<r.lowerBound].trimmed(" \t")
            var value = t[r.upperBound...].trimmed(" \t")
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast()).replacing("\\\"", with: "\"")
            }
            return name + op + DiffPath.quoted(value)
        }
        return t
    }

    /// Lists of Alertmanager matcher strings (compared in canonical spelling).
    static let matcherListKeys: Set<String> = ["matchers", "source_matchers", "target_matchers"]

    /// Lists whose order means nothing (sets of matchers or label names): a reordering is no
    /// change, so no moves are reported in them.
    static let unorderedListKeys: Set<String> = ["matchers", "source_matchers", "target_matchers", "group_by", "equal"]

    /// The identities to try, in order, for a list that is the value of `key` (nil: a list in a list).
    static func candidates(forKey key: String?) -> [ListIdentity] {
        switch key {
        case "rules": return [.rule, .name]
        case "scrape_configs": return [.jobName, .name]
        case "routes": return [.routeMatchers]
        case "panels": return [.id, .title]
        case "targets": return [.refId]
        case "ports": return [.name, .containerPort, .port]
        case "volumeMounts": return [.mountPath, .name]
        case "volumeDevices": return [.devicePath, .name]
        case "links": return [.title]
        default: return [.name, .jobName, .id, .uid, .title]
        }
    }

    /// The identity of every item, when `self` applies to all of them.
    func identities(of items: [Node]) -> [(field: String, value: String)]? {
        var out: [(field: String, value: String)] = []
        out.reserveCapacity(items.count)
        for item in items {
            guard let m = item.mapping, let id = extract(m) else { return nil }
            out.append(id)
        }
        return out
    }
}
