import Monitor
import SwitchboardCore
import Testing

@Suite struct TCPProbeTests {
    @Test func connectsAndMatchesTheBanner() async throws {
        let server = try await BannerServer.start(banner: "220 mft.example ESMTP ready\r\n")
        let plain = await TCPProbe(settings: TCPProbeSettings(address: "127.0.0.1:\(server.port)"))
            .run(timeout: .seconds(60))
        let banner = await TCPProbe(settings: TCPProbeSettings(address: "127.0.0.1:\(server.port)", expect: "220 "))
            .run(timeout: .seconds(60))
        let wrong = await TCPProbe(settings: TCPProbeSettings(address: "127.0.0.1:\(server.port)", expect: "SSH-2.0"))
            .run(timeout: .milliseconds(500))
        try await server.stop()
        #expect(plain == .success("connected"))
        #expect(banner == .success("banner matched"))
        #expect(wrong.errorClass == .timeout)
    }

    @Test func refusedPortIsConnectionRefused() async throws {
        let refusing = try RefusingPort()
        let port = refusing.port
        let outcome = await TCPProbe(settings: TCPProbeSettings(address: "127.0.0.1:\(port)")).run(
            timeout: .seconds(60))
        withExtendedLifetime(refusing) {}
        #expect(outcome.errorClass == .connectionRefused)
    }

    @Test(arguments: [
        ("127.0.0.1:80", "127.0.0.1", 80), ("[::1]:8443", "::1", 8443), ("db.local:5432", "db.local", 5432),
    ])
    func splitsHostAndPort(_ address: String, _ host: String, _ port: Int) throws {
        let split = try #require(TCPProbe.split(address))
        #expect(split.0 == host && split.1 == port)
    }
}
