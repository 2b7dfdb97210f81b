import Foundation

extension Array where Element: Sendable {
    /// `transform` over the elements in chunks on all cores; the results in the elements' order.
    /// For work inside one decoding or check task that is worth spreading (thousands of
    /// expressions, objects), not for a handful of elements.
    public func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let n = count
        guard n > 1 else { return map(transform) }
        let chunks = Swift.min(n, 64)
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: n)
        results.initialize(repeating: nil)
        defer {
            results.deinitialize()
            results.deallocate()
        }
        nonisolated(unsafe) let out = results
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let lo = c * n / chunks, hi = (c + 1) * n / chunks
            for i in lo..<hi { out[i] = transform(self[i]) }
        }
        return results.compactMap { $0 }  // every slot is set: this unwraps the buffer's optional only
    }
}
