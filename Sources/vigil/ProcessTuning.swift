import Glibc

/// Process-wide settings of the `vigil` executable (never of the library, whose callers own
/// their process).
enum ProcessTuning {
    /// glibc's `M_TOP_PAD`: how much more than asked a heap grows by.
    ///
    /// The threads that load and decode allocate from their own arenas, and glibc grows those a
    /// page at a time with `mprotect`, each call taking the address-space lock for writing while
    /// the other core's page faults wait for it (a third of a large lint's context switches).
    /// With 64 MiB of padding an arena is writable at once; untouched pages cost no memory.
    static let topPadBytes: Int32 = 64 << 20

    /// Applies the settings; before any worker thread allocates, so that every arena has them.
    static func apply() {
        // mallopt is not in the Glibc module's headers; dlsym finds it in every glibc.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        let topPad: Int32 = -2  // M_TOP_PAD in <malloc.h>
        _ = mallopt(topPad, topPadBytes)
    }
}
