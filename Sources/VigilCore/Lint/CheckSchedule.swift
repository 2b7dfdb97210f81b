/// How one lint run spreads its checks over tasks: a task per check, except for sliced checks,
/// which run by family on slices of their items (a task per slice runs the whole family).
struct CheckSchedule {
    /// One item type's sliced checks and the ranges of its items, in order.
    struct Family: Sendable {
        var checks: [(type: any Check.Type, slicing: CheckSlicing)]
        var slices: [Range<Int>]
    }

    /// The checks that run alone, over everything.
    var whole: [any Check.Type] = []
    /// The sliced checks by item type, in the order of their first check in the registry.
    var families: [Family] = []

    init(_ checks: [any Check.Type], context: LintContext, itemsPerSlice: Int = CheckSlicing.itemsPerSlice) {
        var index: [ObjectIdentifier: Int] = [:]
        for check in checks {
            guard let slicing = check.slicing else {
                whole.append(check)
                continue
            }
            if let i = index[slicing.family] {
                families[i].checks.append((check, slicing))
            } else {
                index[slicing.family] = families.count
                families.append(Family(checks: [(check, slicing)], slices: []))
            }
        }
        let size = max(1, itemsPerSlice)
        for i in families.indices {
            let count = families[i].checks[0].slicing.count(context)
            // A run without items still runs each check once, on the empty slice at 0 (a check
            // may report from the run's first slice about things that are not items).
            families[i].slices = count == 0 ? [0..<0] : stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
        }
    }
}
