import Foundation
import VigilAlertmanager
import VigilCore
import VigilPrometheus

/// `vigil lint --rules FILES`: the alerts of Prometheus rule files (plain, `PrometheusRule`, or
/// in a ConfigMap) as knowledge, so the Alertmanager checks that route alerts
/// (`alert-not-routed`, `unreachable-receiver`, `group-by-unknown-label`) run on hand-written
/// configs without a stack. The rule files themselves are not linted.
public enum RuleFilesKnowledge {
    public struct Loaded: Sendable {
        /// The alerts the rules fire.
        public var alerts: [KnownAlert]
        /// The rule files read, in order.
        public var files: [String]
        /// Why a pattern gave nothing usable (unreadable, no match, not a rule file, broken YAML).
        public var diagnostics: [Diagnostic]
        /// The files read, by path, for printing the lines `diagnostics` point at.
        public var sources: [String: SourceFile] = [:]
    }

    /// Reads every file a pattern names: a file, a directory (searched recursively for
    /// `.yaml`/`.yml`/`.json`), or a glob (`rules/*.yml`, `rules/**/*.yaml`). A file named
    /// itself must be a readable rule file; in a directory or glob, other files are skipped
    /// (broken YAML is a warning there), but the pattern must yield at least one rule file.
    public static func load(_ patterns: [String]) -> Loaded {
        var loaded = Loaded(alerts: [], files: [], diagnostics: [])
        for pattern in patterns {
            let paths = expand(pattern)
            let named = paths == [pattern]
            if paths.isEmpty {
                loaded.diagnostics.append(Diagnostic(rule: CoreRules.io.id, severity: .error,
                                                     message: isGlob(pattern) ? "--rules \(pattern) matches no file" : "no such file or directory",
                                                     file: pattern))
                continue
            }
            var found = false
            for path in paths {
                guard let data = FileManager.default.contents(atPath: path) else {
                    loaded.diagnostics.append(Diagnostic(rule: CoreRules.io.id, severity: .error, message: "cannot read file", file: path))
                    continue
                }
                let source = SourceFile(path: path, bytes: [UInt8](data))
                loaded.sources[path] = source
                let out = VigilRegistry.all.decode(file: source)
                for d in out.diagnostics where d.severity == .error && d.rule.hasPrefix("yaml/") {
                    var shown = d
                    if !named { shown.severity = .warning }
                    loaded.diagnostics.append(shown)
                }
                let sources = out.artifacts.compactMap { $0 as? any AlertRuleSource }
                if sources.isEmpty {
                    if named && !out.diagnostics.contains(where: { $0.rule.hasPrefix("yaml/") }) {
                        loaded.diagnostics.append(Diagnostic(rule: CoreRules.io.id, severity: .error,
                                                             message: "not a Prometheus rule file (no `groups:` of rules, no PrometheusRule)", file: path))
                    }
                    continue
                }
                found = true
                guard !loaded.files.contains(path) else { continue }
                loaded.files.append(path)
                for s in sources { loaded.alerts += s.knownAlerts }
            }
            if !named && !found {
                loaded.diagnostics.append(Diagnostic(rule: CoreRules.io.id, severity: .error,
                                                     message: "--rules \(pattern): no Prometheus rule file among \(paths.count) file\(paths.count == 1 ? "" : "s")",
                                                     file: pattern))
            }
        }
        return loaded
    }

    /// `knowledge` with `alerts` added to the alerts it already knows (a stack's), as one
    /// `KnownAlerts`: checks read only the first.
    public static func adding(_ alerts: [KnownAlert], to knowledge: [any Sendable]) -> [any Sendable] {
        var known = alerts
        var rest: [any Sendable] = []
        for k in knowledge {
            if let given = k as? KnownAlerts { known = given.alerts + known } else { rest.append(k) }
        }
        return rest + [KnownAlerts(known)]
    }

    static func isGlob(_ pattern: String) -> Bool { pattern.contains { $0 == "*" || $0 == "?" } }

    static let extensions: Set<String> = ["yaml", "yml", "json"]

    /// The files `pattern` names, sorted within a directory or glob.
    static func expand(_ pattern: String) -> [String] {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if !isGlob(pattern) {
            guard fm.fileExists(atPath: pattern, isDirectory: &isDir) else { return [] }
            return isDir.boolValue ? files(under: pattern, matching: nil) : [pattern]
        }
        // Walk from the longest directory prefix without wildcards.
        let parts = pattern.split(separator: "/", omittingEmptySubsequences: false)
        let fixed = parts.prefix { !isGlob(String($0)) }
        var root = fixed.joined(separator: "/")
        if fixed.count == parts.count - 1 && parts.count > 1 && root.isEmpty { root = "/" }
        if root.isEmpty { root = "." }
        return files(under: root, matching: pattern)
    }

    /// Files under `root`: those `pattern` matches (a `*` stays within one directory unless the
    /// pattern has `**`), or every YAML/JSON file when there is no pattern. Hidden entries are
    /// skipped.
    private static func files(under root: String, matching pattern: String?) -> [String] {
        let fm = FileManager.default
        let depth = pattern.flatMap { $0.contains("**") ? nil : $0.split(separator: "/", omittingEmptySubsequences: false).count }
        var out: [String] = []
        var stack = [root]
        var visited = 0
        while let dir = stack.popLast(), visited < 100_000 {
            visited += 1
            guard let entries = try? fm.contentsOfDirectory(atPath: dir) else { continue }
            for name in entries where !name.hasPrefix(".") {
                // `*.yml` names files as `a.yml`, not `./a.yml`, as a shell would.
                let full = dir == "." && !(pattern ?? "./").hasPrefix("./") ? name : (dir.hasSuffix("/") ? dir + name : dir + "/" + name)
                var isDir: ObjCBool = false
                guard fm.fileExists(atPath: full, isDirectory: &isDir) else { continue }
                let components = full.split(separator: "/", omittingEmptySubsequences: false).count
                if isDir.boolValue {
                    if depth.map({ components < $0 }) ?? true { stack.append(full) }
                    continue
                }
                if let pattern {
                    if depth.map({ components == $0 }) ?? true, Glob.matches(pattern, full) { out.append(full) }
                } else if extensions.contains((name as NSString).pathExtension.lowercased()) {
                    out.append(full)
                }
            }
        }
        return out.sorted()
    }
}
