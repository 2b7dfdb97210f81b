/// When an executable should start again with glibc's malloc backed by transparent huge pages
/// (the `glibc.malloc.hugetlb=1` tunable, which glibc reads only at exec), and with what
/// `GLIBC_TUNABLES`. A pure decision, so that it can be tested; the `vigil` executable acts
/// on it (the library never changes its caller's process).
///
/// With huge pages, a large lint takes one page fault per 2 MiB instead of one per 4 KiB: on a
/// 6 MB rule file, a sixth of the run. Only named regular files count: a directory of many
/// small manifests gains nothing on the median and varies twice as much.
public struct HugePagePolicy: Sendable {
    /// Named files at least this large make it worth starting again.
    public static let inputBytes = 4 << 20
    /// Set (to anything) to keep the process as it started.
    public static let optOutVariable = "VIGIL_NO_HUGE_PAGES"

    /// The process's environment.
    public var environment: [String: String]
    /// `/sys/kernel/mm/transparent_hugepage/enabled`, when readable.
    public var transparentHugePages: String?
    /// Whether glibc runs in secure mode (setuid and the like), where it ignores tunables.
    public var secureMode: Bool
    /// The size of a path when it is a regular file, else 0.
    public var regularFileSize: @Sendable (String) -> Int

    public init(environment: [String: String], transparentHugePages: String?, secureMode: Bool,
                regularFileSize: @escaping @Sendable (String) -> Int) {
        self.environment = environment
        self.transparentHugePages = transparentHugePages
        self.secureMode = secureMode
        self.regularFileSize = regularFileSize
    }

    /// The `GLIBC_TUNABLES` to start again with for a lint of `paths`, or nil to carry on:
    /// standard input (`-`) is never read twice, and an explicit `glibc.malloc.hugetlb`, the
    /// opt-out variable, huge pages off or secure mode keep the process as it is.
    public func tunables(forInputs paths: [String]) -> String? {
        guard environment[Self.optOutVariable] == nil, !secureMode, !paths.contains("-") else { return nil }
        let current = environment["GLIBC_TUNABLES"] ?? ""
        guard !current.contains("glibc.malloc.hugetlb") else { return nil }
        guard let mode = transparentHugePages, mode.contains("[always]") || mode.contains("[madvise]") else { return nil }
        guard paths.contains(where: { regularFileSize($0) >= Self.inputBytes }) else { return nil }
        return current.isEmpty ? "glibc.malloc.hugetlb=1" : current + ":glibc.malloc.hugetlb=1"
    }
}
