import VigilCore

/// How a document is recognised on both sides of a comparison.
public enum DocumentIdentity: Sendable, Hashable, CustomStringConvertible {
    /// A Kubernetes object: matched across files by apiVersion, kind, namespace and name (with
    /// fallbacks for a changed API version or namespace, see `TreeDiff`).
    case kubernetes(apiVersion: String, kind: String, namespace: String?, name: String)
    /// The n-th (0-based) document of a file that is not a Kubernetes object.
    case document(index: Int)
    /// A Logstash pipeline file, compared by its syntax tree.
    case logstash
    /// A file compared as text.
    case text

    /// `apps/v1 Deployment aurelis-production/aurelis`, `document 0`, `text`.
    public var description: String {
        switch self {
        case .kubernetes(let apiVersion, let kind, let namespace, let name):
            return "\(apiVersion) \(kind) " + (namespace.map { "\($0)/" } ?? "") + name
        case .document(let index): return "document \(index)"
        case .logstash: return "logstash pipeline"
        case .text: return "text"
        }
    }

    /// The identity of a Kubernetes object (a mapping with scalar `apiVersion`, `kind` and
    /// `metadata.name`), or nil.
    public static func kubernetes(of root: Node) -> DocumentIdentity? {
        guard let m = root.mapping,
              let apiVersion = m["apiVersion"]?.scalarText, !apiVersion.isEmpty,
              let kind = m["kind"]?.scalarText, !kind.isEmpty,
              let metadata = m["metadata"]?.mapping,
              let name = metadata["name"]?.scalarText, !name.isEmpty
        else { return nil }
        let namespace = metadata["namespace"]?.scalarText.flatMap { $0.isEmpty ? nil : $0 }
        return .kubernetes(apiVersion: apiVersion, kind: kind, namespace: namespace, name: name)
    }

    /// The items of a Kubernetes list (`kind: List`, or a typed `…List` such as
    /// `DeploymentList`, with an `items` sequence), or nil for any other document.
    public static func listItems(of root: Node) -> [Node]? {
        guard let m = root.mapping,
              let apiVersion = m["apiVersion"]?.scalarText, !apiVersion.isEmpty,
              let kind = m["kind"]?.scalarText, kind.hasSuffix("List"),
              let items = m["items"]?.sequence
        else { return nil }
        return items
    }

    /// The object's kind, for Kubernetes identities.
    public var kind: String? {
        if case .kubernetes(_, let kind, _, _) = self { return kind }
        return nil
    }
}
