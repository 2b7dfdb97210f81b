/// Why a render could not be written; every message names the path concerned.
public enum OutputError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A path in the tree is not an acceptable relative path.
    case invalidPath(String, reason: String)
    /// The tree has `file` both as a file and as a folder of `inside`.
    case conflictingPaths(file: String, inside: String)
    /// Writing `path` would leave the output folder: a symlink resolves to `resolved`.
    case escapesOutput(path: String, resolved: String)
    /// The output folder itself exists as something other than a folder.
    case outputIsNotAFolder(String)
    /// A file (or other non-folder) is where a folder is needed.
    case fileInTheWay(path: String)
    /// A folder is where a file should be written.
    case folderInTheWay(path: String)
    /// The operating system refused `operation` on `path`.
    case permissionDenied(path: String, operation: String)
    /// Any other failure of `operation` on `path`, with the system's reason.
    case io(path: String, operation: String, reason: String)

    public var description: String {
        switch self {
        case .invalidPath(let path, let reason):
            return "invalid output path '\(OutputError.printable(path))': \(reason)"
        case .conflictingPaths(let file, let inside):
            return "invalid output tree: '\(file)' is a file but '\(inside)' needs it to be a folder"
        case .escapesOutput(let path, let resolved):
            return "refusing to write '\(path)': a symlink leads outside the output folder (to '\(resolved)')"
        case .outputIsNotAFolder(let path):
            return "output folder '\(path)' exists and is not a folder; choose another --out or remove it"
        case .fileInTheWay(let path):
            return "cannot create folder '\(path)': a file is in the way; move or remove it"
        case .folderInTheWay(let path):
            return "cannot write '\(path)': a folder is in the way; move or remove it"
        case .permissionDenied(let path, let operation):
            return "cannot \(operation) '\(path)': permission denied"
        case .io(let path, let operation, let reason):
            return "cannot \(operation) '\(path)': \(reason)"
        }
    }

    /// Shows a NUL as `\0` so the message stays one printable line.
    private static func printable(_ path: String) -> String {
        path.replacingNUL()
    }
}

extension String {
    fileprivate func replacingNUL() -> String {
        var out = ""
        for scalar in unicodeScalars {
            switch scalar {
            case "\0": out += "\\0"
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
