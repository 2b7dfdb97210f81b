/// One check: reads typed artifacts from the context and reports findings of one rule.
///
/// Convention: one check per file, the type named after what it checks
/// (`ProbeTimeoutExceedsPeriod`), its rule id and examples in `rule`.
public protocol Check: Sendable {
    static var rule: RuleDescription { get }
    init()
    func run(_ context: LintContext, _ report: inout CheckReport)
    /// How the linter may run the check on slices of its items: nil, except for `SlicedCheck`s.
    static var slicing: CheckSlicing? { get }
}

extension Check {
    public static var slicing: CheckSlicing? { nil }
}

/// Where a check puts its findings; the rule id and default severity are filled in.
public struct CheckReport: Sendable {
    public let rule: RuleDescription
    public private(set) var diagnostics: [Diagnostic] = []

    public init(rule: RuleDescription) {
        self.rule = rule
    }

    /// Adds a finding the check built itself, with positions already in the files the user
    /// knows (for findings whose notes point into another embedded document).
    public mutating func add(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// Reports a finding at `range` of `file` (mapped to the outer file when embedded).
    public mutating func add(
        _ message: String, in file: SourceFile, at range: SourceRange?, hint: String? = nil,
        severity: Severity? = nil, notes: [DiagnosticNote] = []
    ) {
        diagnostics.append(Diagnostic(rule: rule.id, severity: severity ?? rule.severity, message: message,
                                      in: file, range: range, hint: hint, notes: notes))
    }

    /// Reports a finding at a model's provenance: at the value of `key` when given, else at the
    /// mapping itself.
    public mutating func add(
        _ message: String, at origin: Provenance?, key: String? = nil, hint: String? = nil,
        severity: Severity? = nil, notes: [DiagnosticNote] = []
    ) {
        guard let file = origin?.file else {
            diagnostics.append(Diagnostic(rule: rule.id, severity: severity ?? rule.severity, message: message,
                                          file: "<memory>", range: nil, hint: hint, notes: notes))
            return
        }
        let range = key.flatMap { origin?.range(ofValue: $0) ?? origin?.range(ofKey: $0) } ?? origin?.range
        add(message, in: file, at: range, hint: hint, severity: severity, notes: notes)
    }
}

/// Everything one lint run loaded, for checks that look across documents and files.
public final class LintContext: Sendable {
    public let artifacts: [any Artifact]
    public let options: LintOptions
    /// Values derived from the artifacts, built once per run for all the checks that ask.
    private let derived = Locked<[ObjectIdentifier: SharedValue]>([:])

    public init(artifacts: [any Artifact], options: LintOptions = LintOptions()) {
        self.artifacts = artifacts
        self.options = options
    }

    /// All artifacts of one type, in load order (worked out once per type and run).
    public func all<T: Artifact>(_ type: T.Type) -> [T] {
        shared(AllOfType<T>.self) { $0.artifacts.only(T.self) }
    }

    /// The value `key` names, built by `build` the first time a check of this run asks for it.
    /// Checks run concurrently: a check that asks while another builds the value waits for it
    /// instead of building it again (on two cores, both did, and the inventories of large
    /// runs were built twice). `build` may ask for other shared values, never for its own nor
    /// in a cycle (each value's lock is held while it builds).
    public func shared<Key, Value: Sendable>(_ key: Key.Type, _ build: (LintContext) -> Value) -> Value {
        let id = ObjectIdentifier(key)
        let cell = derived.withLock { table in
            if let cell = table[id] { return cell }
            let cell = SharedValue()
            table[id] = cell
            return cell
        }
        return cell.value.withLock { stored in
            if let known = stored as? Value { return known }
            let built = build(self)
            stored = built
            return built
        }
    }
}

/// One shared value of a run, built under its own lock so that different values build at once.
final class SharedValue: Sendable {
    let value = Locked<(any Sendable)?>(nil)
}

/// The key of `LintContext.all(T.self)`'s shared value.
private enum AllOfType<T> {}

/// Knowledge and settings a lint run was given beyond its files.
public struct LintOptions: Sendable {
    /// Free-form settings (`scrape-interval: 30s`), from the command line or `.vigil.yaml`.
    public var settings: [String: String]
    /// Typed knowledge supplied by higher layers (a metric catalogue, a stack).
    public var knowledge: [any Sendable]

    public init(settings: [String: String] = [:], knowledge: [any Sendable] = []) {
        self.settings = settings
        self.knowledge = knowledge
    }

    /// The first piece of knowledge of a type.
    public func knowledge<T>(_ type: T.Type) -> T? {
        knowledge.lazy.compactMap { $0 as? T }.first
    }
}
