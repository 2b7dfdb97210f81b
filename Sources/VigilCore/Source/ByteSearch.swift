import Foundation

extension StringProtocol {
    /// Whether `needle` occurs in the text, compared byte by byte (UTF-8).
    ///
    /// `contains(_:)` and `firstRange(of:)` compare by Unicode rules through generic collection
    /// code; checks ask this of every metric name and template of large rule files, where a
    /// byte comparison means the same thing.
    public func containsBytes(_ needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { n in
            if let found = utf8.withContiguousStorageIfAvailable({ ByteSearch.contains($0, n) }) { return found }
            return Array(utf8).withUnsafeBufferPointer { ByteSearch.contains($0, n) }
        }
    }
}

enum ByteSearch {
    /// Whether `needle` occurs in `haystack`: memchr to each candidate first byte, then memcmp.
    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let n = needle.baseAddress, needle.count > 0 else { return true }
        guard let h = haystack.baseAddress, haystack.count >= needle.count else { return false }
        let lastStart = haystack.count - needle.count
        var i = 0
        while i <= lastStart, let hit = memchr(h + i, Int32(n.pointee), lastStart - i + 1) {
            let at = h.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(h + at, n, needle.count) == 0 { return true }
            i = at + 1
        }
        return false
    }
}
