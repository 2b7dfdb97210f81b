import VigilCore
@testable import VigilDiff

/// Shared helpers: compare YAML texts or trees and read back what was reported.
enum Diffing {
    static func files(_ a: String, _ b: String) -> DiffResult {
        SemanticDiff.diff(oldFile: SourceFile(path: "a.yaml", text: a), newFile: SourceFile(path: "b.yaml", text: b))
    }

    static func trees(_ a: [String: String], _ b: [String: String], ignore: [String] = []) -> DiffResult {
        func tree(_ side: String, _ files: [String: String]) -> [String: SourceFile] {
            var out: [String: SourceFile] = [:]
            for (path, text) in files { out[path] = SourceFile(path: side + "/" + path, text: text) }
            return out
        }
        return SemanticDiff.diff(old: tree("old", a), new: tree("new", b), options: DiffOptions(ignore: ignore.map(IgnorePattern.init)))
    }
}

extension DiffResult {
    /// Every change, in report order.
    var allChanges: [Change] { files.flatMap { $0.documents.flatMap(\.changes) } }
    /// `kind path` of every change, in report order.
    var summaries: [String] { allChanges.map { "\($0.kind.rawValue) \($0.path)" } }
}
