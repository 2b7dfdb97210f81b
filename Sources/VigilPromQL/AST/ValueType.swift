/// The four PromQL value types.
public enum ValueType: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case scalar
    case instantVector
    case rangeVector
    case string

    /// The name Prometheus uses in messages ("instant vector").
    public var description: String {
        switch self {
        case .scalar: return "scalar"
        case .instantVector: return "instant vector"
        case .rangeVector: return "range vector"
        case .string: return "string"
        }
    }
}
