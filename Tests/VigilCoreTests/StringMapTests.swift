import Foundation
import Testing
@testable import VigilCore

@Suite struct StringMapTests {
    @Test func keepsInsertionOrder() {
        var map: StringMap<String> = ["zeta": "1", "alpha": "2"]
        map["mid"] = "3"
        map["zeta"] = "4"
        #expect(map.keys == ["zeta", "alpha", "mid"])
        #expect(map.values == ["4", "2", "3"])
        map["alpha"] = nil
        #expect(map.keys == ["zeta", "mid"])
        #expect(map.count == 2 && !map.isEmpty)
        #expect(map.map(\.key) == ["zeta", "mid"])
    }

    @Test func sortedReturnsASortedCopy() {
        let map: StringMap<Int> = ["b": 2, "a": 1, "C": 3]
        #expect(map.sorted().keys == ["C", "a", "b"])
        #expect(map.keys == ["b", "a", "C"])
        #expect(map.sorted() != map)
        #expect(map.sorted() == map.sorted())
        #expect(Set([map, map]).count == 1)
    }

    @Test func mergingReplacesAndAppends() {
        let base: StringMap<Int> = ["a": 1, "b": 2]
        let merged = base.merging(["b": 20, "c": 3])
        #expect(merged.keys == ["a", "b", "c"])
        #expect(merged["b"] == 20)
    }

    @Test func encodesAsAMappingInOrder() throws {
        let labels: StringMap<String> = ["team": "sre", "app": "aurelis", "on": "yes"]
        #expect(try YAMLEmitter().emit(NodeEncoder().encode(labels)) == "team: sre\napp: aurelis\n'on': 'yes'\n")
        #expect(try JSONEmitter(pretty: false).emit(NodeEncoder().encode(labels.sorted())) == #"{"app":"aurelis","on":"yes","team":"sre"}"#)
    }

    private struct Meta: Codable, Equatable {
        var labels: StringMap<String>
        var counts: StringMap<Int>
    }

    @Test func decodesFromAMapping() throws {
        let json = #"{"labels":{"b":"x","a":"y"},"counts":{}}"#
        let meta = try JSONDecoder().decode(Meta.self, from: Data(json.utf8))
        // Foundation's decoder does not promise key order; Vigil's decoder keeps document order.
        #expect(meta.labels.sorted() == ["a": "y", "b": "x"])
        #expect(meta.counts.isEmpty)
        let again = try JSONDecoder().decode(Meta.self, from: JSONEncoder().encode(meta))
        #expect(again.labels.sorted() == meta.labels.sorted())
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Meta.self, from: Data(#"{"labels":["a"],"counts":{}}"#.utf8))
        }
    }
}
