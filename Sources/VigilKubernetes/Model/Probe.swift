import VigilCore

/// A container probe (startup, liveness or readiness): one handler and its timing.
///
/// Timing fields keep what was written (nil when absent); `effective…` give the value the API
/// server uses after defaulting (0 or absent → the default).
public struct Probe: Sendable, Codable, Equatable {
    public var exec: ExecAction?
    public var httpGet: HTTPGetAction?
    public var tcpSocket: TCPSocketAction?
    public var grpc: GRPCAction?
    public var initialDelaySeconds: Int?
    public var timeoutSeconds: Int?
    public var periodSeconds: Int?
    public var successThreshold: Int?
    public var failureThreshold: Int?
    public var terminationGracePeriodSeconds: Int64?
    public var origin: Provenance?

    public init(exec: ExecAction? = nil, httpGet: HTTPGetAction? = nil, tcpSocket: TCPSocketAction? = nil,
                grpc: GRPCAction? = nil, initialDelaySeconds: Int? = nil, timeoutSeconds: Int? = nil,
                periodSeconds: Int? = nil, successThreshold: Int? = nil, failureThreshold: Int? = nil,
                terminationGracePeriodSeconds: Int64? = nil) {
        self.exec = exec
        self.httpGet = httpGet
        self.tcpSocket = tcpSocket
        self.grpc = grpc
        self.initialDelaySeconds = initialDelaySeconds
        self.timeoutSeconds = timeoutSeconds
        self.periodSeconds = periodSeconds
        self.successThreshold = successThreshold
        self.failureThreshold = failureThreshold
        self.terminationGracePeriodSeconds = terminationGracePeriodSeconds
    }

    /// An HTTP GET probe on `path` and `port`.
    public static func http(_ path: String, port: IntOrString, initialDelaySeconds: Int? = nil, periodSeconds: Int? = nil,
                            timeoutSeconds: Int? = nil, failureThreshold: Int? = nil) -> Probe {
        Probe(httpGet: HTTPGetAction(path: path, port: port), initialDelaySeconds: initialDelaySeconds,
              timeoutSeconds: timeoutSeconds, periodSeconds: periodSeconds, failureThreshold: failureThreshold)
    }

    /// The Kubernetes defaults applied to absent or zero fields.
    public static let defaultTimeoutSeconds = 1
    public static let defaultPeriodSeconds = 10
    public static let defaultSuccessThreshold = 1
    public static let defaultFailureThreshold = 3

    public var effectiveInitialDelaySeconds: Int { max(0, initialDelaySeconds ?? 0) }
    public var effectiveTimeoutSeconds: Int { Probe.orDefault(timeoutSeconds, Probe.defaultTimeoutSeconds) }
    public var effectivePeriodSeconds: Int { Probe.orDefault(periodSeconds, Probe.defaultPeriodSeconds) }
    public var effectiveSuccessThreshold: Int { Probe.orDefault(successThreshold, Probe.defaultSuccessThreshold) }
    public var effectiveFailureThreshold: Int { Probe.orDefault(failureThreshold, Probe.defaultFailureThreshold) }

    private static func orDefault(_ v: Int?, _ d: Int) -> Int {
        guard let v, v > 0 else { return d }
        return v
    }

    /// How long a healthy-then-failing container keeps passing before the probe acts:
    /// `failureThreshold × periodSeconds` seconds.
    public var failureWindowSeconds: Int { effectiveFailureThreshold * effectivePeriodSeconds }

    /// The longest a startup probe lets a container start:
    /// `initialDelaySeconds + failureThreshold × periodSeconds`.
    public var startupBudgetSeconds: Int { effectiveInitialDelaySeconds + failureWindowSeconds }

    /// The handlers that are set, by field name.
    public var handlerNames: [String] {
        var out: [String] = []
        if exec != nil { out.append("exec") }
        if httpGet != nil { out.append("httpGet") }
        if tcpSocket != nil { out.append("tcpSocket") }
        if grpc != nil { out.append("grpc") }
        return out
    }

    /// The port the probe connects to, for network handlers.
    public var port: IntOrString? {
        if let h = httpGet { return h.port }
        if let t = tcpSocket { return t.port }
        if let g = grpc { return .int(g.port) }
        return nil
    }
}

/// Runs a command in the container; exit status 0 is success.
public struct ExecAction: Sendable, Codable, Equatable {
    public var command: [String]?
    public var origin: Provenance?
    public init(command: [String]) { self.command = command }
}

/// An HTTP GET request; a status from 200 to 399 is success.
public struct HTTPGetAction: Sendable, Codable, Equatable {
    public enum Scheme: String, Sendable, Codable, CaseIterable, StrictEnum {
        case http = "HTTP", https = "HTTPS"
    }

    public var path: String?
    public var port: IntOrString
    public var host: String?
    public var scheme: Scheme?
    public var httpHeaders: [HTTPHeader]?
    public var origin: Provenance?

    public init(path: String? = nil, port: IntOrString, host: String? = nil, scheme: Scheme? = nil, httpHeaders: [HTTPHeader]? = nil) {
        self.path = path
        self.port = port
        self.host = host
        self.scheme = scheme
        self.httpHeaders = httpHeaders
    }
}

/// A header sent by an HTTP probe.
public struct HTTPHeader: Sendable, Codable, Equatable {
    public var name: String
    public var value: String
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// Opens a TCP connection; success when it connects.
public struct TCPSocketAction: Sendable, Codable, Equatable {
    public var port: IntOrString
    public var host: String?
    public var origin: Provenance?
    public init(port: IntOrString, host: String? = nil) {
        self.port = port
        self.host = host
    }
}

/// Calls the gRPC health-checking protocol.
public struct GRPCAction: Sendable, Codable, Equatable {
    public var port: Int
    public var service: String?
    public var origin: Provenance?
    public init(port: Int, service: String? = nil) {
        self.port = port
        self.service = service
    }
}

// Equality compares content only: a decoded probe equals the same probe built in code.
extension Probe {
    public static func == (a: Probe, b: Probe) -> Bool {
        a.exec == b.exec && a.httpGet == b.httpGet && a.tcpSocket == b.tcpSocket && a.grpc == b.grpc
            && a.initialDelaySeconds == b.initialDelaySeconds && a.timeoutSeconds == b.timeoutSeconds
            && a.periodSeconds == b.periodSeconds && a.successThreshold == b.successThreshold
            && a.failureThreshold == b.failureThreshold && a.terminationGracePeriodSeconds == b.terminationGracePeriodSeconds
    }
}

extension ExecAction {
    public static func == (a: ExecAction, b: ExecAction) -> Bool { a.command == b.command }
}

extension HTTPGetAction {
    public static func == (a: HTTPGetAction, b: HTTPGetAction) -> Bool {
        a.path == b.path && a.port == b.port && a.host == b.host && a.scheme == b.scheme && a.httpHeaders == b.httpHeaders
    }
}

extension TCPSocketAction {
    public static func == (a: TCPSocketAction, b: TCPSocketAction) -> Bool { a.port == b.port && a.host == b.host }
}

extension GRPCAction {
    public static func == (a: GRPCAction, b: GRPCAction) -> Bool { a.port == b.port && a.service == b.service }
}

// MARK: Decoding

extension Probe: FieldDecodable {
    public init(fields f: FieldReader) throws {
        exec = f.decodeIfPresent("exec")
        httpGet = f.decodeIfPresent("httpGet")
        tcpSocket = f.decodeIfPresent("tcpSocket")
        grpc = f.decodeIfPresent("grpc")
        initialDelaySeconds = f.decodeIfPresent("initialDelaySeconds")
        timeoutSeconds = f.decodeIfPresent("timeoutSeconds")
        periodSeconds = f.decodeIfPresent("periodSeconds")
        successThreshold = f.decodeIfPresent("successThreshold")
        failureThreshold = f.decodeIfPresent("failureThreshold")
        terminationGracePeriodSeconds = f.decodeIfPresent("terminationGracePeriodSeconds")
        origin = f.provenance
    }
}

extension ExecAction: FieldDecodable {
    public init(fields f: FieldReader) throws {
        command = f.decodeIfPresent("command")
        origin = f.provenance
    }
}

extension HTTPGetAction: FieldDecodable {
    public init(fields f: FieldReader) throws {
        path = f.decodeIfPresent("path")
        port = try f.decode("port")
        host = f.decodeIfPresent("host")
        scheme = f.decodeIfPresent("scheme")
        httpHeaders = f.decodeIfPresent("httpHeaders")
        origin = f.provenance
    }
}

extension HTTPHeader: FieldDecodable {
    public init(fields f: FieldReader) throws {
        name = try f.decode("name")
        value = try f.decode("value")
    }
}

extension TCPSocketAction: FieldDecodable {
    public init(fields f: FieldReader) throws {
        port = try f.decode("port")
        host = f.decodeIfPresent("host")
        origin = f.provenance
    }
}

extension GRPCAction: FieldDecodable {
    public init(fields f: FieldReader) throws {
        port = try f.decode("port")
        service = f.decodeIfPresent("service")
        origin = f.provenance
    }
}
