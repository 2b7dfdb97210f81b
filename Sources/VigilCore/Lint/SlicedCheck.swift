/// A check whose findings for one item (one rule, one object) depend on that item alone.
///
/// The linter runs all sliced checks of one item type together, slice by slice: every check of
/// a family reads a slice of items while it is still in the core's cache, and the slices spread
/// over the cores. One task per check over all items made each check read every item from
/// memory again: on 10 000 rules, most of a check's time was spent waiting for memory.
///
/// A conforming check implements `run(_:_:_:)` for a slice; `run(_:_:)` over all items comes
/// with the protocol. Checks with the same `Item` type must give the same `items(in:)`.
public protocol SlicedCheck: Check {
    associatedtype Item: Sendable
    /// Every item of the run, in a fixed order (a shared value of the context, built once).
    static func items(in context: LintContext) -> [Item]
    /// Reports the findings of the items in `items`.
    func run(_ items: ArraySlice<Item>, _ context: LintContext, _ report: inout CheckReport)
}

extension SlicedCheck {
    public func run(_ context: LintContext, _ report: inout CheckReport) {
        run(Self.items(in: context)[...], context, &report)
    }

    public static var slicing: CheckSlicing? {
        CheckSlicing(family: ObjectIdentifier(Item.self),
                     count: { items(in: $0).count },
                     run: { context, range, report in
                         let all = items(in: context)
                         Self().run(all[range.clamped(to: all.indices)], context, &report)
                     })
    }
}

/// How the linter runs a sliced check on part of its items (type-erased `SlicedCheck`).
public struct CheckSlicing: Sendable {
    /// The item type: checks of one family share their slices.
    public let family: ObjectIdentifier
    /// How many items the run has.
    public let count: @Sendable (LintContext) -> Int
    /// Runs the check on the items in a range.
    public let run: @Sendable (LintContext, Range<Int>, inout CheckReport) -> Void

    /// Items per slice: enough that a task's start is noise, few enough that a slice's models stay
    /// in a core's cache while a family's checks read them.
    public static let itemsPerSlice = 256
}
