/// How serious a finding is.
public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable, Codable {
    case info, warning, error

    private var rank: Int {
        switch self {
        case .info: return 0
        case .warning: return 1
        case .error: return 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// A secondary location attached to a diagnostic ("first defined here").
public struct DiagnosticNote: Sendable, Hashable {
    public var message: String
    public var file: String?
    public var range: SourceRange?

    public init(_ message: String, file: String? = nil, range: SourceRange? = nil) {
        self.message = message
        self.file = file
        self.range = range
    }
}

/// One finding: which rule, how severe, what is wrong and where, and what to do about it.
public struct Diagnostic: Sendable, Hashable {
    /// The stable rule id, `area/name`.
    public var rule: String
    public var severity: Severity
    /// What is wrong, in the user's vocabulary.
    public var message: String
    /// The path of the file as the user named it.
    public var file: String
    /// Where in the file; nil for findings about the whole file (I/O errors).
    public var range: SourceRange?
    /// What to do about it.
    public var hint: String?
    /// Related locations.
    public var notes: [DiagnosticNote]

    public init(
        rule: String, severity: Severity, message: String, file: String,
        range: SourceRange? = nil, hint: String? = nil, notes: [DiagnosticNote] = []
    ) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.file = file
        self.range = range
        self.hint = hint
        self.notes = notes
    }

    /// A diagnostic about a range of `file`; ranges in embedded files are mapped to the outer
    /// file the user knows.
    public init(
        rule: String, severity: Severity, message: String, in file: SourceFile,
        range: SourceRange?, hint: String? = nil, notes: [DiagnosticNote] = []
    ) {
        let resolved = file.resolve(range)
        var mappedNotes = notes.map { n -> DiagnosticNote in
            guard n.range != nil, n.file == nil || n.file == file.path else { return n }
            let r = file.resolve(n.range)
            return DiagnosticNote(n.message, file: r.file.path, range: r.range)
        }
        if let (what, at) = file.decodedLocation(range) {
            mappedNotes.insert(DiagnosticNote("at line \(at.line), column \(at.column) of the \(what)"), at: 0)
        }
        self.init(rule: rule, severity: severity, message: message, file: resolved.file.path,
                  range: resolved.range, hint: hint, notes: mappedNotes)
    }

    /// Sort order of reports: file, then position, then rule id.
    public static func reportOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        if a.file != b.file { return a.file < b.file }
        let ao = a.range?.start.offset ?? -1
        let bo = b.range?.start.offset ?? -1
        if ao != bo { return ao < bo }
        if a.rule != b.rule { return a.rule < b.rule }
        return a.message < b.message
    }
}
