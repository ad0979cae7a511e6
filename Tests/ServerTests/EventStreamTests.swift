import Foundation
import Server
import SwitchboardCore
import Testing

@testable import Remote

/// The event stream: what a client that reconnects gets, and how the client reads the wire format.
@Suite struct EventStreamTests {
    @Test func aClientResumesAfterTheLastEventItSaw() async throws {
        let hub = EventHub()
        for version in 1...3 { hub.publish("snapshot", data: #"{"version":\#(version)}"#) }
        var resumed = hub.subscribe(after: 1).makeAsyncIterator()
        #expect(await resumed.next()?.id == 2)
        #expect(await resumed.next()?.id == 3)
        hub.publish("presence", data: "[]")
        let live = await resumed.next()
        #expect(live?.id == 4)
        #expect(live?.kind == "presence")
    }

    @Test func aClientThatMissedTooMuchIsToldToReset() async throws {
        let hub = EventHub()
        for version in 1...600 { hub.publish("snapshot", data: #"{"version":\#(version)}"#) }
        var stream = hub.subscribe(after: 3).makeAsyncIterator()
        #expect(await stream.next()?.kind == "reset")
        var future = hub.subscribe(after: 9999).makeAsyncIterator()
        #expect(await future.next()?.kind == "reset", "an id from before a restart of the engine")
    }

    @Test func closingEndsEveryStream() async throws {
        let hub = EventHub()
        var stream = hub.subscribe(after: nil).makeAsyncIterator()
        #expect(hub.subscriberCount == 1)
        hub.close()
        #expect(await stream.next() == nil)
    }

    @Test func theParserReadsEventsSplitAnywhere() {
        let wire = Array(
            ": hello\n\nid: 7\nevent: snapshot\ndata: {\"version\":7}\n\nid: 8\r\nevent: action\r\ndata: a\r\ndata: b\r\n\r\n"
                .utf8)
        for split in 0...wire.count {
            var parser = EventStreamParser()
            let events = parser.feed(wire[..<split]) + parser.feed(wire[split...])
            #expect(
                events == [
                    EventStreamParser.Event(id: "7", kind: "snapshot", data: #"{"version":7}"#),
                    EventStreamParser.Event(id: "8", kind: "action", data: "a\nb"),
                ], "split at \(split)")
        }
    }

    @Test func theWireFormatIsWhatBrowsersRead() {
        #expect(ServerEvent(kind: "snapshot", id: 3, data: "{}").wire == "id: 3\nevent: snapshot\ndata: {}\n\n")
    }
}

/// A new stream starts with the state its greeting gives, before anything published later.
@Suite struct EventStreamGreetingTests {
    @Test func theGreetingComesFirstAndCarriesTheLastID() async {
        let hub = EventHub()
        hub.publish("snapshot", data: #"{"version":1}"#)
        var stream = hub.subscribe(after: nil) { ("presence", #"[{"user":"alice"}]"#) }.makeAsyncIterator()
        hub.publish("snapshot", data: #"{"version":2}"#)
        let first = await stream.next()
        #expect(first?.kind == "presence" && first?.data.contains("alice") == true)
        #expect(first?.id == 1, "the id of the last event published before it, so a resume misses nothing")
        #expect(await stream.next()?.data == #"{"version":2}"#)
    }
}
