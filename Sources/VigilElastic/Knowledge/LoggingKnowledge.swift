/// What the stack knows about the service's logs and how Filebeat ships them, for the checks
/// that need it (conditions on fields nothing sets, `date` on a field the logs do not carry).
///
/// Supplied by a higher layer (the stack) through `LintOptions.knowledge`; the checks that read
/// it stay silent without it. Filebeat configs found in the lint run (`filebeat.yml`, also in a
/// ConfigMap) supply `filebeatFields` and `fieldsUnderRoot` when no knowledge is given.
public struct LoggingKnowledge: Sendable, Hashable {
    /// The fields of one log line as the service writes it (the keys of its JSON logs), or nil
    /// when unknown.
    public var logFields: [String]?
    /// Filebeat's custom `fields` (`service: aurelis`).
    public var filebeatFields: [String]
    /// Filebeat's `fields_under_root`: custom fields at the event root instead of under `fields`.
    public var fieldsUnderRoot: Bool

    public init(logFields: [String]? = nil, filebeatFields: [String] = [], fieldsUnderRoot: Bool = false) {
        self.logFields = logFields
        self.filebeatFields = filebeatFields
        self.fieldsUnderRoot = fieldsUnderRoot
    }
}
