/// The rules of the foundation: reading files, YAML syntax and structure, strict decoding.
public enum CoreRules {
    public static let io = RuleDescription(
        id: "io/unreadable", severity: .error,
        summary: "A file could not be read as text (missing, unreadable, binary or over the size limit).",
        rationale: "Vigil reports the file and goes on with the others; a config that cannot be read cannot be checked.",
        triggering: [RuleExample("\u{0}\u{1}\u{2}binary", path: "blob.yaml")],
        nonTriggering: [RuleExample("a: 1\n")])

    public static let syntax = RuleDescription(
        id: "yaml/syntax", severity: .error,
        summary: "The file is not valid YAML or JSON.",
        rationale: "Nothing else can be checked in a document that does not parse. Common causes: tabs used for indentation, an unclosed quote or bracket, a key indented inconsistently.",
        triggering: [RuleExample("groups:\n\t- name: x\n"), RuleExample("a: [1, 2\n"), RuleExample("{\"a\": 1,,}\n", path: "x.json")],
        nonTriggering: [RuleExample("groups:\n  - name: x\n"), RuleExample("{\"a\": [1, 2]}\n", path: "x.json")])

    public static let duplicateKey = RuleDescription(
        id: "yaml/duplicate-key", severity: .error,
        summary: "A mapping defines the same key twice.",
        rationale: "YAML forbids duplicate keys and readers disagree on which value wins: Go's yaml.v3 rejects the file, others keep the first or the last. Vigil keeps the last and reports both places.",
        triggering: [RuleExample("scrape_interval: 15s\nscrape_interval: 30s\n")],
        nonTriggering: [RuleExample("scrape_interval: 15s\nevaluation_interval: 30s\n")])

    public static let limit = RuleDescription(
        id: "yaml/limit", severity: .error,
        summary: "A document exceeds one of Vigil's hard limits (nesting depth, alias expansion, merge keys, node or document count).",
        rationale: "These limits keep hostile or broken input (a \"billion laughs\" alias bomb, 100 000 nested brackets) from hanging the tool or exhausting memory in CI. No real monitoring config comes near them.",
        triggering: [RuleExample(String(repeating: "[", count: 600) + String(repeating: "]", count: 600) + "\n")],
        nonTriggering: [RuleExample("a: [[[1]]]\n")])

    public static let merge = RuleDescription(
        id: "yaml/merge", severity: .error,
        summary: "A merge key (`<<`) is given something other than a mapping or a list of mappings.",
        rationale: "`<<: *anchor` merges the keys of a mapping; any other value is an error in every YAML reader that supports merge keys.",
        triggering: [RuleExample("base: &b [1, 2]\nderived:\n  <<: *b\n")],
        nonTriggering: [RuleExample("base: &b {x: 1}\nderived:\n  <<: *b\n  y: 2\n")])

    public static let unknownField = RuleDescription(
        id: SchemaRule.unknownField, severity: .error,
        summary: "A field that the format does not define (often a typo).",
        rationale: "Prometheus, Alertmanager and Kubernetes reject unknown fields or silently ignore them; either way the setting you meant does not apply. The hint names the closest known field.",
        triggering: [RuleExample("rulez:\n  promql/self-ratio: off\n", path: ".vigil.yaml")],
        nonTriggering: [RuleExample("rules:\n  promql/self-ratio: off\n", path: ".vigil.yaml")])

    public static let typeMismatch = RuleDescription(
        id: SchemaRule.typeMismatch, severity: .error,
        summary: "A value of the wrong type: a string where a number is expected, a list where a mapping is.",
        rationale: "Typed readers reject these (Kubernetes: `cannot unmarshal string into Go struct field`); a quoted number or boolean is a string.",
        triggering: [RuleExample("exclude: vendor/**\n", path: ".vigil.yaml")],
        nonTriggering: [RuleExample("exclude: [\"vendor/**\"]\n", path: ".vigil.yaml")])

    public static let missingField = RuleDescription(
        id: SchemaRule.missingField, severity: .error,
        summary: "A required field is missing.",
        rationale: "The object cannot be used without it; the message names the field and the object that needs it.",
        triggering: [RuleExample("overrides:\n  - rules: {yaml/syntax: off}\n", path: ".vigil.yaml")],
        nonTriggering: [RuleExample("overrides:\n  - paths: [\"legacy/**\"]\n    rules: {yaml/syntax: off}\n", path: ".vigil.yaml")])

    public static let invalidValue = RuleDescription(
        id: SchemaRule.invalidValue, severity: .error,
        summary: "A value outside the allowed set or format (an unknown enum value, a malformed duration or quantity).",
        rationale: "The reader would reject the value; the message lists what is allowed and the hint suggests the closest value.",
        triggering: [RuleExample("rules:\n  promql/self-ratio: warn\n", path: ".vigil.yaml")],
        nonTriggering: [RuleExample("rules:\n  promql/self-ratio: warning\n", path: ".vigil.yaml")])

    public static let all = [io, syntax, duplicateKey, limit, merge, unknownField, typeMismatch, missingField, invalidValue]

    /// The foundation's part of the lint registry.
    public static let registry = LintRegistry(kinds: [LintConfigurationKind()], rules: all, checks: [UnknownRuleInConfiguration.self])
}

/// The ids of every registered rule, given to checks by the linter.
public struct KnownRules: Sendable {
    let registry: LintRegistry

    /// Worked out when asked: describing every rule builds its examples (a tenth of the time
    /// linting one small file takes), so a run pays for it only when `.vigil.yaml` names rules.
    public var ids: Set<String> { Set(registry.allRules.map(\.id)) }
}
