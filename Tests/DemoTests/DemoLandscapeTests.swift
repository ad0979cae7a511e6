import AsyncHTTPClient
import Foundation
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

    @Test func latencySpikeDelaysTheAnswer() async throws {
        let clock = ManualDemoClock(.zero)
        try await DemoLandscape.withLandscape(seed: 1, clock: clock) { demo in
            let (episode, during) = try #require(demo.timeline.first(.latency))
            let delay = try #require(episode.delay)
            clock.set(during)
            let started = ContinuousClock.now
            let answer = try await Fetch.get(
                "\(demo.baseURL(of: episode.target.system)!)\(episode.target.path)", timeout: .seconds(10))
            #expect(ContinuousClock.now - started >= delay)
            #expect(answer.status == 200 || answer.status == 404 || answer.status == 405)
        }
    }

    @Test func hungEndpointDoesNotBlockAnotherRequestToTheSameServer() async throws {
        let clock = ManualDemoClock(.zero)
        let demo = try await DemoLandscape.start(seed: 1, clock: clock)
        let (episode, during) = try #require(demo.timeline.first(.hang))
        clock.set(during)
        let base = demo.baseURL(of: episode.target.system)!
        let hung = Task { try await Fetch.get("\(base)\(episode.target.path)", timeout: .seconds(30)) }
        try await Task.sleep(for: .milliseconds(200))

        let started = ContinuousClock.now
        let health = try await Fetch.get("\(base)/health")
        #expect(health.status == 200)
        #expect(ContinuousClock.now - started < .seconds(1))

        let shutdownStarted = ContinuousClock.now
        await demo.shutdown()
        #expect(ContinuousClock.now - shutdownStarted < .seconds(5))
        // The hanging request ends with the server, long before its 60 s are up.
        let ended = await hung.result
        #expect(ContinuousClock.now - started < .seconds(10))
        if case .success(let answer) = ended { #expect(answer.status >= 500) }
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
