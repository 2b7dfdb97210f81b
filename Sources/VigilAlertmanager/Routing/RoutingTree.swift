import VigilCore

/// The routing tree as Alertmanager evaluates it: each node with its sorted matchers and the
/// options it inherits from its parent (receiver, grouping, timings).
public struct RoutingNode: Sendable {
    /// Matchers of this node (legacy `match`/`match_re` converted), in Alertmanager's order.
    public let matchers: [LabelMatcher]
    public let receiver: String
    public let `continue`: Bool
    /// Grouping labels; empty with `groupByAll` false means one group per route.
    public let groupBy: [String]
    public let groupByAll: Bool
    public let groupWait: Duration
    public let groupInterval: Duration
    public let repeatInterval: Duration
    public let muteTimeIntervals: [String]
    public let activeTimeIntervals: [String]
    public let children: [RoutingNode]
    /// Where the route is in the file: `route.routes[1].routes[0]`.
    public let path: String
    public let origin: Provenance?

    /// Alertmanager's defaults for the root route.
    public static let defaultGroupWait = Duration.seconds(30)
    public static let defaultGroupInterval = Duration.minutes(5)
    public static let defaultRepeatInterval = Duration.hours(4)

    /// Builds the tree of a config's `route`, or nil when it has none.
    public init?(config: AlertmanagerConfig) {
        guard let root = config.route else { return nil }
        self.init(route: root, parent: nil, path: "route", depth: 0)
    }

    /// What a child inherits.
    struct Inherited {
        var receiver: String
        var groupBy: [String]
        var groupByAll: Bool
        var groupWait: Duration
        var groupInterval: Duration
        var repeatInterval: Duration
    }

    init(route r: Route, parent: Inherited?, path: String, depth: Int) {
        receiver = r.receiver.isSet ? (r.receiver ?? "") : (parent?.receiver ?? "")
        let labels = (r.groupBy ?? []).filter { $0 != "..." }
        if !labels.isEmpty {
            groupBy = labels
            groupByAll = false
        } else {
            groupBy = parent?.groupBy ?? []
            groupByAll = r.groupsByAll || (parent?.groupByAll ?? false)
        }
        groupWait = r.groupWait ?? parent?.groupWait ?? RoutingNode.defaultGroupWait
        groupInterval = r.groupInterval ?? parent?.groupInterval ?? RoutingNode.defaultGroupInterval
        repeatInterval = r.repeatInterval ?? parent?.repeatInterval ?? RoutingNode.defaultRepeatInterval
        var ms: [LabelMatcher] = []
        for (k, v) in r.match ?? StringMap() {
            if let m = try? LabelMatcher(name: k, op: .equal, value: v) { ms.append(m) }
        }
        // Alertmanager turns a match_re value into the anchored expression it compiled and
        // anchors that again; amtool shows it that way.
        for (k, v) in r.matchRE ?? StringMap() {
            if let m = try? LabelMatcher(name: k, op: .regex, value: "^(?:" + v.pattern + ")$") { ms.append(m) }
        }
        for line in r.matchers ?? [] { ms.append(contentsOf: line.matchers) }
        matchers = ms.sorted(by: LabelMatcher.routeOrder)
        `continue` = r.continue ?? false
        muteTimeIntervals = r.muteTimeIntervals ?? []
        activeTimeIntervals = r.activeTimeIntervals ?? []
        self.path = path
        origin = r.origin
        let inherited = Inherited(receiver: receiver, groupBy: groupBy, groupByAll: groupByAll,
                                  groupWait: groupWait, groupInterval: groupInterval, repeatInterval: repeatInterval)
        var kids: [RoutingNode] = []
        // The decoder bounds nesting; this bound only guards trees built in code.
        if depth < 1000 {
            for (i, child) in (r.routes ?? []).enumerated() {
                kids.append(RoutingNode(route: child, parent: inherited, path: "\(path).routes[\(i)]", depth: depth + 1))
            }
        }
        children = kids
    }

    /// Whether the node's own matchers accept the labels.
    public func accepts(_ labels: [String: String]) -> Bool { allMatch(matchers, labels) }

    /// The nodes an alert with `labels` ends at, in Alertmanager's order: depth-first, left to
    /// right, stopping at the first matching child unless it has `continue: true`; a node
    /// none of whose children match is itself the match.
    public func match(_ labels: [String: String]) -> [RoutingNode] {
        guard accepts(labels) else { return [] }
        var all: [RoutingNode] = []
        for child in children {
            let found = child.match(labels)
            all.append(contentsOf: found)
            if !found.isEmpty && !child.continue { break }
        }
        return all.isEmpty ? [self] : all
    }

    /// The receivers an alert with `labels` is sent to, in order (repeats kept, as amtool does).
    public func receivers(for labels: [String: String]) -> [String] { match(labels).map(\.receiver) }
}
