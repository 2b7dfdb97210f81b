import Foundation
import Testing
import VigilCore
@testable import VigilGrafana

@Suite("Read → write round trips")
struct RoundTripTests {
    static let samples: [String] = [
        #"{"title": "A", "panels": [{"type": "some-unknown-plugin", "id": 1, "pluginSetting": {"deep": [1, {"x": null}]}, "gridPos": {"x": 0, "y": 0, "w": 6, "h": 4}}]}"#,
        #"{"title": "B", "schemaVersion": 39, "panels": [{"type": "stat", "datasource": "$ds", "fieldConfig": {"defaults": {"noValue": "-", "thresholds": {"mode": "absolute", "steps": [{"color": "green", "value": null}, {"color": "red", "value": 80}]}, "unknownOpt": true}, "overrides": []}, "options": {"reduceOptions": {"calcs": ["lastNotNull"]}, "futureOption": {"a": 1}}, "targets": [{"expr": "up", "refId": "A", "datasource": {"type": "prometheus", "uid": "${ds}"}, "someField": 3}]}]}"#,
        #"{"title": "C", "panels": [], "templating": {"list": [{"name": "q", "type": "query", "query": {"query": "label_values(up, job)", "refId": "X"}, "current": {"text": ["a", "b"], "value": ["a", "b"]}, "refresh": true}]}, "refresh": false, "id": null}"#,
        #"{"title": "D", "rows": [{"title": "r", "panels": [{"type": "graph", "span": 6, "yaxes": [{"format": "short"}], "targets": [{"expr": "rate(x[5m])"}]}]}]}"#,
        #"{"title": "E", "panels": [{"type": "row", "collapsed": true, "panels": [{"type": "timeseries", "title": "in", "gridPos": {"x": 0, "y": 1, "w": 12, "h": 8}, "noValue": 0}]}]}"#,
    ]

    @Test("unknown fields, plugins and mixed shapes survive", arguments: samples)
    func unknownFieldsSurvive(_ text: String) throws {
        let (dashboards, diagnostics) = Support.artifacts(text)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let d = try #require(dashboards.first)
        let written = try GrafanaEncoding.node(d.dashboard)
        let original = try #require(Support.load(text))
        let shown = (try? JSONEmitter().emit(written)) ?? ""
        #expect(NodeEquivalence.equal(original, written, keyOrderMatters: false), "\(shown)")
        // The emitted JSON reads back to the same data.
        let json = try JSONEmitter().emit(written)
        let reread = try #require(Support.load(json))
        #expect(NodeEquivalence.equal(original, reread, keyOrderMatters: false))
    }

    @Test("the guide's import wrapper round-trips")
    func guideRoundTrip() throws {
        let text = try #require(Support.guideDashboard)
        let (dashboards, diagnostics) = Support.artifacts(text, path: "aurelis-dashboard.json")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let d = try #require(dashboards.first)
        #expect(d.form == .importWrapper)
        let wrapper = try #require(d.wrapper)
        let written = try GrafanaEncoding.node(wrapper)
        let original = try #require(Support.load(text))
        #expect(NodeEquivalence.equal(original, written, keyOrderMatters: false))
    }

    /// The real dashboards (the ceph corpus), or the guide's when the corpus was not fetched,
    /// so the round trip always runs on real files.
    static var realDashboards: [(path: String, text: String)] {
        let corpus = Support.corpus.compactMap { p in (try? String(contentsOfFile: p, encoding: .utf8)).map { (p, $0) } }
        if !corpus.isEmpty { return corpus }
        return Support.guideDashboard.map { [("aurelis-dashboard.json", $0)] } ?? []
    }

    @Test("real dashboards decode without errors and round-trip through JSON text unchanged")
    func corpusRoundTrip() throws {
        let dashboards = Self.realDashboards
        #expect(!dashboards.isEmpty, "no real dashboard found")
        for (path, text) in dashboards {
            let (found, diagnostics) = Support.artifacts(text, path: path)
            #expect(diagnostics.isEmpty, "\(path): \(diagnostics.prefix(5))")
            let d = try #require(found.first, "\(path) not detected")
            let original = try #require(Support.load(text))
            // The model written back as a node, and as JSON text read again.
            let written = try d.wrapper.map { try GrafanaEncoding.node($0) } ?? GrafanaEncoding.node(d.dashboard)
            #expect(NodeEquivalence.equal(original, written, keyOrderMatters: false), "\(path) changed in a round trip")
            let json = try JSONEmitter().emit(written)
            let reread = try #require(Support.load(json))
            #expect(NodeEquivalence.equal(original, reread, keyOrderMatters: false), "\(path) changed when written as JSON")
            // Keys keep the file's order, and a second round trip writes the same bytes.
            #expect(NodeEquivalence.equal(original, reread, keyOrderMatters: true), "\(path): key order changed")
            let again = try #require(Support.artifacts(json, path: path).dashboards.first)
            let second = try JSONEmitter().emit(again.wrapper.map { try GrafanaEncoding.node($0) } ?? GrafanaEncoding.node(again.dashboard))
            #expect(second == json, "\(path): a second round trip wrote other bytes")
        }
    }

    @Test("a field the model clears is not resurrected, a null one is kept")
    func clearedFieldStaysCleared() throws {
        let text = #"{"title": "X", "description": "old", "panels": [{"type": "stat", "title": "p", "interval": null}]}"#
        var d = try #require(Support.artifacts(text).dashboards.first).dashboard
        d.description = nil
        let written = try GrafanaEncoding.node(d)
        #expect(written["description"] == nil)
        #expect(written["panels"]?.sequence?.first?["interval"]?.resolvedScalar == .null)
    }
}
