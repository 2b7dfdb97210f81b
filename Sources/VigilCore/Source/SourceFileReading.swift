extension SourceFile {
    /// Reads a file (`-` is standard input) as `vigil lint` does: a file larger than
    /// `limits.maxFileSize` is refused before it is read, and every failure says why.
    public static func read(_ path: String, limits: FileLimits = FileLimits()) -> Result<SourceFile, FileReadError> {
        FileReader.read(path, limits: limits)
    }
}
