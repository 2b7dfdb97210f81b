import VigilCore

/// The presets a stack can `extend` (`templates/presets/*.yaml`, embedded at build time):
/// `http-service`, `kubernetes-exporters`, `elk-logging`.
///
/// A preset is a partial stack. Scalars may use `${service}` (the service name), `${Service}`
/// (capitalised) and `${namespace}`, replaced once the environment is known.
public enum Presets {
    public static var names: [String] { sources.map(\.name) }

    /// The preset's document node.
    public static func node(named name: String) -> Node? {
        guard let text = sources.first(where: { $0.name == name })?.text else { return nil }
        return YAMLLoader.load(SourceFile(path: "templates/presets/\(name).yaml", text: text)).documents.first?.root
    }

    /// The preset's text (for `vigil init` and documentation).
    public static func text(named name: String) -> String? {
        sources.first { $0.name == name }?.text
    }
}
