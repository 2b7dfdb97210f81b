import Foundation
import VigilCore

/// Recognises a stack file (`kind: Stack`): resolves it for every environment, reports the
/// problems of the stack itself, and lints what each environment renders.
public struct StackKind: FileKind {
    public init() {}
    public var name: String { "vigil-stack" }

    public func matches(_ document: Document) -> Bool {
        document.root["kind"]?.scalarText == "Stack" && document.root["apiVersion"]?.scalarText?.hasPrefix("vigil/") == true
    }

    public func decode(_ document: Document, embedded: EmbeddedDecoder) -> DecodeOutput {
        let file = document.file
        var out = DecodeOutput()
        var seen = Set<Diagnostic>()
        let envs = StackLoader.environments(of: file)
        for env in envs.isEmpty ? [nil] : envs.map(Optional.some) {
            let (resolved, diagnostics) = StackLoader.load(file, environment: env, readFile: StackFiles.reader(relativeTo: file.path))
            for d in diagnostics where seen.insert(d).inserted { out.diagnostics.append(d) }
            guard let resolved else { continue }
            out.artifacts.append(StackArtifact(file: file, resolved: resolved))
            let (_, result) = StackValidation.validate(resolved)
            for d in result.diagnostics where seen.insert(d).inserted { out.diagnostics.append(d) }
        }
        return out
    }
}

/// A resolved stack in a lint run (one per environment).
public struct StackArtifact: Artifact {
    public let file: SourceFile
    public let resolved: ResolvedStack
}

/// Reads the files a stack references, relative to the stack file.
public enum StackFiles {
    public static func reader(relativeTo stackPath: String) -> @Sendable (String) -> SourceFile? {
        let dir = stackPath.contains("/") ? String(stackPath[..<(stackPath.lastIndex(of: "/") ?? stackPath.endIndex)]) : "."
        return { relative in
            let path = relative.hasPrefix("/") ? relative : (dir == "." ? relative : dir + "/" + relative)
            return try? SourceFile.read(path).get()
        }
    }
}
