import VigilCore

/// A prometheus-operator `AlertmanagerConfig` resource (`monitoring.coreos.com/v1alpha1`):
/// a namespaced routing subtree and its receivers, merged by the operator into the
/// Alertmanager config under a `namespace="<ns>"` matcher.
///
/// The route tree and matchers are modelled strictly; the integration bodies of receivers
/// (camelCase, secrets as `SecretKeySelector`s) are kept as extra fields.
public struct AlertmanagerConfigResource: Sendable, Codable {
    public var apiVersion: String
    public var kind: String
    public var metadata: Metadata?
    public var spec: Spec?
    public var origin: Provenance?

    public struct Metadata: Sendable, Codable {
        public var name: String?
        public var namespace: String?
        public var extra: ExtraFields?
    }

    public struct Spec: Sendable, Codable {
        public var route: ResourceRoute?
        public var receivers: [ResourceReceiver]?
        public var inhibitRules: [ResourceInhibitRule]?
        public var muteTimeIntervals: [RawNode]?
        public var origin: Provenance?
    }
}

/// A route of an `AlertmanagerConfig` (camelCase fields, structured matchers).
public struct ResourceRoute: Sendable, Codable {
    public var receiver: String?
    public var groupBy: [String]?
    public var groupWait: Duration?
    public var groupInterval: Duration?
    public var repeatInterval: Duration?
    public var matchers: [ResourceMatcher]?
    public var `continue`: Bool?
    public var routes: [ResourceRoute]?
    public var muteTimeIntervals: [String]?
    public var activeTimeIntervals: [String]?
    public var origin: Provenance?

    /// Every route of the subtree, depth-first (this one first), with its path.
    public func walk(path: String) -> [(route: ResourceRoute, path: String)] {
        var out: [(ResourceRoute, String)] = []
        var stack: [(ResourceRoute, String)] = [(self, path)]
        while let (r, p) = stack.popLast() {
            out.append((r, p))
            for (i, c) in (r.routes ?? []).enumerated().reversed() { stack.append((c, "\(p).routes[\(i)]")) }
        }
        return out
    }
}

/// A structured matcher: `{name: severity, value: critical, matchType: "="}`.
public struct ResourceMatcher: Sendable, Codable {
    public var name: String
    public var value: String?
    public var matchType: MatchType?
    /// Deprecated boolean form of `=~`.
    public var regex: Bool?
    public var origin: Provenance?

    public enum MatchType: String, Sendable, Codable, CaseIterable, StrictEnum {
        case equal = "=", notEqual = "!=", regex = "=~", notRegex = "!~"
    }

    /// The matcher as Alertmanager evaluates it; throws for an invalid regular expression.
    public func labelMatcher() throws -> LabelMatcher {
        let op: MatchOperator
        switch matchType {
        case .equal: op = .equal
        case .notEqual: op = .notEqual
        case .regex: op = .regex
        case .notRegex: op = .notRegex
        case nil: op = regex == true ? .regex : .equal
        }
        return try LabelMatcher(name: name, op: op, value: value ?? "")
    }
}

/// A receiver of an `AlertmanagerConfig`: its integration lists are named strictly (the
/// operator drops a resource with an unknown field, such as `botToken` one level too high),
/// their bodies are kept unmodelled.
public struct ResourceReceiver: Sendable, Codable {
    public var name: String
    public var opsgenieConfigs: [RawNode]?
    public var pagerdutyConfigs: [RawNode]?
    public var discordConfigs: [RawNode]?
    public var slackConfigs: [RawNode]?
    public var webhookConfigs: [RawNode]?
    public var wechatConfigs: [RawNode]?
    public var emailConfigs: [RawNode]?
    public var victoropsConfigs: [RawNode]?
    public var pushoverConfigs: [RawNode]?
    public var snsConfigs: [RawNode]?
    public var telegramConfigs: [RawNode]?
    public var webexConfigs: [RawNode]?
    public var msteamsConfigs: [RawNode]?
    public var msteamsv2Configs: [RawNode]?
    public var rocketchatConfigs: [RawNode]?
    public var origin: Provenance?
}

/// An inhibit rule of an `AlertmanagerConfig`.
public struct ResourceInhibitRule: Sendable, Codable {
    public var sourceMatch: [ResourceMatcher]?
    public var targetMatch: [ResourceMatcher]?
    public var equal: [String]?
    public var origin: Provenance?
}
