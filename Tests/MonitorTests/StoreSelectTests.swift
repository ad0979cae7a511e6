import PromQL
import Testing

@testable import Monitor

extension StoreTests {
    @Suite struct Select {
        /// Four series of two metrics; every one has a sample at 1000 and 2000.
        static func landscape() -> SeriesStore {
            let store = SeriesStore()
            let series: [(String, Labels)] = [
                ("probe_success", ["check": "erp-soap", "system": "erp", "team": "finance"]),
                ("probe_success", ["check": "crm-rest", "system": "crm"]),
                ("probe_success", ["check": "wms-db", "system": "wms", "team": "logistics"]),
                ("probe_duration_seconds", ["check": "erp-soap", "system": "erp", "team": "finance"]),
            ]
            for time in [1000, 2000] as [Int64] {
                store.append(series.map { Sample($0.0, $0.1, 1) }, at: time)
            }
            return store
        }

        static func checks(_ matchers: [LabelMatcher]) -> [String] {
            landscape().select(matchers: matchers, from: 0, through: 10_000).map {
                "\($0.name):\($0.labels["check"] ?? "-")"
            }
        }

        static let cases: [(matchers: [LabelMatcher], expected: [String])] = [
            (
                [.metricName("probe_success")],
                ["probe_success:crm-rest", "probe_success:erp-soap", "probe_success:wms-db"]
            ),
            ([.metricName("probe_success"), .equal("system", "erp")], ["probe_success:erp-soap"]),
            (
                [.metricName("probe_success"), .notEqual("system", "erp")],
                ["probe_success:crm-rest", "probe_success:wms-db"]
            ),
            ([.equal("team", "")], ["probe_success:crm-rest"]),
            (
                [.notEqual("team", ""), .equal("check", "erp-soap")],
                ["probe_duration_seconds:erp-soap", "probe_success:erp-soap"]
            ),
            ([try! .matching("check", "erp-.*")], ["probe_duration_seconds:erp-soap", "probe_success:erp-soap"]),
            // Anchored: "rest" alone does not match "crm-rest".
            ([try! .matching("check", "rest")], []),
            ([try! .matching("check", ".*rest")], ["probe_success:crm-rest"]),
            ([try! .matching("system", "crm|wms")], ["probe_success:crm-rest", "probe_success:wms-db"]),
            (
                [try! .matching("__name__", "probe_.*"), try! .notMatching("system", "erp|crm")],
                ["probe_success:wms-db"]
            ),
            // A regex matching the empty string also selects the series without the label.
            (
                [.metricName("probe_success"), try! .matching("team", "fin.*|")],
                ["probe_success:crm-rest", "probe_success:erp-soap"]
            ),
            ([.metricName("probe_success"), try! .notMatching("team", ".+")], ["probe_success:crm-rest"]),
            (
                [.metricName("probe_success"), try! .matching("check", "[a-z]{3}-(soap|db)")],
                ["probe_success:erp-soap", "probe_success:wms-db"]
            ),
            ([.metricName("nothing")], []),
            ([.equal("missing_label", "x")], []),
        ]

        @Test(arguments: cases)
        func matchersSelectTheSeriesPrometheusWould(matchers: [LabelMatcher], expected: [String]) {
            #expect(Self.checks(matchers) == expected)
        }

        @Test func noMatcherSelectsEverySeries() {
            #expect(Self.checks([]).count == 4)
        }

        @Test func anInvalidRegexIsRefusedWhenTheMatcherIsMade() {
            #expect(throws: LabelMatcherError.self) { try LabelMatcher.matching("check", "erp-(") }
        }

        @Test func regexDotMatchesANewlineAsInPrometheus() throws {
            let store = SeriesStore()
            store.append([Sample("m", ["note": "a\nb"], 1)], at: 5)
            #expect(store.select(matchers: [try .matching("note", "a.b")], from: 0, through: 10).count == 1)
        }

        @Test func theWindowIsInclusiveAndSeriesWithoutSamplesInItAreLeftOut() {
            let store = SeriesStore()
            store.append([Sample("a", [:], 1), Sample("b", [:], 1)], at: 1000)
            store.append([Sample("a", [:], 2)], at: 2000)
            store.append([Sample("a", [:], 3)], at: 3000)
            let found = store.select(matchers: [], from: 2000, through: 3000)
            #expect(
                found == [SeriesData(name: "a", labels: [:], samples: [SamplePoint(2000, 2), SamplePoint(3000, 3)])])
            #expect(found[0].labelsIncludingName == ["__name__": "a"])
        }

        @Test func samplesSpanningManyChunksComeBackInOrder() {
            let store = SeriesStore(samplesPerChunk: 7)
            let points = (0..<100).map { SamplePoint(Int64($0) * 10_000, Double($0 % 5) * 0.25) }
            for point in points { store.append([Sample("m", [:], point.value)], at: point.timestampMilliseconds) }
            #expect(store.select(matchers: [], from: 0, through: .max).first?.samples == points)
            let window = store.select(matchers: [], from: 95_000, through: 405_000).first?.samples
            #expect(window == Array(points[10...40]))
        }

        @Test func latestSkipsSeriesThatWentStaleOrAreOutsideTheLookback() {
            let store = SeriesStore()
            store.append(
                [Sample("up", ["job": "a"], 1), Sample("up", ["job": "b"], 1), Sample("up", ["job": "c"], 0)], at: 1000)
            store.append([Sample("up", ["job": "a"], 0), Sample("up", ["job": "b"], .staleMarker)], at: 11_000)
            store.append([Sample("up", ["job": "a"], 1)], at: 21_000)
            let at15 = store.latest(matchers: [.metricName("up")], at: 15_000, lookbackMilliseconds: 10_000)
            #expect(at15.map { "\($0.labels["job"]!)=\($0.point)" } == ["a=0.0@11000"])
            let at5 = store.latest(matchers: [.metricName("up")], at: 5000)
            #expect(at5.map { "\($0.labels["job"]!)=\($0.point)" } == ["a=1.0@1000", "b=1.0@1000", "c=0.0@1000"])
        }

        @Test func newestReturnsTheRawNewestSampleStaleMarkerIncluded() {
            let store = SeriesStore()
            store.append([Sample("up", ["job": "b"], 1)], at: 1000)
            store.append([Sample("up", ["job": "b"], .staleMarker)], at: 2000)
            #expect(store.newest(name: "up", labels: ["job": "b"])?.isStale == true)
            #expect(store.newest(name: "up", labels: ["job": "x"]) == nil)
        }

        @Test func seriesAndLabelValuesListIdentitiesWithoutSamples() {
            let store = Self.landscape()
            #expect(
                store.series(matchers: [.equal("system", "erp")]).map(\.name) == [
                    "probe_duration_seconds", "probe_success",
                ])
            #expect(store.labelValues("team") == ["finance", "logistics"])
            #expect(store.labelValues("__name__") == ["probe_duration_seconds", "probe_success"])
        }
    }
}
