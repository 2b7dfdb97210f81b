import VigilCore
import VigilPrometheus

/// A stack resolved for one environment, with what it was resolved from.
public struct ResolvedStack: Sendable {
    public let stack: Stack
    /// The stack file.
    public let file: SourceFile
    /// The metric catalogue: the catalogue file's metrics, the inline ones, and includes.
    public let catalogue: MetricCatalogue
}

/// Loads `vigil.yaml`: merges its presets (`extends:`), then an environment's overlay, and
/// decodes the result strictly.
public enum StackLoader {
    /// The environments a stack file declares, in order.
    public static func environments(of file: SourceFile) -> [String] {
        guard let root = YAMLLoader.load(file).documents.first?.root else { return [] }
        return root["environments"]?.mapping?.keys ?? []
    }

    /// The environments a stack written in Swift declares, in order.
    public static func environments(of stack: Stack) -> [String] {
        stack.environments.map { Array($0.keys) } ?? []
    }

    /// Resolves the stack of `file` for `environment` (nil: the base stack without overlays).
    /// `readFile` reads files the stack references (the catalogue), relative to the stack file.
    public static func load(_ file: SourceFile, environment: String?, readFile: (String) -> SourceFile?) -> (ResolvedStack?, [Diagnostic]) {
        let loaded = YAMLLoader.load(file)
        var diagnostics = loaded.diagnostics
        guard let root = loaded.documents.first?.root else {
            if diagnostics.isEmpty {
                diagnostics.append(Diagnostic(rule: SchemaRule.missingField, severity: .error, message: "the stack file is empty", file: file.path))
            }
            return (nil, diagnostics)
        }
        guard root.mapping != nil else {
            diagnostics.append(Diagnostic(rule: SchemaRule.typeMismatch, severity: .error, message: "a stack file is a mapping (apiVersion: vigil/v1, service: …)", in: file, range: root.range))
            return (nil, diagnostics)
        }
        let (resolved, more) = resolve(root, file: file, environment: environment, readFile: readFile)
        return (resolved, diagnostics + more)
    }

    /// Resolves a stack written in Swift for `environment` (nil: the base stack), exactly as
    /// the same stack in a `vigil.yaml` would be: presets merged, the environment's overlay
    /// applied, `${service}`/`${namespace}`/`${environment}` substituted, strictly re-decoded.
    /// `readFile` reads a `catalogue` file the stack names (none by default).
    public static func load(_ stack: Stack, environment: String?, readFile: (String) -> SourceFile? = { _ in nil }) -> (ResolvedStack?, [Diagnostic]) {
        let file = SourceFile(path: "\(stack.service.name).swift", text: "")
        let root: Node
        do {
            root = try NodeEncoder().encode(stack)
        } catch {
            return (nil, [Diagnostic(rule: SchemaRule.invalidValue, severity: .error, message: "the stack cannot be encoded: \(error)", file: file.path)])
        }
        return resolve(root, file: file, environment: environment, readFile: readFile)
    }

    /// Merges presets and the environment's overlay over `root`, and decodes the result.
    static func resolve(_ root: Node, file: SourceFile, environment: String?, readFile: (String) -> SourceFile?) -> (ResolvedStack?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let rootName = root["service"]?["name"]?.scalarText ?? "service"
        let names = ["service": rootName, "Service": rootName.prefix(1).uppercased() + rootName.dropFirst()]
        var merged: Node?
        for pair in root["extends"]?.sequence ?? [] {
            guard let name = pair.scalarText else { continue }
            guard let preset = Presets.node(named: name) else {
                let hint = Suggestion.closest(to: name, in: Presets.names).map { "did you mean \"\($0)\"?" } ?? "presets: \(Presets.names.joined(separator: ", "))"
                diagnostics.append(Diagnostic(rule: StackRules.unknownPreset.id, severity: .error, message: "unknown preset \"\(name)\"", in: file, range: pair.range, hint: hint))
                continue
            }
            let named = NodeMerge.relocate(NodeMerge.substitute(preset, names), to: pair.range)
            merged = merged.map { NodeMerge.merge($0, named) } ?? named
        }
        var stackNode = merged.map { NodeMerge.merge($0, root) } ?? root
        if let environment {
            guard let overlay = root["environments"]?[environment] else {
                let known = root["environments"]?.mapping?.keys ?? []
                let hint = Suggestion.closest(to: environment, in: known).map { "did you mean \"\($0)\"?" } ?? "environments: \(known.joined(separator: ", "))"
                diagnostics.append(Diagnostic(rule: "stack/unknown-environment", severity: .error, message: "the stack has no environment \"\(environment)\"", file: file.path, hint: hint))
                return (nil, diagnostics)
            }
            stackNode = NodeMerge.merge(stackNode, desugar(overlay))
            stackNode = NodeMerge.merge(stackNode, .mapping([("environment", .string(environment))]))
        }
        let serviceName = stackNode["service"]?["name"]?.scalarText ?? "service"
        let namespace = stackNode["service"]?["namespace"]?.scalarText ?? serviceName
        stackNode = NodeMerge.substitute(stackNode, [
            "service": serviceName, "Service": serviceName.prefix(1).uppercased() + serviceName.dropFirst(), "namespace": namespace,
            "environment": environment ?? "default",
        ])
        let (value, decodeDiagnostics) = StrictDecoder(file: file).decode(Stack.self, from: stackNode)
        diagnostics += decodeDiagnostics
        guard let stack = value else { return (nil, diagnostics) }
        var metrics = stack.metrics ?? []
        var scrapeLabels: [String]?
        var include = stack.includeCatalogues ?? []
        if let path = stack.catalogue {
            if let cf = readFile(path) {
                let (c, problems) = MetricCatalogueKind.load(cf)
                diagnostics += problems
                if let c {
                    metrics = c.metrics + metrics
                    scrapeLabels = c.scrapeLabels
                    include += c.include ?? []
                }
            } else {
                diagnostics.append(Diagnostic(rule: CoreRules.io.id, severity: .error, message: "cannot read the catalogue \"\(path)\"",
                                              in: file, range: stack.origin?.range(ofValue: "catalogue")))
            }
        }
        for job in stack.scrape?.jobs ?? [] { if let c = job.catalogue { include.append(c) } }
        var seen = Set<String>()
        include = include.filter { seen.insert($0).inserted }
        let catalogue = MetricCatalogue(scrapeLabels: scrapeLabels ?? ["job", "instance", "namespace", "pod"], include: include, metrics: metrics)
        return (ResolvedStack(stack: stack, file: file, catalogue: catalogue), diagnostics)
    }

    /// Environment shorthands: `namespace`, `replicas`, `image` set the service's.
    static func desugar(_ overlay: Node) -> Node {
        guard let m = overlay.mapping else { return overlay }
        var service: [(String, Node)] = []
        var rest: [Pair] = []
        for p in m.pairs {
            if let k = p.key.scalarText, ["namespace", "replicas", "image", "monitoringNamespace"].contains(k) {
                service.append((k, p.value))
            } else {
                rest.append(p)
            }
        }
        var out = Node(.mapping(Mapping(rest)), range: overlay.range)
        if !service.isEmpty { out = NodeMerge.merge(out, .mapping([("service", .mapping(service))])) }
        return out
    }
}
