import VigilCore

/// A route with where it sits in the tree, for checks that report on routes.
public struct RouteVisit: Sendable {
    public let route: Route
    /// `route`, `route.routes[0]`, `route.routes[0].routes[2]`.
    public let path: String
    public let depth: Int
    /// The receiver the route delivers to, inherited from its ancestors when unset.
    public let effectiveReceiver: String?
    /// The route's ancestors, root first.
    public let ancestors: [Route]
}

extension AlertmanagerConfig {
    /// Every route of the tree, depth-first in document order (root first).
    public var allRoutes: [RouteVisit] {
        guard let root = route else { return [] }
        var out: [RouteVisit] = []
        var stack: [(Route, String, Int, String?, [Route])] = [(root, "route", 0, root.receiver, [])]
        while let (r, path, depth, receiver, ancestors) = stack.popLast() {
            out.append(RouteVisit(route: r, path: path, depth: depth, effectiveReceiver: receiver, ancestors: ancestors))
            let children = r.routes ?? []
            for (i, child) in children.enumerated().reversed() {
                let rc = (child.receiver?.isEmpty ?? true) ? receiver : child.receiver
                stack.append((child, "\(path).routes[\(i)]", depth + 1, rc, ancestors + [r]))
            }
        }
        return out
    }
}
