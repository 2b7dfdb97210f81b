import FuzzSupport
import Vigil

/// Alertmanager matchers: a `{…}` list and a single matcher; what parses prints back to a
/// matcher that parses to the same thing.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Fuzz.text(data, size)
    if let list = try? MatcherParser.parseList(input) {
        for m in list {
            guard let again = try? MatcherParser.parse(m.description) else {
                Fuzz.fail("printed matcher does not parse: \(input.debugDescription) → \(m.description.debugDescription)")
            }
            if again.description != m.description {
                Fuzz.fail("printed matcher changes: \(m.description.debugDescription) → \(again.description.debugDescription)")
            }
            _ = m.matches(labels: ["alertname": "Fuzz", "severity": "critical"])
        }
    }
    _ = try? MatcherParser.parse(input)
    return 0
}

@_cdecl("fuzz_matchers_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    Fuzz.main(argc, argv, fuzz)
}
