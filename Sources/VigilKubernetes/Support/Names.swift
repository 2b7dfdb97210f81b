/// Kubernetes name formats (`k8s.io/apimachinery/pkg/util/validation`), with kubectl's wording.
enum NameFormat {
    case dns1123Label, dns1123Subdomain, dns1035Label, ianaServiceName

    /// Why `name` is invalid, or nil when it is valid.
    func problem(_ name: String) -> String? {
        let b = Array(name.utf8)
        func lowerAlnum(_ c: UInt8) -> Bool { (c >= 97 && c <= 122) || (c >= 48 && c <= 57) }
        func lower(_ c: UInt8) -> Bool { c >= 97 && c <= 122 }
        switch self {
        case .dns1123Label:
            let ok = !b.isEmpty && b.count <= 63 && lowerAlnum(b[0]) && lowerAlnum(b[b.count - 1])
                && b.allSatisfy { lowerAlnum($0) || $0 == UInt8(ascii: "-") }
            if b.count > 63 { return "must be no more than 63 characters" }
            return ok ? nil : "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name', or '123-abc')"
        case .dns1123Subdomain:
            if b.count > 253 { return "must be no more than 253 characters" }
            let parts = name.split(separator: ".", omittingEmptySubsequences: false)
            let ok = !b.isEmpty && parts.allSatisfy { part in
                let p = Array(part.utf8)
                return !p.isEmpty && lowerAlnum(p[0]) && lowerAlnum(p[p.count - 1]) && p.allSatisfy { lowerAlnum($0) || $0 == UInt8(ascii: "-") }
            }
            return ok ? nil : "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com')"
        case .dns1035Label:
            if b.count > 63 { return "must be no more than 63 characters" }
            let ok = !b.isEmpty && lower(b[0]) && lowerAlnum(b[b.count - 1]) && b.allSatisfy { lowerAlnum($0) || $0 == UInt8(ascii: "-") }
            return ok ? nil : "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name', or 'abc-123')"
        case .ianaServiceName:
            if b.count > 15 { return "must be no more than 15 characters" }
            if b.isEmpty || !b.allSatisfy({ lowerAlnum($0) || $0 == UInt8(ascii: "-") }) { return "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)" }
            if name.contains("--") { return "must not contain consecutive hyphens" }
            if !b.contains(where: lower) { return "must contain at least one letter (a-z)" }
            if b[0] == UInt8(ascii: "-") || b[b.count - 1] == UInt8(ascii: "-") { return "must not begin or end with a hyphen" }
            return nil
        }
    }
}
