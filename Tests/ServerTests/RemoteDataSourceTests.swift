import Foundation
import Remote
import Server
import SwitchboardCore
import TestSupport
import Testing

/// The remote console's data source against a real engine on its socket: the same snapshot, writes
/// under the console's name, presence, and a link that goes down and comes back with the engine.
@Suite(.serialized) struct RemoteDataSourceTests {
    @Test func aRemoteConsoleSeesTheEngineAndActsUnderItsName() async throws {
        let fixture = try await EngineFixture.start()
        defer { Task { await fixture.stop() } }
        let alice = RemoteDataSource(endpoint: .socket(path: fixture.socket), user: "alice")
        let bob = RemoteDataSource(endpoint: .socket(path: fixture.socket), user: "bob")
        alice.start()
        bob.start()
        let alert = try #require(try await fixture.firingAlert())
        #expect(await eventually { alice.snapshot.alerts.entries.contains { $0.id == alert } })
        #expect(alice.snapshot.link == .attached(pid: getpid(), endpoint: "unix:\(fixture.socket)"))
        #expect(alice.snapshot.interfaces.map(\.id) == fixture.engine.snapshot.interfaces.map(\.id))

        alice.reportPresence(viewing: "alert:\(alert)")
        #expect(
            await eventually {
                bob.snapshot.viewers.contains { $0.user == "alice" && $0.viewing == "alert:\(alert)" }
            }, "bob sees that alice has the alert open")

        let outcome = await alice.perform(.acknowledge(alertID: alert, note: "mine", by: "alice"))
        #expect(outcome.succeeded, "\(outcome.message)")
        #expect(
            await eventually {
                bob.snapshot.alerts.entries.first { $0.id == alert }?.acknowledgement?.by == "alice"
            },
            "an ack by one engineer shows on the other's console")
        let refused = await bob.perform(.acknowledge(alertID: "nope", note: "", by: "bob"))
        #expect(!refused.succeeded)
        #expect(refused.message.contains("nope"))

        let runs = try await alice.jobRuns(jobID: "etl", limit: 5)
        #expect(runs.isEmpty)
        #expect(try await alice.jobRuns(jobID: "nope", limit: 5).isEmpty)
        #expect(try await alice.jobLog(runID: 12345, afterLine: 0, limit: 10) == nil)
        #expect(try await !alice.alertActivity(alertID: alert, limit: 10).isEmpty)

        await alice.stop()
        #expect(await eventually { !fixture.host.presence.viewers().contains { $0.user == "alice" } })
        await bob.stop()
    }

    @Test func aLostEngineIsReportedAndTheConsoleReattachesWhenItReturns() async throws {
        let first = try await EngineFixture.start()
        let remote = RemoteDataSource(endpoint: .socket(path: first.socket), user: "kim")
        remote.start()
        #expect(await eventually { remote.isConnected })
        let seen = try #require(try await first.firingAlert())
        #expect(await eventually { remote.snapshot.alerts.entries.contains { $0.id == seen } })
        await first.stop()
        #expect(await eventually { !remote.isConnected })
        guard case .disconnected(_, _, let reason) = remote.snapshot.link else {
            Issue.record("the link is \(remote.snapshot.link)")
            return
        }
        #expect(!reason.isEmpty)
        #expect(remote.snapshot.alerts.entries.contains { $0.id == seen }, "the last data stays on screen")

        let second = try await EngineFixture.start(directory: first.directory)
        defer { Task { await second.stop() } }
        #expect(await eventually { remote.isConnected }, "reconnects by itself")
        await remote.stop()
    }

    @Test func aRemoteConsoleOverTCPNeedsItsToken() async throws {
        let fixture = try await EngineFixture.start()
        defer { Task { await fixture.stop() } }
        let endpoint = try #require(EngineEndpoint("http://127.0.0.1:\(fixture.server.tcpPort!)"))
        let refused = RemoteDataSource(endpoint: endpoint, token: nil, user: "eve")
        refused.start()
        #expect(
            await eventually {
                if case .disconnected(_, _, let reason) = refused.snapshot.link { return reason.contains("401") }
                return false
            })
        await refused.stop()
        let viewer = RemoteDataSource(endpoint: endpoint, token: "viewer-token-0123456789", user: "vic")
        viewer.start()
        #expect(await eventually { viewer.isConnected })
        let outcome = await viewer.perform(.runJob(id: "etl"))
        #expect(!outcome.succeeded)
        #expect(outcome.message.contains("operator"), "\(outcome.message)")
        await viewer.stop()
    }

    @Test func endpointsAreReadFromWhatUsersType() {
        #expect(
            EngineEndpoint("unix:/var/lib/switchboard/switchboard.sock")
                == .socket(path: "/var/lib/switchboard/switchboard.sock"))
        #expect(EngineEndpoint("http://jump:9470/") == .url(URL(string: "http://jump:9470")!))
        #expect(EngineEndpoint("https://jump:9470")?.description == "https://jump:9470")
        #expect(EngineEndpoint("jump:9470") == nil)
        #expect(EngineEndpoint("unix:") == nil)
        #expect(EngineEndpoint("ftp://jump") == nil)
    }
}
