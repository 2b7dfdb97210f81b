/// Label and annotation syntax (`k8s.io/apimachinery/pkg/util/validation`), with its wording.
enum LabelSyntax {
    /// Why `key` is not a valid label or annotation key (a qualified name: an optional DNS-1123
    /// subdomain prefix and `/`, then a name of at most 63 characters), or nil.
    static func keyProblem(_ key: String) -> String? {
        // The common case, a plain name without a prefix, needs no splitting.
        if !key.utf8.contains(UInt8(ascii: "/")), !key.isEmpty, key.utf8.count <= 63, isQualifiedNamePart(Substring(key)) { return nil }
        // The next most common, a valid `prefix/name` (`app.kubernetes.io/name`), is checked
        // byte by byte; anything else takes the slow path, which words the problem.
        if let slash = key.utf8.firstIndex(of: UInt8(ascii: "/")) {
            let prefix = key.utf8[..<slash]
            let name = key.utf8[key.utf8.index(after: slash)...]
            if isDNS1123Subdomain(prefix), !name.isEmpty, name.count <= 63, !name.contains(UInt8(ascii: "/")),
               isQualifiedNamePart(Substring(name)) {
                return nil
            }
        }
        let parts = key.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
        let name: Substring
        switch parts.count {
        case 1:
            name = parts[0]
        case 2:
            if parts[0].isEmpty { return "prefix part must be non-empty" }
            if let p = NameFormat.dns1123Subdomain.problem(String(parts[0])) { return "prefix part \(p)" }
            name = parts[1]
        default:
            return "a qualified name " + nameSyntax + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"
        }
        if name.isEmpty { return "name part must be non-empty" }
        if name.utf8.count > 63 { return "name part must be no more than 63 characters" }
        return isQualifiedNamePart(name) ? nil : "name part " + nameSyntax + " (e.g. 'MyName',  or 'my.name',  or '123-abc')"
    }

    /// Why `value` is not a valid label value (empty, or at most 63 characters of the name syntax), or nil.
    static func valueProblem(_ value: String) -> String? {
        if value.isEmpty { return nil }
        if value.utf8.count > 63 { return "must be no more than 63 characters" }
        return isQualifiedNamePart(Substring(value)) ? nil : "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345')"
    }

    private static let nameSyntax = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"

    /// `[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*`, at most 253 bytes.
    private static func isDNS1123Subdomain(_ b: Substring.UTF8View) -> Bool {
        guard !b.isEmpty, b.count <= 253 else { return false }
        func lowerAlnum(_ c: UInt8) -> Bool { (c >= 48 && c <= 57) || (c >= 97 && c <= 122) }
        var previous: UInt8 = UInt8(ascii: ".")
        for c in b {
            if c == UInt8(ascii: ".") {
                guard lowerAlnum(previous) else { return false }
            } else if c == UInt8(ascii: "-") {
                guard previous != UInt8(ascii: ".") else { return false }
            } else if !lowerAlnum(c) {
                return false
            }
            previous = c
        }
        return lowerAlnum(previous)
    }

    /// `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]`.
    private static func isQualifiedNamePart(_ s: Substring) -> Bool {
        let b = s.utf8
        func alnum(_ c: UInt8) -> Bool { (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) }
        guard let first = b.first, let last = b.last, alnum(first), alnum(last) else { return false }
        return b.allSatisfy { alnum($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") }
    }
}
