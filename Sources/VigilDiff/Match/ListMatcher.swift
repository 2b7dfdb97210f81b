import VigilCore

/// Pairs the items of two lists in linear time.
///
/// 1. When a `ListIdentity` applies to every item, items pair by identity through a hash
///    table (items of a repeated identity pair equal content first, then by occurrence: the
///    second `alert: X` with the second).
/// 2. Otherwise items equal as data pair by fingerprint (an inserted item shifts nothing);
///    the items left over pair by position among themselves, and what remains is added or
///    removed.
///
/// Moves (except in lists whose order means nothing, `ListIdentity.unorderedListKeys`) are the paired items outside a longest increasing subsequence of old positions taken
/// in new order (O(n log n)), i.e. the fewest items whose moving explains the new order.
struct ListMatcher {
    struct Pairing {
        var old: Int
        var new: Int
        var step: DiffPath.Step
    }

    struct Result {
        var pairs: [Pairing] = []
        var removed: [(index: Int, step: DiffPath.Step)] = []
        var added: [(index: Int, step: DiffPath.Step)] = []
        /// Indices into `pairs` of the items that moved.
        var moved: Set<Int> = []
    }

    static func match(old: [Node], new: [Node], key: String?) -> Result {
        var result: Result
        if let identity = ListIdentity.candidates(forKey: key).first(where: { $0.identities(of: old) != nil && $0.identities(of: new) != nil }),
           let oldIds = identity.identities(of: old), let newIds = identity.identities(of: new) {
            result = byIdentity(old: old, new: new, oldIds: disambiguated(oldIds, items: old, both: (oldIds, newIds)), newIds: disambiguated(newIds, items: new, both: (oldIds, newIds)))
        } else {
            result = byContent(old: old, new: new)
        }
        if let key, ListIdentity.unorderedListKeys.contains(key) { return result }
        result.moved = moves(result.pairs)
        return result
    }

    /// Identities with repeated alert names told apart by their `severity` label, then numbered.
    static func disambiguated(_ ids: [(field: String, value: String)], items: [Node], both: ([(field: String, value: String)], [(field: String, value: String)])) -> [DiffPath.Step] {
        var repeated = Set<String>()
        for side in [both.0, both.1] {
            var seen = Set<String>()
            for id in side where !seen.insert(id.field + "=" + id.value).inserted { repeated.insert(id.field + "=" + id.value) }
        }
        var occurrences: [String: Int] = [:]
        var out: [DiffPath.Step] = []
        out.reserveCapacity(ids.count)
        for (i, id) in ids.enumerated() {
            var value = id.value
            if repeated.contains(id.field + "=" + id.value), id.field == "alert" || id.field == "record",
               let severity = items[i]["labels"]?["severity"]?.scalarText {
                value += "{severity=" + DiffPath.quoted(severity) + "}"
            }
            let full = id.field + "=" + value
            let n = (occurrences[full] ?? 0) + 1
            occurrences[full] = n
            out.append(.identity(field: id.field, value: value, occurrence: n))
        }
        return out
    }

    /// Pairs by identity. Where an identity repeats (two routes with the same matchers), the
    /// items of that identity pair equal content first and the rest in order, so a route
    /// inserted before its twin is one addition, not a change plus an addition.
    static func byIdentity(old: [Node], new: [Node], oldIds: [DiffPath.Step], newIds: [DiffPath.Step]) -> Result {
        func base(_ s: DiffPath.Step) -> DiffPath.Step {
            if case .identity(let field, let value, _) = s { return .identity(field: field, value: value, occurrence: 1) }
            return s
        }
        var oldGroups: [DiffPath.Step: [Int]] = [:]
        oldGroups.reserveCapacity(oldIds.count)
        for (i, id) in oldIds.enumerated() { oldGroups[base(id), default: []].append(i) }
        var newGroups: [DiffPath.Step: [Int]] = [:]
        newGroups.reserveCapacity(newIds.count)
        for (j, id) in newIds.enumerated() { newGroups[base(id), default: []].append(j) }
        var partner = Array(repeating: -1, count: new.count)
        var matchedOld = Array(repeating: false, count: old.count)
        // Groups are disjoint, so the order they are visited in does not change the outcome.
        for (b, js) in newGroups {
            guard let olds = oldGroups[b] else { continue }
            if olds.count == 1 && js.count == 1 {
                partner[js[0]] = olds[0]
                matchedOld[olds[0]] = true
                continue
            }
            var buckets: [Int: [Int]] = [:]
            for i in olds { buckets[Fingerprint.of(old[i]), default: []].append(i) }
            var cursor: [Int: Int] = [:]
            var leftNew: [Int] = []
            for j in js {
                let f = Fingerprint.of(new[j])
                var c = cursor[f] ?? 0
                var found = -1
                if let candidates = buckets[f] {
                    while c < candidates.count {
                        let i = candidates[c]
                        c += 1
                        if !matchedOld[i], Fingerprint.equal(old[i], new[j]) { found = i; break }
                    }
                    cursor[f] = c
                }
                if found >= 0 {
                    partner[j] = found
                    matchedOld[found] = true
                } else {
                    leftNew.append(j)
                }
            }
            let leftOld = olds.filter { !matchedOld[$0] }
            for (j, i) in zip(leftNew, leftOld) {
                partner[j] = i
                matchedOld[i] = true
            }
        }
        var result = Result()
        for (j, i) in partner.enumerated() {
            if i >= 0 { result.pairs.append(Pairing(old: i, new: j, step: newIds[j])) } else { result.added.append((j, newIds[j])) }
        }
        for (i, id) in oldIds.enumerated() where !matchedOld[i] { result.removed.append((i, id)) }
        return result
    }

    static func byContent(old: [Node], new: [Node]) -> Result {
        var result = Result()
        // Equal items first, by fingerprint and occurrence.
        var buckets: [Int: [Int]] = [:]
        buckets.reserveCapacity(old.count)
        for (i, item) in old.enumerated() { buckets[Fingerprint.of(item), default: []].append(i) }
        var bucketCursor: [Int: Int] = [:]
        var matchedOld = Array(repeating: false, count: old.count)
        var newPartner = Array(repeating: -1, count: new.count)
        for (j, item) in new.enumerated() {
            let f = Fingerprint.of(item)
            guard let candidates = buckets[f] else { continue }
            var c = bucketCursor[f] ?? 0
            while c < candidates.count {
                let i = candidates[c]
                c += 1
                if !matchedOld[i], Fingerprint.equal(old[i], item) {
                    matchedOld[i] = true
                    newPartner[j] = i
                    break
                }
            }
            bucketCursor[f] = c
        }
        // Leftovers pair by position among themselves.
        let leftOld = old.indices.filter { !matchedOld[$0] }
        let leftNew = new.indices.filter { newPartner[$0] < 0 }
        let common = min(leftOld.count, leftNew.count)
        for k in 0..<common { newPartner[leftNew[k]] = leftOld[k] }
        for (j, i) in newPartner.enumerated() where i >= 0 {
            result.pairs.append(Pairing(old: i, new: j, step: .index(j)))
        }
        for k in common..<max(common, leftNew.count) { result.added.append((leftNew[k], .index(leftNew[k]))) }
        for k in common..<max(common, leftOld.count) { result.removed.append((leftOld[k], .index(leftOld[k]))) }
        return result
    }

    /// The pairs (by index into `pairs`, which is in new order) not on a longest increasing run
    /// of old positions.
    static func moves(_ pairs: [Pairing]) -> Set<Int> {
        guard pairs.count > 1 else { return [] }
        // Patience-sorting LIS with predecessor links.
        var tails: [Int] = []          // indices into pairs
        var predecessor = Array(repeating: -1, count: pairs.count)
        for (k, p) in pairs.enumerated() {
            var lo = 0, hi = tails.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if pairs[tails[mid]].old < p.old { lo = mid + 1 } else { hi = mid }
            }
            if lo > 0 { predecessor[k] = tails[lo - 1] }
            if lo == tails.count { tails.append(k) } else { tails[lo] = k }
        }
        var inRun = Array(repeating: false, count: pairs.count)
        var k = tails.last ?? -1
        while k >= 0 {
            inRun[k] = true
            k = predecessor[k]
        }
        var moved = Set<Int>()
        for i in pairs.indices where !inRun[i] { moved.insert(i) }
        return moved
    }
}
