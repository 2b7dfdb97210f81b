import Foundation
import Testing
@testable import VigilCore

@Suite struct IntOrStringTests {
    private struct Port: Codable, Equatable {
        var targetPort: IntOrString
    }

    @Test(arguments: [
        (#"{"targetPort":8080}"#, IntOrString.int(8080), "targetPort: 8080\n"),
        (#"{"targetPort":"http"}"#, IntOrString.string("http"), "targetPort: http\n"),
        (#"{"targetPort":"8080"}"#, IntOrString.string("8080"), "targetPort: '8080'\n"),
        (#"{"targetPort":"25%"}"#, IntOrString.string("25%"), "targetPort: 25%\n"),
    ])
    func decodesEitherKindAndEncodesItBack(_ json: String, _ expected: IntOrString, _ yaml: String) throws {
        let port = try JSONDecoder().decode(Port.self, from: Data(json.utf8))
        #expect(port.targetPort == expected)
        #expect(try YAMLEmitter().emit(NodeEncoder().encode(port)) == yaml)
        let again = try JSONDecoder().decode(Port.self, from: JSONEncoder().encode(port))
        #expect(again == port)
    }

    @Test func rejectsOtherKinds() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Port.self, from: Data(#"{"targetPort":[1]}"#.utf8))
        }
    }

    @Test func literalsAndAccessors() {
        let a: IntOrString = 9090
        let b: IntOrString = "metrics"
        #expect(a.intValue == 9090 && a.stringValue == nil)
        #expect(b.stringValue == "metrics" && b.intValue == nil)
        #expect(a.description == "9090" && b.description == "metrics")
    }
}
