import Foundation
import Testing
import VigilCore

@Suite struct ParallelMapTests {
    @Test(arguments: [0, 1, 2, 63, 64, 65, 1000])
    func resultsAreInOrder(count: Int) {
        let items = Array(0..<count)
        #expect(items.parallelMap { $0 * 3 + 1 } == items.map { $0 * 3 + 1 })
    }

    /// A value that counts how many of its kind are alive.
    final class Tracked: Sendable {
        static let lock = NSLock()
        nonisolated(unsafe) static var count = 0
        static var alive: Int { lock.withLock { count } }
        let n: Int
        init(_ n: Int) {
            self.n = n
            Self.lock.withLock { Self.count += 1 }
        }
        deinit { Self.lock.withLock { Self.count -= 1 } }
    }

    /// The results are owned by the returned array alone: none is leaked by the work buffer.
    @Test func resultsAreNotLeaked() {
        do {
            let tracked = Array(0..<500).parallelMap { Tracked($0) }
            #expect(tracked.map(\.n) == Array(0..<500))
            #expect(Tracked.alive == 500)
        }
        #expect(Tracked.alive == 0)
    }

    /// Optional results keep their nils.
    @Test func optionalResultsKeepTheirNils() {
        let out: [Int?] = Array(0..<100).parallelMap { $0 % 3 == 0 ? nil : $0 }
        #expect(out.count == 100)
        #expect(out.compactMap { $0 } == Array(0..<100).filter { $0 % 3 != 0 })
    }
}
