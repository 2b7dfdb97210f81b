/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=rule::message`.
public struct GitHubReporter: Sendable {
    public init() {}

    public func render(_ result: LintResult) -> String {
        var out = ""
        for d in result.diagnostics {
            let command: String
            switch d.severity {
            case .error: command = "error"
            case .warning: command = "warning"
            case .info: command = "notice"
            }
            var props = ["file=\(Self.escapeProperty(d.file))"]
            if let r = d.range {
                props.append("line=\(r.start.line)")
                props.append("col=\(r.start.column)")
                if r.end.line >= r.start.line {
                    props.append("endLine=\(r.end.line)")
                    if r.end.line == r.start.line { props.append("endColumn=\(r.end.column)") }
                }
            }
            props.append("title=\(Self.escapeProperty(d.rule))")
            var message = d.message
            if let hint = d.hint { message += "\n" + hint }
            out += "::\(command) \(props.joined(separator: ","))::\(Self.escapeData(message))\n"
        }
        return out
    }

    /// Escaping of a workflow command's message, as the format defines it.
    public static func escapeData(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.append(ch)
            }
        }
        return out
    }

    /// Escaping of a workflow command's property value (`file=`, `title=`).
    public static func escapeProperty(_ s: String) -> String {
        var out = ""
        for ch in escapeData(s) {
            switch ch {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.append(ch)
            }
        }
        return out
    }
}
