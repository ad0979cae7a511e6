import Foundation
import NIOCore
import Testing

@testable import Server

/// The alert routes' answers are encoded once per queue state and query; a refresh due by time
/// is built by one request while the others keep getting the answer in hand.
struct AlertmanagerAnswerCacheTests {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    let engine = ObjectIdentifier(NSObject.self)

    func state(_ version: UInt64, posted: UInt64 = 0) -> AlertmanagerAnswerCache.State {
        AlertmanagerAnswerCache.State(engine: engine, version: version, posted: posted)
    }

    @Test func anAnswerIsBuiltOncePerStateAndQuery() {
        let cache = AlertmanagerAnswerCache()
        var builds = 0
        func ask(_ query: String, _ state: AlertmanagerAnswerCache.State) -> String {
            String(
                buffer: cache.answer(query, in: state, now: t0) {
                    builds += 1
                    return ByteBuffer(string: "\(query)@\(state.version).\(state.posted)")
                })
        }
        #expect(ask("/alerts?", state(1)) == "/alerts?@1.0")
        #expect(ask("/alerts?", state(1)) == "/alerts?@1.0")
        #expect(builds == 1)
        #expect(ask("/alerts?silenced=false", state(1)) == "/alerts?silenced=false@1.0")
        #expect(ask("/alerts?", state(2)) == "/alerts?@2.0", "a new snapshot version")
        #expect(ask("/alerts?", state(2, posted: 1)) == "/alerts?@2.1", "alerts posted since")
        #expect(builds == 4)
    }

    @Test func aRefreshDueByTimeIsBuiltByOneRequestWhileOthersGetTheKeptAnswer() {
        let cache = AlertmanagerAnswerCache()
        _ = cache.answer("q", in: state(1), now: t0) { ByteBuffer(string: "old") }
        let later = t0.addingTimeInterval(AlertmanagerAnswerCache.refreshInterval)
        var during = ""
        let refreshed = cache.answer("q", in: state(1), now: later) {
            during = String(buffer: cache.answer("q", in: state(1), now: later) { ByteBuffer(string: "second build") })
            return ByteBuffer(string: "new")
        }
        #expect(String(buffer: refreshed) == "new")
        #expect(during == "old")
        #expect(String(buffer: cache.answer("q", in: state(1), now: later) { ByteBuffer(string: "again") }) == "new")
    }
}
