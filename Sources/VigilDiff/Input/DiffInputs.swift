import Foundation
import VigilCore

/// Why `vigil diff` could not read what it was given (exit status 2).
public enum DiffInputError: Error, CustomStringConvertible, Equatable, Sendable {
    case notFound(String)
    case unreadable(String)
    case bothStandardInput
    case standardInputWithDirectory
    case fileWithDirectory(file: String, directory: String)

    public var description: String {
        switch self {
        case .notFound(let p): return "\(p): no such file or directory"
        case .unreadable(let p): return "\(p): cannot read it"
        case .bothStandardInput: return "only one side can be `-` (standard input)"
        case .standardInputWithDirectory: return "standard input (`-`) can only be compared with a file, not a directory"
        case .fileWithDirectory(let f, let d): return "cannot compare the file \(f) with the directory \(d); give two files or two directories"
        }
    }
}

/// One side of `vigil diff A B` as read from disk.
public enum DiffSide: Sendable {
    case file(SourceFile)
    /// Relative path → file (the file's own `path` is the path on disk, for locations).
    case tree([String: SourceFile])
}

/// Reads the sides of a comparison from disk and standard input.
public enum DiffInputs {
    /// File names a directory walk compares (as `vigil lint` reads them).
    public static let extensions = [".yaml", ".yml", ".json", ".conf"]

    /// Reads `path`: `-` is standard input (through `readStandardInput`), a directory is read
    /// recursively (hidden files and folders skipped).
    public static func read(_ path: String, readStandardInput: () -> [UInt8]) throws(DiffInputError) -> DiffSide {
        if path == "-" { return .file(SourceFile(path: "-", bytes: readStandardInput())) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .notFound(path) }
        if !isDirectory.boolValue {
            guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path) }
            return .file(SourceFile(path: path, bytes: [UInt8](data)))
        }
        return .tree(try readTree(path))
    }

    /// Every comparable file below `directory`, by path relative to it.
    public static func readTree(_ directory: String) throws(DiffInputError) -> [String: SourceFile] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { throw .unreadable(directory) }
        var out: [String: SourceFile] = [:]
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        while let item = enumerator.nextObject() as? String {
            let name = item.split(separator: "/").last.map(String.init) ?? item
            if name.hasPrefix(".") {
                enumerator.skipDescendants()
                continue
            }
            let lower = name.lowercased()
            guard extensions.contains(where: { lower.hasSuffix($0) }) else { continue }
            let full = base + "/" + item
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            guard let data = FileManager.default.contents(atPath: full) else { throw .unreadable(full) }
            out[item] = SourceFile(path: full, bytes: [UInt8](data))
        }
        return out
    }
}
