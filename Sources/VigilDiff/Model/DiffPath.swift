/// Where a change is inside a document, as a list of steps from the document root.
///
/// ## Notation
/// Paths are printed in a dotted notation that reads like the YAML it points into:
///
/// - `spec.replicas`: mapping keys joined by `.`. A key that is not made only of letters,
///   digits, `_` and `-` is written in brackets as a JSON string:
///   `metadata.annotations["prometheus.io/scrape"]`, `data["prometheus.yml"]`.
/// - `containers[name=api]`: a list item matched by an identity field (`name`, `alert`,
///   `record`, `job_name`, `id`, `title`, `containerPort`, …). Route items are identified by
///   their matchers: `routes[matchers={severity="critical"}]`. A value that needs it is quoted:
///   `[name="a]b"]`. An alert name repeated with different severities carries its severity:
///   `rules[alert=DiskFull{severity="critical"}]`. When an identity still repeats in one list,
///   later occurrences carry `#2`, `#3`.
/// - `args[2]`: a list item matched by position (0-based, the index on the new side, or on the
///   old side for a removed item).
/// - `/`: the step into a document embedded in a string, such as a ConfigMap value:
///   `data["prometheus.yml"]/scrape_configs[job_name=api].scrape_interval`. A multi-document
///   embedded stream adds the document index: `data["x.yaml"]/#1/spec`.
///
/// `--ignore` patterns are globs over this notation (see `IgnorePattern`).
public struct DiffPath: Sendable, Hashable, CustomStringConvertible, Comparable {
    /// One step of a path.
    public enum Step: Sendable, Hashable {
        /// A mapping key.
        case key(String)
        /// A list item matched by identity: the field (or `matchers`), its value, and the
        /// occurrence (1 unless the identity repeats).
        case identity(field: String, value: String, occurrence: Int)
        /// A list item matched by position.
        case index(Int)
        /// Entering a document embedded in the string at this point; `document` is set when
        /// the embedded stream holds more than one document.
        case embedded(document: Int?)
    }

    public var steps: [Step]

    public init(_ steps: [Step] = []) { self.steps = steps }

    /// The path with one more step.
    public func appending(_ step: Step) -> DiffPath {
        var p = self
        p.steps.append(step)
        return p
    }

    public var isEmpty: Bool { steps.isEmpty }

    /// The last mapping key on the path, if the path ends at a key.
    public var lastKey: String? {
        if case .key(let k)? = steps.last { return k }
        return nil
    }

    /// The printed notation (see the type's documentation). The root is printed as `.`.
    public var description: String {
        let s = DiffPath.render(steps[...])
        return s.isEmpty ? "." : s
    }

    /// The printed notation of each prefix of the path, shortest first (used for ignore patterns).
    public var prefixDescriptions: [String] {
        var out: [String] = []
        out.reserveCapacity(steps.count)
        var text = ""
        for (i, step) in steps.enumerated() {
            DiffPath.append(step, first: i == 0, previous: i > 0 ? steps[i - 1] : nil, to: &text)
            out.append(text)
        }
        return out
    }

    static func render(_ steps: ArraySlice<Step>) -> String {
        var text = ""
        var previous: Step?
        for (i, step) in steps.enumerated() {
            append(step, first: i == 0, previous: previous, to: &text)
            previous = step
        }
        return text
    }

    private static func append(_ step: Step, first: Bool, previous: Step?, to text: inout String) {
        let afterEmbedded: Bool
        if case .embedded? = previous { afterEmbedded = true } else { afterEmbedded = false }
        switch step {
        case .key(let k):
            if isSimpleKey(k) {
                if !first && !afterEmbedded { text += "." }
                text += k
            } else {
                text += "[" + quoted(k) + "]"
            }
        case .identity(let field, let value, let occurrence):
            text += "[" + field + "=" + identityValue(value)
            if occurrence > 1 { text += "#\(occurrence)" }
            text += "]"
        case .index(let i):
            text += "[\(i)]"
        case .embedded(let document):
            text += "/"
            if let document { text += "#\(document)/" }
        }
    }

    /// Whether a key can be printed bare.
    public static func isSimpleKey(_ k: String) -> Bool {
        guard !k.isEmpty else { return false }
        for u in k.utf8 {
            switch u {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
                continue
            default:
                return false
            }
        }
        return true
    }

    static func identityValue(_ v: String) -> String {
        // Matcher sets (`{team="db"}`) and alert names with their severity (`X{severity="critical"}`)
        // are printed as they are.
        if v.hasSuffix("}"), let brace = v.firstIndex(of: "{"), !v[..<brace].contains(where: { "[]\"#{} ".contains($0) }) { return v }
        for u in v.utf8 where u == UInt8(ascii: "]") || u == UInt8(ascii: "[") || u == UInt8(ascii: "\"") || u == UInt8(ascii: "#") || u < 0x21 {
            return quoted(v)
        }
        return v.isEmpty ? "\"\"" : v
    }

    /// A JSON string literal.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    public static func < (a: DiffPath, b: DiffPath) -> Bool { a.description < b.description }
}
