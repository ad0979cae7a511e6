import AsyncHTTPClient
import Foundation
import Synchronization
import TestSupport
import Testing

@testable import Demo

@Suite("Demo landscape servers")
struct DemoLandscapeTests {
    @Test func environmentNamesAURLAndAnAddressForEverySystem() async throws {
        try await DemoLandscape.withLandscape(seed: 1, clock: ManualDemoClock()) { demo in
            #expect(DemoSystem.all.count >= 8)
            #expect(demo.environment.count == DemoSystem.all.count * 2 + 1)
            #expect(demo.environment[DemoLandscape.jobLogDirectoryVariable] == demo.jobLogDirectory.path)
            for system in DemoSystem.all {
                let port = try #require(demo.ports[system.id])
                #expect(port > 0)
                #expect(demo.environment[system.urlVariable] == "http://127.0.0.1:\(port)")
                #expect(demo.environment[system.addressVariable] == "127.0.0.1:\(port)")
            }
            #expect(demo.environment["DEMO_ERP_URL"] != nil)
            #expect(demo.environment["DEMO_MFT_ADDR"] != nil)
            #expect(Set(demo.ports.values).count == DemoSystem.all.count)
        }
    }

    @Test func everySystemsHealthAnswersUpWhenNoFaultIsScheduled() async throws {
        let clock = ManualDemoClock(.zero)
        try await DemoLandscape.withLandscape(seed: 1, clock: clock) { demo in
            #expect(demo.currentFaults().isEmpty)
            for system in DemoSystem.all {
                let answer = try await Fetch.get("\(demo.baseURL(of: system.id)!)/health")
                #expect(answer.status == 200, "\(system.id)")
                #expect(answer.contentType == "application/json")
                #expect(Fetch.json(answer)?["status"] as? String == "UP", "\(system.id)")
                #expect(Fetch.json(answer)?["name"] as? String == system.name)
            }
        }
    }

    @Test func soapEndpointAnswersWithASoapFaultDuringItsEpisode() async throws {
        let clock = ManualDemoClock(.zero)
        try await DemoLandscape.withLandscape(seed: 1, clock: clock) { demo in
            let url = "\(demo.baseURL(of: "erp")!)/soap/PaymentPosting"
            let normal = try await Fetch.post(url, body: soapRequest, contentType: "text/xml")
            #expect(normal.status == 200)
            #expect(normal.body.contains("<fin:PostPaymentResponse>"))
            #expect(normal.body.contains("soapenv:Envelope"))
            #expect(!normal.body.contains("Fault"))

            let (episode, during) = try #require(demo.timeline.first(.soapFault))
            clock.set(during)
            let fault = try await Fetch.post(url, body: soapRequest, contentType: "text/xml")
            #expect(fault.status == episode.status)
            #expect(fault.contentType?.hasPrefix("text/xml") == true)
            #expect(fault.body.contains("<soapenv:Fault>"))
            #expect(fault.body.contains("<faultcode>soapenv:Server</faultcode>"))
            #expect(
                fault.body.contains(
                    "<faultstring>RFC_ERROR_SYSTEM_FAILURE: Posting period 011/2025 is not open for company code 1000"))
            let get = try await Fetch.get(url)
            #expect(get.body.contains("<soapenv:Fault>"))
        }
    }

    @Test func soapFaultsComeInBothHTTP500AndHTTP200Responses() async throws {
        let clock = ManualDemoClock(.zero)
        let seeds = [500, 200].compactMap { status in
            (UInt64(1)...50).first { FaultTimeline(seed: $0).first(.soapFault)?.episode.status == status }
        }
        for seed in seeds {
            try await DemoLandscape.withLandscape(seed: seed, clock: clock) { demo in
                let (episode, during) = try #require(demo.timeline.first(.soapFault))
                clock.set(during)
                let fault = try await Fetch.post(
                    "\(demo.baseURL(of: "erp")!)/soap/PaymentPosting", body: soapRequest, contentType: "text/xml")
                #expect(fault.status == episode.status)
                #expect(fault.body.contains("<soapenv:Fault>"))
            }
        }
        #expect(seeds.count == 2)
    }

    @Test func healthAnswers200WithStatusDownDuringItsEpisode() async throws {
        let clock = ManualDemoClock(.zero)
        try await DemoLandscape.withLandscape(seed: 1, clock: clock) { demo in
            let (episode, during) = try #require(demo.timeline.first(.healthDown))
            let url = "\(demo.baseURL(of: episode.target.system)!)/health"
            #expect(Fetch.json(try await Fetch.get(url))?["status"] as? String == "UP")
            clock.set(during)
            let answer = try await Fetch.get(url)
            #expect(answer.status == 200)
            #expect(Fetch.json(answer)?["status"] as? String == "DOWN")
            clock.set(episode.end)
            #expect(Fetch.json(try await Fetch.get(url))?["status"] as? String == "UP")
        }
    }

    @Test func unavailableSystemAnswers503EverywhereIncludingHealth() async throws {
        let clock = ManualDemoClock(.zero)
        try await DemoLandscape.withLandscape(seed: 1, clock: clock) { demo in
            let (episode, during) = try #require(demo.timeline.first(.unavailable))
            clock.set(during)
            let health = try await Fetch.get("\(demo.baseURL(of: episode.target.system)!)/health")
            #expect(health.status == 503)
            #expect(demo.currentFaults().contains(episode))
        }
    }

    @Test func serverErrorBurstAnswers5xx() async throws {
        let clock = ManualDemoClock(.zero)
        try await DemoLandscape.withLandscape(seed: 1, clock: clock) { demo in
            let (episode, during) = try #require(demo.timeline.first(.serverErrors))
            let url = "\(demo.baseURL(of: episode.target.system)!)\(episode.target.path)"
            clock.set(during)
            let answer = try await Fetch.get(url)
            let reasons = [500: "Internal Server Error", 502: "Bad Gateway", 504: "Gateway Timeout"]
            #expect(reasons[answer.status] != nil)
            #expect(Fetch.json(answer)?["error"] as? String == reasons[answer.status])
            clock.set(episode.end)
            #expect(try await Fetch.get(url).status != answer.status)
        }
    }

    @Test func latencySpikeDelaysTheAnswerAndChangesNothingElse() async throws {
        let clock = ManualDemoClock(.zero)
        try await DemoLandscape.withLandscape(seed: 1, clock: clock) { demo in
            let (episode, during) = try #require(demo.timeline.first(.latency))
            let delay = try #require(episode.delay)
            let url = "\(demo.baseURL(of: episode.target.system)!)\(episode.target.path)"
            let calm = episode.start - .seconds(1)
            #expect(demo.timeline.episode(system: episode.target.system, path: episode.target.path, at: calm) == nil)
            clock.set(calm)
            let usual = try await Fetch.get(url, timeout: .seconds(30))
            clock.set(during)
            let started = ContinuousClock.now
            let answer = try await Fetch.get(url, timeout: .seconds(30))
            #expect(ContinuousClock.now - started >= delay)
            #expect(answer.status == usual.status, "a late answer is the usual answer")
        }
    }

    @Test func hungEndpointDoesNotBlockAnotherRequestToTheSameServer() async throws {
        let clock = CountingDemoClock()
        let demo = try await DemoLandscape.start(seed: 1, clock: clock, hangDuration: .seconds(3600))
        let (episode, during) = try #require(demo.timeline.first(.hang))
        clock.set(during)
        let base = demo.baseURL(of: episode.target.system)!
        let readsBefore = clock.reads
        let hangEnded = Mutex(false)
        let hung = Task {
            defer { hangEnded.withLock { $0 = true } }
            return try await Fetch.get("\(base)\(episode.target.path)", timeout: .seconds(120))
        }
        // The server reads the clock when it takes the request: from then on it hangs.
        #expect(await eventually { clock.reads > readsBefore })

        let health = try await Fetch.get("\(base)/health", timeout: .seconds(60))
        #expect(health.status == 200)
        #expect(hangEnded.withLock { !$0 }, "the health check answered while the other request hung")

        // The hanging request ends with the server (an error answer or a closed connection), not
        // when the client gives up on it.
        await demo.shutdown()
        switch await hung.result {
        case .success(let answer): #expect(answer.status >= 500)
        case .failure(let error): #expect((error as? HTTPClientError) != .deadlineExceeded, "\(error)")
        }
    }

    @Test func shutdownIsCleanAndReleasesThePorts() async throws {
        let demo = try await DemoLandscape.start(seed: 3, clock: ManualDemoClock())
        let url = "\(demo.baseURL(of: "crm")!)/health"
        #expect(try await Fetch.get(url).status == 200)
        await demo.shutdown()
        await demo.shutdown()
        await #expect(throws: (any Error).self) { try await Fetch.get(url, timeout: .seconds(2)) }
    }

    @Test func startingTwoLandscapesAtOnceGivesThemDifferentPorts() async throws {
        async let first = DemoLandscape.start(seed: 1)
        async let second = DemoLandscape.start(seed: 2)
        let (a, b) = try await (first, second)
        #expect(Set(a.ports.values).isDisjoint(with: Set(b.ports.values)))
        await a.shutdown()
        await b.shutdown()
    }
}
